import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, OptionalNotNull, trim } from '../../common/validators';
import { LOCALES, Locale } from '../../users/user.entity';
import {
  ATTENDEE_CATEGORIES,
  AttendeeCategory,
  REGISTRATION_STATUSES,
  RegistrationStatus,
} from '../registration.entity';

export class ContactDto {
  @ApiProperty({ example: 'Mei Chen', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'mei@example.org', maxLength: 254 })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiPropertyOptional({ example: '+86 10 1234 5678', maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  @Matches(/^[+0-9 ()./-]{3,40}$/, { message: 'phone may hold digits, spaces, + ( ) . / - only' })
  phone?: string;
}

export class AttendeeDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'required unless memberId fills it in' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ATTENDEE_CATEGORIES, description: 'required unless memberId fills it in' })
  @IsOptional()
  @IsIn(ATTENDEE_CATEGORIES)
  category?: AttendeeCategory;

  @ApiPropertyOptional({ format: 'date', description: 'required for children' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "one of the signed-in family's household members; fills in name, category and birth date",
  })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a uuid' })
  memberId?: string;
}

export class ConsentsDto {
  @ApiProperty({ description: 'must be true' })
  @IsBoolean()
  dataProcessing: boolean;

  @ApiPropertyOptional({ default: false })
  @OptionalNotNull()
  @IsBoolean()
  photos?: boolean;
}

export class CreateRegistrationDto {
  @ApiProperty({ type: ContactDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact: ContactDto;

  @ApiProperty({ type: [AttendeeDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees: AttendeeDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "answers keyed by the event's question ids",
  })
  @OptionalNotNull()
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiProperty({ type: ConsentsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentsDto)
  consents: ConsentsDto;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class UpdateRegistrationDto {
  @ApiProperty({
    type: [AttendeeDto],
    minItems: 1,
    maxItems: 20,
    description: 'the whole new party (replaces the old one)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees: AttendeeDto[];
}

export class AttendeeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: ATTENDEE_CATEGORIES })
  category: AttendeeCategory;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  birthDate: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  memberId: string | null;
  @ApiProperty({ nullable: true, type: String })
  checkedInAt: string | null;
}

export class ContactResponse {
  @ApiProperty()
  name: string;
  @ApiProperty()
  email: string;
  @ApiProperty({ nullable: true, type: String })
  phone: string | null;
}

export class RegistrationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'ACD3E9' })
  code: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES })
  status: RegistrationStatus;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'live 1-based rank among the waitlisted families, in request order',
  })
  waitlistPosition: number | null;
  @ApiProperty()
  partySize: number;
  @ApiProperty({ type: [AttendeeResponse] })
  attendees: AttendeeResponse[];
  @ApiProperty({ type: ContactResponse })
  contact: ContactResponse;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  answers: Record<string, unknown>;
  @ApiProperty()
  consents: { dataProcessing: boolean; photos: boolean };
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  @ApiProperty()
  createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  cancelledAt: string | null;
  @ApiPropertyOptional({ description: "a guest's private manage token (send it as X-Manage-Token)" })
  manageToken?: string;
}
