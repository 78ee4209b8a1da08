import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, OptionalNotNull, trim } from '../../common/validators';
import { PERIODS, Period } from '../money';
import {
  DISBURSEMENT_CATEGORIES,
  DisbursementCategory,
  PAYMENT_METHODS,
  PaymentMethod,
  SPONSORSHIP_STATUSES,
  SponsorshipStatus,
} from '../sponsorship.entity';
import { IsCurrency, MoneyResponse, PositiveMoneyDto } from './students.dto';

export class CommitmentDto extends PositiveMoneyDto {
  @ApiProperty({ enum: PERIODS, description: 'a due date every month, every four months (term) or every year' })
  @IsIn(PERIODS)
  period: Period;
}

export class CreateSponsorshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'studentId must be a uuid' })
  studentId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a user with the sponsor role (or give sponsorEmail)' })
  @IsOptional()
  @IsUUID('all', { message: 'sponsorUserId must be a uuid' })
  sponsorUserId?: string;

  @ApiPropertyOptional({
    format: 'email',
    maxLength: 254,
    description: "the sponsor's account email, instead of sponsorUserId (exactly one of the two)",
  })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'sponsorEmail must be an email address' })
  @MaxLength(254)
  sponsorEmail?: string;

  @ApiProperty({ format: 'uuid', description: "the student's program" })
  @IsUUID('all', { message: 'programId must be a uuid' })
  programId: string;

  @ApiProperty({ type: CommitmentDto })
  @ValidateNested()
  @Type(() => CommitmentDto)
  commitment: CommitmentDto;

  @ApiProperty({ format: 'date', description: 'the first due date' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'no due date after it; none: until ended' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;
}

export class CreatePaymentDto {
  @ApiProperty({ example: 3000, description: 'integer minor units, more than 0' })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  amount: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217; only payments in the commitment currency settle its dues' })
  @IsCurrency()
  currency: string;

  @ApiProperty({ format: 'date', description: 'not in the future' })
  @IsCalendarDate()
  receivedOn: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method: PaymentMethod;

  @ApiPropertyOptional({ maxLength: 100, default: '' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  reference?: string;
}

export class CreateDisbursementDto {
  @ApiProperty({ enum: DISBURSEMENT_CATEGORIES })
  @IsIn(DISBURSEMENT_CATEGORIES)
  category: DisbursementCategory;

  @ApiProperty({ example: 12000, description: 'integer minor units, more than 0' })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  amount: number;

  @ApiProperty({ example: 'NPR' })
  @IsCurrency()
  currency: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  paidOn: string;

  @ApiProperty({ maxLength: 200, example: 'Shree Janata Secondary School' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  payee: string;

  @ApiPropertyOptional({ maxLength: 100, default: '' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  receiptReference?: string;
}

export class DisbursementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  studentId: string;
  @ApiProperty({ enum: DISBURSEMENT_CATEGORIES })
  category: DisbursementCategory;
  @ApiProperty()
  amount: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ format: 'date' })
  paidOn: string;
  @ApiProperty()
  payee: string;
  @ApiProperty()
  receiptReference: string;
  @ApiProperty()
  createdAt: string;
}

export class SubjectDto {
  @ApiProperty({ maxLength: 100, example: 'Mathematics' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ maxLength: 20, example: 'A' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  grade: string;
}

export class CreateReportDto {
  @ApiProperty({ maxLength: 60, example: '2026 Term 1' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  term: string;

  @ApiProperty({ maxLength: 40, example: 'Grade 8' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  gradeLevel: string;

  @ApiProperty({ type: [SubjectDto], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SubjectDto)
  subjects: SubjectDto[];

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.95 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  attendanceRate: number;

  @ApiProperty()
  @IsBoolean()
  promoted: boolean;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({ default: false, description: 'true publishes it at once (and mails the sponsors)' })
  @OptionalNotNull()
  @IsBoolean()
  published?: boolean;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  term: string;
  @ApiProperty()
  gradeLevel: string;
  @ApiProperty({ type: [SubjectDto] })
  subjects: SubjectDto[];
  @ApiProperty()
  attendanceRate: number;
  @ApiProperty()
  promoted: boolean;
  @ApiProperty()
  summary: string;
  @ApiProperty()
  published: boolean;
  @ApiProperty({ nullable: true, type: String })
  publishedAt: string | null;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  amount: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ format: 'date' })
  receivedOn: string;
  @ApiProperty({ enum: PAYMENT_METHODS })
  method: PaymentMethod;
  @ApiProperty()
  reference: string;
}

/** One due date of this sponsorship so far, and what is still unpaid of it (oldest due settled first). */
export class DueResponse {
  @ApiProperty({ format: 'date' })
  date: string;
  @ApiProperty({ description: 'what the commitment asked for on that date, in minor units' })
  amount: number;
  @ApiProperty({ description: "the commitment's currency" })
  currency: string;
  @ApiProperty({ description: 'still unpaid of it' })
  unpaid: number;
  @ApiProperty({ description: 'unpaid 30 days or more after its date' })
  overdue: boolean;
}

export class CommitmentResponse extends MoneyResponse {
  @ApiProperty({ enum: PERIODS })
  period: Period;
}

/**
 * The student as a sponsor may see her: never her full name, birth date, region or guardian. A
 * former sponsor sees her as she was when the sponsorship ended.
 */
export class SponsoredStudentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  preferredName: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'whole years on 1 January of this year (of the year the sponsorship ended, once it has): it never changes on her birthday; null once her record was reduced after her program',
  })
  age: number | null;
  @ApiProperty()
  country: string;
  @ApiProperty()
  gradeLevel: string;
  @ApiProperty()
  schoolTown: string;
}

/**
 * One sponsorship, as its sponsor (and the program's organizers) see it: this sponsor's own
 * commitment and money only, the student's safe subset, the latest report while consent holds.
 */
export class SponsorshipResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  programId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null once the sponsor erased their account',
  })
  sponsorUserId: string | null;
  @ApiProperty({ enum: SPONSORSHIP_STATUSES })
  status: SponsorshipStatus;
  @ApiProperty({ type: CommitmentResponse })
  commitment: CommitmentResponse;
  @ApiProperty({ format: 'date' })
  startDate: string;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  endDate: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  endedOn: string | null;
  @ApiProperty({ type: SponsoredStudentResponse })
  student: SponsoredStudentResponse;
  @ApiProperty({
    type: ReportResponse,
    nullable: true,
    description: "null while the share_progress consent doesn't hold",
  })
  latestReport: ReportResponse | null;
  @ApiProperty({ type: [MoneyResponse], description: 'every payment of this sponsorship, per currency' })
  paidToDate: MoneyResponse[];
  @ApiProperty({ type: MoneyResponse, description: 'unpaid of the due dates so far (overdue included)' })
  due: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'unpaid 30 days or more after its due date' })
  overdue: MoneyResponse;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  nextDueDate: string | null;
  @ApiProperty({
    type: [MoneyResponse],
    description: "this sponsorship's payments received in the current calendar year (UTC), per currency",
  })
  paidThisYear: MoneyResponse[];
  @ApiProperty({ type: [DueResponse], description: 'every due date so far, oldest first' })
  dues: DueResponse[];
  @ApiProperty({ type: [PaymentResponse], description: "this sponsorship's payments, newest first" })
  payments: PaymentResponse[];
  @ApiProperty()
  createdAt: string;
}

export class SponsorRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  email: string;
}

/** A sponsorship as the program's organizers see it beside the student: who the sponsor is, too. */
export class StudentSponsorshipResponse extends SponsorshipResponse {
  @ApiProperty({ type: SponsorRef, nullable: true, description: 'null once the sponsor erased their account' })
  sponsor: SponsorRef | null;
}

export class SponsorshipPage {
  @ApiProperty({ type: [SponsorshipResponse] })
  items: SponsorshipResponse[];
  @ApiProperty()
  total: number;
  @ApiProperty()
  page: number;
  @ApiProperty()
  limit: number;
}

export class ReportPage {
  @ApiProperty({ type: [ReportResponse] })
  items: ReportResponse[];
  @ApiProperty()
  total: number;
  @ApiProperty()
  page: number;
  @ApiProperty()
  limit: number;
}

export class StatementQuery {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class StatementResponse {
  @ApiProperty({ format: 'uuid' })
  sponsorshipId: string;
  @ApiProperty()
  year: number;
  @ApiProperty()
  studentName: string;
  @ApiProperty({ type: CommitmentResponse })
  commitment: CommitmentResponse;
  @ApiProperty({ type: [PaymentResponse], description: 'payments received in the year, by date' })
  payments: PaymentResponse[];
  @ApiProperty({
    type: [ReportResponse],
    description: "reports published in the year (none while consent doesn't hold)",
  })
  reports: ReportResponse[];
  @ApiProperty({ type: [MoneyResponse], description: 'per currency' })
  totals: MoneyResponse[];
}

export class FundsLineResponse {
  @ApiProperty()
  currency: string;
  @ApiProperty({ description: 'what the due dates so far asked for' })
  committed: number;
  @ApiProperty()
  received: number;
  @ApiProperty()
  disbursed: number;
  @ApiProperty({ description: 'received less disbursed' })
  balance: number;
}

export class StudentFundsResponse {
  @ApiProperty({ format: 'uuid' })
  studentId: string;
  @ApiProperty()
  fullName: string;
  @ApiProperty()
  preferredName: string;
  @ApiProperty({ type: [FundsLineResponse] })
  totals: FundsLineResponse[];
}

export class FundsResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;
  @ApiProperty({ type: [StudentFundsResponse] })
  students: StudentFundsResponse[];
  @ApiProperty({ type: [FundsLineResponse], description: 'the program, per currency' })
  totals: FundsLineResponse[];
}
