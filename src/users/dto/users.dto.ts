import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { PageQuery, PageSchema } from '../../common/pagination';
import { Role, ROLES } from '../user.entity';
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
