import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery, PageSchema } from '../../../common/pagination';
import { trim } from '../../../common/validators';
import { RegistrationResponse } from '../../dto/registration.dto';
import { REGISTRATION_STATUSES, RegistrationStatus } from '../../registration.entity';
import { LOCALES, type Locale } from '../../../common/locales';
import { NOTIFICATION_STATUSES, NotificationStatus } from '../../../notifications/notification.entity';

export class EventRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({
    description:
      'matches (case-insensitively, anywhere) the contact name or email, an attendee name or the check-in code',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export const RegistrationPage = PageSchema(RegistrationResponse);

export const EXPORT_STATUSES = ['active', 'confirmed', 'waitlisted', 'cancelled', 'all'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export class ExportQuery {
  @ApiPropertyOptional({
    enum: EXPORT_STATUSES,
    default: 'active',
    description: 'active: confirmed and waitlisted; all: cancelled too',
  })
  @IsOptional()
  @IsIn(EXPORT_STATUSES)
  status: ExportStatus = 'active';
}

export class EventStatsResponse {
  @ApiProperty({ description: 'seats, in persons' })
  capacity: number;
  @ApiProperty({ description: 'persons holding confirmed seats' })
  seatsTaken: number;
  @ApiProperty({ description: 'confirmed registrations (families)' })
  confirmed: number;
  @ApiProperty({ description: 'waitlisted registrations (families)' })
  waitlisted: number;
  @ApiProperty({ description: 'cancelled registrations (families)' })
  cancelled: number;
  @ApiProperty({ description: 'persons of confirmed registrations who are checked in' })
  checkedIn: number;
  @ApiProperty({ description: 'adults among the confirmed persons' })
  adults: number;
  @ApiProperty({ description: 'children among the confirmed persons' })
  children: number;
}

export class TimelineDay {
  @ApiProperty({ example: '2027-05-01', description: "a day in the event's time zone" })
  date: string;
  @ApiProperty({ description: 'registrations made that day that are confirmed now' })
  confirmed: number;
  @ApiProperty({ description: 'registrations made that day that are waitlisted now' })
  waitlisted: number;
  @ApiProperty({ description: 'registrations made that day that are cancelled now' })
  cancelled: number;
}

export class EventTimelineResponse {
  @ApiProperty({ example: 'Asia/Kathmandu' })
  timezone: string;
  @ApiProperty({
    type: [TimelineDay],
    description: 'every day from the first registration to the last, days without any included',
  })
  days: TimelineDay[];
}

/** Some attendees of one registration, by id (the whole party when left out). */
export const AttendeeIds = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      minItems: 1,
      maxItems: 20,
      description: 'only these attendees of the registration (all of them when left out)',
    }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(20),
    ArrayUnique(),
    IsUUID('all', { each: true, message: 'attendeeIds must hold uuids' }),
  );

export class CheckInDto {
  @ApiProperty({
    example: 'ACD-3E9',
    description: 'the check-in code; any case, spaces and dashes ignored',
    maxLength: 40,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  code: string;

  @AttendeeIds()
  attendeeIds?: string[];
}

export class CheckInResponse extends RegistrationResponse {
  @ApiProperty({ type: [String], format: 'uuid', description: 'the attendees of this registration now checked in' })
  checkedIn: string[];
}

export class SendMessageDto {
  @ApiProperty({ maxLength: 200, example: 'Parking on the day' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subject: string;

  @ApiProperty({
    maxLength: 10000,
    example: 'The car park on Main Street is closed; please use the one behind the hall.',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  body: string;
}

export class MessageAccepted {
  @ApiProperty({ format: 'uuid', description: 'names this message (its mails carry it in their dedupe key)' })
  messageId: string;
  @ApiProperty({ description: 'active registrations when the message was accepted; each gets one mail' })
  recipients: number;
}

export class MessagePreviewItem {
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  @ApiProperty({ description: 'the subject as the mail in this language carries it' })
  subject: string;
  @ApiProperty({ description: "the mail's plain text in this language, with a sample name for the family" })
  text: string;
}

export class MessagePreviewResponse {
  @ApiProperty({ type: [MessagePreviewItem], description: 'one per locale: en, zh-CN, ne' })
  items: MessagePreviewItem[];
}
/** A mail written to one family, as its event's organizers see it (delivery facts only). */
export class RegistrationMailResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'registration.confirmed', description: 'the mail kind' })
  kind: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: NotificationStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the address it went to; null once the mail retention purged the row',
  })
  recipientEmail: string | null;
  @ApiProperty({ description: 'tries made so far' })
  attempts: number;
  @ApiProperty({ format: 'date-time', description: 'when it was written' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'when a pending mail is due (a reminder: 24 h before the start)' })
  nextAttemptAt: string;
}

export const RegistrationMailPage = PageSchema(RegistrationMailResponse);
