import { Injectable, Logger } from '@nestjs/common';
import { Caller } from '../common/auth';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { offsetOf, Page, pageOf } from '../common/pagination';
import { UpdateMeDto, UsersQuery } from './dto/users.dto';
import { Role } from './user.entity';
import { toUserResponse, UserResponse } from './users.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(private readonly users: UsersRepository) {}

  async me(caller: Caller): Promise<UserResponse> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new NotFoundError('The account');
    return toUserResponse(user);
  }

  async updateMe(caller: Caller, dto: UpdateMeDto): Promise<UserResponse> {
    await this.users.updateProfile(caller.id, {
      ...(dto.name !== undefined && { name: dto.name }),
      ...(dto.locale !== undefined && { locale: dto.locale }),
    });
    return this.me(caller);
  }

  async list(q: UsersQuery): Promise<Page<UserResponse>> {
    const [rows, total] = await this.users.page(q.q, q.role, offsetOf(q), q.limit);
    return pageOf(rows.map(toUserResponse), total, q);
  }

  /** Every account keeps `family`; an admin cannot take the admin role from themselves (no lock-out). */
  async setRoles(id: string, roles: Role[], caller: Caller): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('The user');
    const next = Array.from(new Set<Role>(['family', ...roles]));
    if (id === caller.id && !next.includes('admin')) throw new ForbiddenError('You cannot remove your own admin role');
    await this.users.setRoles(id, next);
    // The audit trail of role changes: who, whom, from what to what; ids only.
    this.logger.log({ actorId: caller.id, targetId: id, from: user.roles, to: next }, 'roles changed');
    return toUserResponse({ ...user, roles: next });
  }
}
