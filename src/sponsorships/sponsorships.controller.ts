import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { UuidParam } from '../common/ids';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../common/openapi';
import { Page, PageQuery } from '../common/pagination';
import {
  CreatePaymentDto,
  CreateSponsorshipDto,
  FundsResponse,
  PaymentResponse,
  ReportPage,
  ReportResponse,
  SponsorshipPage,
  SponsorshipResponse,
  StatementQuery,
  StatementResponse,
} from './dto/sponsorships.dto';
import { SponsorshipsService } from './sponsorships.service';

const SPONSORSHIP = 'the sponsorship (visible to its sponsor, the program’s organizers and admins)';
const MANAGED = 'the sponsorship (managed by the program’s organizers and admins)';

@ApiTags('sponsorship')
@Controller('sponsorships')
export class SponsorshipsController {
  constructor(private readonly sponsorships: SponsorshipsService) {}

  @Post()
  @Idempotent()
  @Authenticated('organizer')
  @ApiCreatedResponse({ type: SponsorshipResponse, description: 'a waiting student becomes sponsored' })
  @ApiForbiddenResponse({
    description: "forbidden: the caller's role may not act, or programId names a program they do not organize",
    type: ProblemSchema,
  })
  @ApiConflictResponse({
    description: 'invalid_transition: the student has graduated or was withdrawn',
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  create(@Body() dto: CreateSponsorshipDto, @CurrentCaller() caller: Caller): Promise<SponsorshipResponse> {
    return this.sponsorships.create(dto, caller);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: SponsorshipResponse })
  @ApiNotFound(SPONSORSHIP)
  get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<SponsorshipResponse> {
    return this.sponsorships.get(id, caller);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Authenticated('organizer')
  @ApiOkResponse({ type: SponsorshipResponse, description: 'ended today; its history stays' })
  @ApiNotFound(MANAGED)
  @ApiConflictResponse({ description: 'invalid_transition: ended already', type: ProblemSchema })
  end(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<SponsorshipResponse> {
    return this.sponsorships.end(id, caller);
  }

  @Post(':id/payments')
  @Idempotent()
  @Authenticated('organizer')
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiNotFound(MANAGED)
  @ApiBodyErrors()
  pay(
    @Param('id', UuidParam) id: string,
    @Body() dto: CreatePaymentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PaymentResponse> {
    return this.sponsorships.pay(id, dto, caller);
  }

  @Get(':id/reports')
  @Authenticated()
  @ApiOkResponse({
    type: ReportPage,
    description: "the student's published reports, oldest first; none while her share_progress consent does not hold",
  })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad page or limit', type: ProblemSchema })
  @ApiNotFound(SPONSORSHIP)
  reports(
    @Param('id', UuidParam) id: string,
    @Query() q: PageQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<Page<ReportResponse>> {
    return this.sponsorships.reports(id, q, caller);
  }

  @Get(':id/reports/:reportId')
  @Authenticated()
  @ApiOkResponse({ type: ReportResponse })
  @ApiNotFound('the sponsorship, or a published report of its student while her share_progress consent holds')
  report(
    @Param('id', UuidParam) id: string,
    @Param('reportId', UuidParam) reportId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ReportResponse> {
    return this.sponsorships.report(id, reportId, caller);
  }

  @Get(':id/statement')
  @Authenticated()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: StatementResponse, description: 'JSON, or CSV (UTF-8 with a BOM) with format=csv' })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad year or format', type: ProblemSchema })
  @ApiNotFound(SPONSORSHIP)
  statement(
    @Param('id', UuidParam) id: string,
    @Query() q: StatementQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StatementResponse | string> {
    return this.sponsorships.statementAnswer(id, q, caller, res);
  }
}

@ApiTags('sponsorship')
@Controller('me/sponsorships')
export class MySponsorshipsController {
  constructor(private readonly sponsorships: SponsorshipsService) {}

  @Get()
  @Authenticated('sponsor')
  @ApiOkResponse({ type: SponsorshipPage, description: "the caller's own sponsorships, active first" })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad page or limit', type: ProblemSchema })
  mine(@Query() q: PageQuery, @CurrentCaller() caller: Caller): Promise<Page<SponsorshipResponse>> {
    return this.sponsorships.mine(q, caller);
  }
}

@ApiTags('programs')
@Controller('programs')
export class ProgramFundsController {
  constructor(private readonly sponsorships: SponsorshipsService) {}

  @Get(':id/funds')
  @Authenticated('organizer')
  @ApiOkResponse({
    type: FundsResponse,
    description: 'per student and for the program: committed, received, disbursed, balance, per currency',
  })
  @ApiForbiddenResponse({
    description: "forbidden: the caller's role may not act, or they do not organize the program",
    type: ProblemSchema,
  })
  @ApiNotFound('the program')
  funds(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<FundsResponse> {
    return this.sponsorships.funds(id, caller);
  }
}
