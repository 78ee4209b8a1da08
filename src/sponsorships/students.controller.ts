import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { UuidParam } from '../common/ids';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../common/openapi';
import { Page, PageQuery } from '../common/pagination';
import {
  CreateDisbursementDto,
  CreateReportDto,
  DisbursementResponse,
  ReportResponse,
  StudentSponsorshipResponse,
} from './dto/sponsorships.dto';
import {
  AuditEntryResponse,
  AuditPage,
  ConsentDto,
  ConsentResponse,
  CreateStudentDto,
  StudentPage,
  StudentResponse,
  StudentsQuery,
  UpdateStudentDto,
} from './dto/students.dto';
import { SponsorshipsService } from './sponsorships.service';
import { StudentsService } from './students.service';

const STUDENT = 'the student (visible to her program’s organizers and admins only)';

@ApiTags('sponsorship')
@Controller('students')
@Authenticated('organizer')
export class StudentsController {
  constructor(
    private readonly students: StudentsService,
    private readonly sponsorships: SponsorshipsService,
  ) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: StudentResponse, description: 'she starts waiting for a sponsor' })
  @ApiForbiddenResponse({
    description: "forbidden: the caller's role may not act, or programId names a program they do not organize",
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  create(@Body() dto: CreateStudentDto, @CurrentCaller() caller: Caller): Promise<StudentResponse> {
    return this.students.create(dto, caller);
  }

  @Get()
  @ApiOkResponse({
    type: StudentPage,
    description: "students of the caller's programs; status=waiting: longest waiting first",
  })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad filter, page or limit', type: ProblemSchema })
  list(@Query() q: StudentsQuery, @CurrentCaller() caller: Caller): Promise<Page<StudentResponse>> {
    return this.students.list(q, caller);
  }

  @Get(':id')
  @ApiOkResponse({ type: StudentResponse })
  @ApiNotFound(STUDENT)
  get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<StudentResponse> {
    return this.students.get(id, caller);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StudentResponse })
  @ApiNotFound(STUDENT)
  @ApiConflictResponse({ description: 'invalid_transition: a status move the rules do not allow', type: ProblemSchema })
  @ApiBodyErrors()
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateStudentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<StudentResponse> {
    return this.students.update(id, dto, caller);
  }

  @Get(':id/audit')
  @ApiOkResponse({ type: AuditPage, description: 'who changed her record, what and when; newest first' })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad page or limit', type: ProblemSchema })
  @ApiNotFound(STUDENT)
  audit(
    @Param('id', UuidParam) id: string,
    @Query() q: PageQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<Page<AuditEntryResponse>> {
    return this.students.audit(id, q, caller);
  }

  @Post(':id/consents')
  @Idempotent()
  @ApiCreatedResponse({ type: ConsentResponse })
  @ApiNotFound(STUDENT)
  @ApiBodyErrors()
  grantConsent(
    @Param('id', UuidParam) id: string,
    @Body() dto: ConsentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsentResponse> {
    return this.students.grantConsent(id, dto, caller);
  }

  @Post(':id/consents/:purpose/withdraw')
  @HttpCode(200)
  @ApiParam({ name: 'purpose', enum: ['share_progress', 'photos'] })
  @ApiOkResponse({
    type: [ConsentResponse],
    description: 'every record of that purpose, now withdrawn; effective at once',
  })
  @ApiNotFound('the student, or the purpose')
  @ApiConflictResponse({
    description: 'invalid_transition: no consent of that purpose to withdraw',
    type: ProblemSchema,
  })
  withdrawConsent(
    @Param('id', UuidParam) id: string,
    @Param('purpose') purpose: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsentResponse[]> {
    return this.students.withdrawConsent(id, purpose, caller);
  }

  @Get(':id/sponsorships')
  @ApiOkResponse({ type: [StudentSponsorshipResponse], description: 'every sponsorship of hers, active first' })
  @ApiNotFound(STUDENT)
  sponsorshipsOf(
    @Param('id', UuidParam) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StudentSponsorshipResponse[]> {
    return this.sponsorships.ofStudent(id, caller);
  }

  @Get(':id/disbursements')
  @ApiOkResponse({ type: [DisbursementResponse], description: 'what was paid out for her, newest first' })
  @ApiNotFound(STUDENT)
  disbursementsOf(
    @Param('id', UuidParam) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DisbursementResponse[]> {
    return this.sponsorships.disbursementsOf(id, caller);
  }

  @Get(':id/reports')
  @ApiOkResponse({ type: [ReportResponse], description: 'her progress reports, drafts included, newest first' })
  @ApiNotFound(STUDENT)
  reportsOf(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<ReportResponse[]> {
    return this.sponsorships.reportsOf(id, caller);
  }

  @Post(':id/disbursements')
  @Idempotent()
  @ApiCreatedResponse({ type: DisbursementResponse })
  @ApiNotFound(STUDENT)
  @ApiBodyErrors()
  disburse(
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateDisbursementDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DisbursementResponse> {
    return this.sponsorships.disburse(id, dto, caller);
  }

  @Post(':id/reports')
  @Idempotent()
  @ApiCreatedResponse({ type: ReportResponse, description: 'a draft, unless published is true' })
  @ApiNotFound(STUDENT)
  @ApiBodyErrors()
  createReport(
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateReportDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReportResponse> {
    return this.sponsorships.createReport(id, dto, caller);
  }

  @Post(':id/reports/:reportId/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportResponse, description: 'mails each active sponsor while share_progress holds' })
  @ApiNotFound('the student or the report')
  @ApiConflictResponse({ description: 'invalid_transition: published already', type: ProblemSchema })
  publishReport(
    @Param('id', UuidParam) id: string,
    @Param('reportId', UuidParam) reportId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ReportResponse> {
    return this.sponsorships.publishReport(id, reportId, caller);
  }
}
