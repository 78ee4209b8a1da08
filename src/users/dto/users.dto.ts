import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery, PageSchema } from '../../common/pagination';
import { OptionalNotNull, trim } from '../../common/validators';
import { LOCALES, Locale, Role, ROLES } from '../user.entity';
import { UserResponse } from '../users.mapper';

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['family', 'organizer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class UsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'matches email or name', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export const UserPage = PageSchema(UserResponse);

/** What a person may change of their own account on `/me`. */
export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Mei Chen', maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'the language of the web app and of every mail to this account' })
  @OptionalNotNull()
  @IsIn(LOCALES)
  locale?: Locale;
}
