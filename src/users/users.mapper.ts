import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, Locale, Role, ROLES, User } from './user.entity';

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  email: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  @ApiProperty()
  createdAt: string;
}

export function toUserResponse(u: User): UserResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    locale: u.locale,
    createdAt: u.createdAt.toISOString(),
  };
}
