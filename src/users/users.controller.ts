import { Body, Controller, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { UuidParam } from '../common/ids';
import { ApiBodyErrors, ApiNotFound } from '../common/openapi';
import { Page } from '../common/pagination';
import { SetRolesDto, UpdateMeDto, UserPage, UsersQuery } from './dto/users.dto';
import { UserResponse } from './users.mapper';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentCaller() caller: Caller): Promise<UserResponse> {
    return this.users.me(caller);
  }

  @Patch('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  @ApiBodyErrors()
  updateMe(@CurrentCaller() caller: Caller, @Body() dto: UpdateMeDto): Promise<UserResponse> {
    return this.users.updateMe(caller, dto);
  }

  @Get('users')
  @Authenticated('admin')
  @ApiOkResponse({ type: UserPage })
  @ApiBodyErrors()
  list(@Query() q: UsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(q);
  }

  @Put('users/:id/roles')
  @Authenticated('admin')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFound('the user')
  @ApiBodyErrors()
  setRoles(
    @Param('id', UuidParam) id: string,
    @Body() dto: SetRolesDto,
    @CurrentCaller() caller: Caller,
  ): Promise<UserResponse> {
    return this.users.setRoles(id, dto.roles, caller);
  }
}
