import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/validators';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'mei@example.org', maxLength: 254 })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;
}

export class ConfirmPasswordResetDto {
  @ApiProperty({
    description: 'The token from the reset link (`/reset-password?token=...`)',
    maxLength: 200,
    example: '3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a90.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 8, maxLength: 200, example: 'a new long password' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;
}

export class PasswordResetAccepted {
  @ApiProperty({ example: 'If an account uses this email, a link to choose a new password is on its way.' })
  message: string;
}
