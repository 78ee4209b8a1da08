import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { UuidParam } from '../common/ids';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ApiNotFound } from '../common/openapi';
import { Page, PageQuery } from '../common/pagination';
import { CreateMemberDto, MemberPage, MemberResponse, UpdateMemberDto } from './dto/household.dto';
import { HouseholdsService } from './households.service';

@ApiTags('household')
@Controller('me/household/members')
@Authenticated()
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Get()
  @ApiOkResponse({ type: MemberPage })
  @ApiBodyErrors()
  list(@CurrentCaller() caller: Caller, @Query() q: PageQuery): Promise<Page<MemberResponse>> {
    return this.households.list(caller, q);
  }

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: MemberResponse })
  @ApiBodyErrors()
  add(@CurrentCaller() caller: Caller, @Body() dto: CreateMemberDto): Promise<MemberResponse> {
    return this.households.add(caller, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MemberResponse })
  @ApiNotFound("the member (another family's members are not found)")
  @ApiBodyErrors()
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberResponse> {
    return this.households.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removed' })
  @ApiNotFound('the member')
  remove(@CurrentCaller() caller: Caller, @Param('id', UuidParam) id: string): Promise<void> {
    return this.households.remove(caller, id);
  }
}
