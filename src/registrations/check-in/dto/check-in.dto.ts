import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../../events/validators';
import { AttendeeIds } from '../../organizer/dto/organizer.dto';
import { CHECK_IN_OUTCOMES, CheckInOutcome } from '../check-in-operation.entity';
import { REGISTRATION_STATUSES, RegistrationStatus } from '../../registration.entity';

/** The most check-ins and undos one batch may carry (a device sends what waits in several). */
export const MAX_BATCH_ITEMS = 200;

export class CheckInListQuery {
  @ApiPropertyOptional({
    example: '2027-05-15T09:30:00.000Z',
    description:
      "the `syncedAt` of the device's last list: only the registrations changed since then come back (a little before it, so a change still being written then is not missed; the device replaces each by id)",
    maxLength: 40,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsInstant()
  since?: string;
}

export class CheckInListAttendee {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: ['adult', 'child'] })
  category: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt: string | null;
}

export class CheckInListEntry {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'ACD3E9', description: 'the check-in code (its QR code holds it)' })
  code: string;
  @ApiProperty({ description: "the contact's name" })
  contactName: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES, description: 'only confirmed families check in' })
  status: RegistrationStatus;
  @ApiProperty({ type: [CheckInListAttendee], description: "the party, in the family's order" })
  attendees: CheckInListAttendee[];
}

export class CheckInListResponse {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ enum: ['draft', 'published', 'cancelled'] })
  eventStatus: string;
  @ApiProperty({ format: 'date-time', description: 'send it back as `since` for the changes after this list' })
  syncedAt: string;
  @ApiProperty({ description: 'true: every registration of the event; false: the changes since `since`' })
  full: boolean;
  @ApiProperty({ type: [CheckInListEntry], description: 'in request order' })
  registrations: CheckInListEntry[];
}

export class CheckInBatchItem {
  @ApiProperty({ format: 'uuid', description: 'made on the device; an id applied before changes nothing again' })
  @IsUUID('all', { message: 'id must be a uuid' })
  id: string;

  @ApiProperty({
    example: 'ACD-3E9',
    maxLength: 40,
    description: 'the check-in code; any case, spaces and dashes ignored',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  code: string;

  @AttendeeIds()
  attendeeIds?: string[];

  @ApiPropertyOptional({ default: false, description: 'true: take the check-in back' })
  @IsOptional()
  @IsBoolean()
  undo?: boolean;

  @ApiProperty({
    example: '2027-05-15T09:41:07.000+08:00',
    description: "when it was scanned, by the device's clock (a time still to come counts as now)",
    maxLength: 40,
  })
  @IsString()
  @MaxLength(40)
  @IsInstant()
  at: string;
}

export class CheckInBatchDto {
  @ApiProperty({ type: [CheckInBatchItem], minItems: 1, maxItems: MAX_BATCH_ITEMS, description: 'applied in order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CheckInBatchItem)
  items: CheckInBatchItem[];
}

export class CheckInBatchResult {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({
    enum: CHECK_IN_OUTCOMES,
    description:
      'checked_in; undone; duplicate (this id was applied before: nothing changed); already_checked_in (another device or scan did it first); not_checkable (waitlisted or cancelled, or none of the named attendees is in the party any more); unknown_code',
  })
  outcome: CheckInOutcome;
  @ApiPropertyOptional({ format: 'uuid', description: 'the registration the code names (not for unknown_code)' })
  registrationId?: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'its attendees checked in now, after this item (not for unknown_code)',
  })
  checkedIn?: string[];
}

export class CheckInBatchResponse {
  @ApiProperty({ type: [CheckInBatchResult], description: "one per item, in the items' order" })
  results: CheckInBatchResult[];
}
