import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { UuidParam } from '../common/ids';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../common/openapi';
import { Page } from '../common/pagination';
import {
  CreateProgramDto,
  ProgramPage,
  ProgramReportResponse,
  ProgramResponse,
  ProgramsQuery,
  SetOrganizersDto,
} from './dto/programs.dto';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @Idempotent()
  @Authenticated('organizer')
  @ApiCreatedResponse({ type: ProgramResponse })
  @ApiBodyErrors()
  create(@Body() dto: CreateProgramDto, @CurrentCaller() caller: Caller): Promise<ProgramResponse> {
    return this.programs.create(dto, caller);
  }

  @Get()
  @ApiOkResponse({ type: ProgramPage })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad filter, page or limit', type: ProblemSchema })
  @ApiUnauthorizedResponse({ description: 'unauthenticated: mine=true without a sign-in', type: ProblemSchema })
  @ApiForbiddenResponse({
    description: 'forbidden: mine=true from a caller without the organizer role',
    type: ProblemSchema,
  })
  list(@Query() q: ProgramsQuery, @CurrentCaller() caller: Caller | undefined): Promise<Page<ProgramResponse>> {
    return this.programs.list(q, caller);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgramResponse })
  @ApiNotFound('the program')
  get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller | undefined): Promise<ProgramResponse> {
    return this.programs.get(id, caller);
  }

  @Get(':id/report')
  @Authenticated('organizer')
  @ApiOkResponse({
    type: ProgramReportResponse,
    description: 'families and persons registered and checked in, children, per event and in total',
  })
  @ApiForbiddenResponse({ description: "forbidden: not one of the program's organizers", type: ProblemSchema })
  @ApiNotFound('the program')
  report(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<ProgramReportResponse> {
    return this.programs.report(id, caller);
  }

  @Put(':id/organizers')
  @Authenticated('organizer')
  @ApiOkResponse({ type: ProgramResponse })
  @ApiForbiddenResponse({
    description: "forbidden: the caller is neither the program's creator nor an admin",
    type: ProblemSchema,
  })
  @ApiNotFound('the program')
  @ApiBodyErrors()
  setOrganizers(
    @Param('id', UuidParam) id: string,
    @Body() dto: SetOrganizersDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ProgramResponse> {
    return this.programs.setOrganizers(id, dto, caller);
  }
}
