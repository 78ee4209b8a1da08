import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, PageSchema } from '../../common/pagination';
import { IsCalendarDate, OptionalNotNull, rule, trim } from '../../common/validators';
import { isCurrency } from '../money';
import { CONSENT_PURPOSES, ConsentPurpose, STUDENT_STATUSES, StudentStatus } from '../student-rules';

/** An ISO 4217 currency code, upper-case. */
export const IsCurrency = rule('isCurrency', (p) => `${p} must be an ISO 4217 currency code (USD, NPR)`, isCurrency);

const MAX_MINOR = 2_000_000_000;

export class MoneyDto {
  @ApiProperty({ example: 36000, description: 'integer minor units (cents, paisa)', minimum: 0, maximum: MAX_MINOR })
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  amount: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217' })
  @IsCurrency()
  currency: string;
}

/** Money that must be more than nothing (commitments, payments, disbursements). */
export class PositiveMoneyDto extends MoneyDto {
  @ApiProperty({ example: 3000, description: 'integer minor units, more than 0', minimum: 1, maximum: MAX_MINOR })
  @IsInt()
  @Min(1)
  @Max(MAX_MINOR)
  declare amount: number;
}

export class SchoolDto {
  @ApiProperty({ example: 'Shree Janata Secondary School', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Dhulikhel', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  town: string;
}

export class GuardianDto {
  @ApiProperty({ example: 'Sita Tamang', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'mother', maxLength: 60 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  relationship: string;

  @ApiProperty({ example: '+977 981 234 5678', maxLength: 40 })
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  @Matches(/^[+0-9 ()./-]{3,40}$/, { message: 'phone may hold digits, spaces, + ( ) . / - only' })
  phone: string;
}

export class ConsentDto {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;

  @ApiProperty({ example: 'Sita Tamang (mother)', maxLength: 200, description: 'who gave it' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  grantedBy: string;

  @ApiProperty({ example: '2026-01-15T10:00:00+05:45', description: 'ISO 8601 (a date alone is midnight UTC)' })
  @IsISO8601({ strict: true }, { message: 'grantedAt must be an ISO 8601 time' })
  grantedAt: string;

  @ApiPropertyOptional({
    example: '2027-01-15T00:00:00Z',
    type: String,
    nullable: true,
    description: 'none: until withdrawn',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 time' })
  expiresAt?: string | null;
}

export class CreateStudentDto {
  @ApiProperty({ format: 'uuid', description: 'a sponsorship program the caller organizes' })
  @IsUUID('all', { message: 'programId must be a uuid' })
  programId: string;

  @ApiProperty({ example: 'Asha Kumari Tamang', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: 'Asha', maxLength: 100, description: 'the only name sponsors see' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  preferredName: string;

  @ApiProperty({ format: 'date', example: '2011-04-02' })
  @IsCalendarDate()
  birthDate: string;

  @ApiProperty({ example: 'Nepal', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  country: string;

  @ApiPropertyOptional({ example: 'Kavrepalanchok', maxLength: 200, default: '' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  region?: string;

  @ApiProperty({ type: SchoolDto })
  @ValidateNested()
  @Type(() => SchoolDto)
  school: SchoolDto;

  @ApiProperty({ example: 'Grade 8', maxLength: 40 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  gradeLevel: string;

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  annualNeed: MoneyDto;

  @ApiProperty({ type: GuardianDto })
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian: GuardianDto;

  @ApiPropertyOptional({ type: [ConsentDto], maxItems: 10 })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ConsentDto)
  consents?: ConsentDto[];
}

/** Every field may change but the program and the consents (which have their own endpoints). */
export class UpdateStudentDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  preferredName?: string;

  @ApiPropertyOptional({ format: 'date' })
  @OptionalNotNull()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  country?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  region?: string;

  @ApiPropertyOptional({ type: SchoolDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => SchoolDto)
  school?: SchoolDto;

  @ApiPropertyOptional({ maxLength: 40 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  gradeLevel?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => MoneyDto)
  annualNeed?: MoneyDto;

  @ApiPropertyOptional({ type: GuardianDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian?: GuardianDto;

  @ApiPropertyOptional({
    enum: STUDENT_STATUSES,
    description:
      'waiting → sponsored (needs an active sponsorship) or withdrawn; sponsored → graduated, withdrawn (both end her sponsorships) or waiting (once none is active); other moves: 409 invalid_transition',
  })
  @OptionalNotNull()
  @IsIn(STUDENT_STATUSES)
  status?: StudentStatus;
}

export class StudentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STUDENT_STATUSES, description: 'waiting: longest waiting first' })
  @IsOptional()
  @IsIn(STUDENT_STATUSES)
  status?: StudentStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'programId must be a uuid' })
  programId?: string;

  @ApiPropertyOptional({ example: 'Grade 8', maxLength: 40, description: 'her grade level, exactly (any case)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  grade?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'part of her full or preferred name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class MoneyResponse {
  @ApiProperty({ description: 'integer minor units' })
  amount: number;
  @ApiProperty({ example: 'USD' })
  currency: string;
}

export class ConsentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: CONSENT_PURPOSES })
  purpose: ConsentPurpose;
  @ApiProperty()
  grantedBy: string;
  @ApiProperty()
  grantedAt: string;
  @ApiProperty({ nullable: true, type: String })
  expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  withdrawnAt: string | null;
  @ApiProperty({ description: 'granted, not withdrawn and not expired, now' })
  holds: boolean;
}

export class FundingYearResponse {
  @ApiProperty({ example: 2026 })
  year: number;
  @ApiProperty({ type: MoneyResponse })
  need: MoneyResponse;
  @ApiProperty({
    type: [MoneyResponse],
    description: "what her sponsorships' due dates in the year ask for, per currency",
  })
  committed: MoneyResponse[];
  @ApiProperty({ type: MoneyResponse, description: 'the need less what is committed in its currency (never below 0)' })
  unfunded: MoneyResponse;
}

export class StatusDatesResponse {
  @ApiProperty({ nullable: true, type: String })
  waitingSince: string | null;
  @ApiProperty({ nullable: true, type: String })
  sponsoredAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  graduatedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  withdrawnAt: string | null;
}

/** What organizers see of a student: everything. Sponsors never get this shape. */
export class StudentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  programId: string;
  @ApiProperty()
  fullName: string;
  @ApiProperty()
  preferredName: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null once her record was reduced after her program (retention)',
  })
  birthDate: string | null;
  @ApiProperty()
  country: string;
  @ApiProperty()
  region: string;
  @ApiProperty({ type: SchoolDto })
  school: SchoolDto;
  @ApiProperty()
  gradeLevel: string;
  @ApiProperty({ type: MoneyResponse })
  annualNeed: MoneyResponse;
  @ApiProperty({ type: GuardianDto })
  guardian: GuardianDto;
  @ApiProperty({ enum: STUDENT_STATUSES })
  status: StudentStatus;
  @ApiProperty({ type: StatusDatesResponse })
  statusDates: StatusDatesResponse;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'whole days since she started waiting; null unless waiting',
  })
  daysWaiting: number | null;
  @ApiProperty({ type: [ConsentResponse], description: 'every consent record, newest first' })
  consents: ConsentResponse[];
  @ApiProperty({ type: [FundingYearResponse], description: 'this year and the next' })
  funding: FundingYearResponse[];
  @ApiProperty({ description: 'active sponsorships' })
  activeSponsorships: number;
  @ApiProperty()
  createdAt: string;
  @ApiProperty()
  updatedAt: string;
}

export class StudentPage extends PageSchema(StudentResponse) {}

export class AuditEntryResponse {
  @ApiProperty()
  id: string;
  @ApiProperty({ nullable: true, type: Object, description: 'who: { id, name }' })
  actor: { id: string; name: string } | null;
  @ApiProperty({ example: 'updated' })
  action: string;
  @ApiProperty({ type: Object, description: 'field → { from, to } for updates; what was added otherwise' })
  changes: Record<string, unknown>;
  @ApiProperty()
  at: string;
}

export class AuditPage extends PageSchema(AuditEntryResponse) {}
