import { applyDecorators } from '@nestjs/common';
import { trim } from '../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, Locale } from '../../users/user.entity';
import { UserResponse } from '../../users/users.mapper';

/** `session: "cookie"` asks for a browser session instead of a bearer token. */
function SessionOption() {
  return applyDecorators(
    ApiPropertyOptional({
      enum: ['cookie'],
      description:
        "cookie: a browser session. The answer sets an HttpOnly session cookie and carries no accessToken; unsafe requests with the cookie must come from the app's own origin.",
    }),
    IsOptional(),
    IsIn(['cookie']),
  );
}

export class SignupDto {
  @ApiProperty({ example: 'mei@example.org', maxLength: 254 })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 200, example: 'correct horse battery' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Mei Chen', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @SessionOption()
  session?: 'cookie';
}

export class LoginDto {
  @ApiProperty({ example: 'mei@example.org' })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @SessionOption()
  session?: 'cookie';
}

export class AuthResponse {
  @ApiPropertyOptional({ description: 'the bearer token; absent when a cookie session was asked for' })
  accessToken?: string;
  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}

/** Who the browser's session belongs to, if anyone: 200 either way, so a visitor is not an error. */
export class SessionResponse {
  @ApiProperty({ type: UserResponse, nullable: true })
  user: UserResponse | null;
}
