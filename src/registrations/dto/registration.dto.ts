import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  isEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  isUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { isCalendarDate } from '../../common/dates';
import { quick } from '../../common/validation';
import { IsCalendarDate, OptionalNotNull, trim } from '../../common/validators';
import { LOCALES, Locale } from '../../users/user.entity';
import {
  ATTENDEE_CATEGORIES,
  AttendeeCategory,
  REGISTRATION_STATUSES,
  RegistrationStatus,
} from '../registration.entity';

const NAME_MAX = 200;
const EMAIL_MAX = 254;
const PHONE = /^[+0-9 ()./-]{3,40}$/;
const PHONE_MAX = 40;
const PARTY_MAX = 20;

export class ContactDto {
  @ApiProperty({ example: 'Mei Chen', maxLength: NAME_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX)
  name: string;

  @ApiProperty({ example: 'mei@example.org', maxLength: EMAIL_MAX })
  @Transform(trim)
  @IsString()
  @MaxLength(EMAIL_MAX)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiPropertyOptional({ example: '+86 10 1234 5678', maxLength: PHONE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PHONE_MAX)
  @Matches(PHONE, { message: 'phone may hold digits, spaces, + ( ) . / - only' })
  phone?: string;
}

export class AttendeeDto {
  @ApiPropertyOptional({ maxLength: NAME_MAX, description: 'required unless memberId fills it in' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX)
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

  @ApiProperty({ type: [AttendeeDto], minItems: 1, maxItems: PARTY_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTY_MAX)
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

  /**
   * The quick check of the validation pipe (`QuickBody` in common/validation.ts): when an event
   * opens, this body is most of the api's traffic. Builds the DTO as the full pipe does (strings
   * trimmed, instances of the nested classes, answers copied) when every rule above plainly holds;
   * answers null for anything else, which the full validation then judges. `null` where a field
   * may be left out, characters outside the BMP, answers holding objects: all left to it.
   */
  static accept(body: unknown): CreateRegistrationDto | null {
    if (!quick.object(body, BODY_KEYS)) return null;
    const built: Record<string, unknown> = {};
    for (const key of Object.keys(body)) {
      const value = body[key];
      const ok =
        key === 'contact'
          ? (built.contact = quickContact(value))
          : key === 'attendees'
            ? (built.attendees = quickParty(value))
            : key === 'consents'
              ? (built.consents = quickConsents(value))
              : key === 'answers'
                ? (built.answers = quickAnswers(value))
                : (built.locale = LOCALES.includes(value as Locale) ? value : null);
      if (ok === null) return null;
    }
    if (!built.contact || !built.attendees || !built.consents) return null;
    return Object.assign(new CreateRegistrationDto(), built);
  }
}

const BODY_KEYS = new Set(['contact', 'attendees', 'answers', 'consents', 'locale']);
const CONTACT_KEYS = new Set(['name', 'email', 'phone']);
const ATTENDEE_KEYS = new Set(['name', 'category', 'birthDate', 'memberId']);
const CONSENT_KEYS = new Set(['dataProcessing', 'photos']);

function quickContact(value: unknown): ContactDto | null {
  if (!quick.object(value, CONTACT_KEYS)) return null;
  const contact = new ContactDto();
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v !== 'string') return null;
    const text = v.trim();
    if (key === 'name' && !quick.text(text, 1, NAME_MAX)) return null;
    if (key === 'email' && !(quick.text(text, 0, EMAIL_MAX) && isEmail(text, {}))) return null;
    if (key === 'phone' && !(quick.text(text, 0, PHONE_MAX) && PHONE.test(text))) return null;
    (contact as unknown as Record<string, string>)[key] = text;
  }
  return contact.name !== undefined && contact.email !== undefined ? contact : null;
}

function quickParty(value: unknown): AttendeeDto[] | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > PARTY_MAX) return null;
  const party: AttendeeDto[] = [];
  for (const item of value) {
    if (!quick.object(item, ATTENDEE_KEYS)) return null;
    const attendee = new AttendeeDto();
    for (const key of Object.keys(item)) {
      const v = item[key];
      if (key === 'name') {
        const name = typeof v === 'string' ? v.trim() : null;
        if (!quick.text(name, 1, NAME_MAX)) return null;
        attendee.name = name;
      } else if (key === 'category') {
        if (!ATTENDEE_CATEGORIES.includes(v as AttendeeCategory)) return null;
        attendee.category = v as AttendeeCategory;
      } else if (key === 'birthDate') {
        if (!isCalendarDate(v)) return null;
        attendee.birthDate = v;
      } else {
        if (!isUUID(v, 'all')) return null;
        attendee.memberId = v as string;
      }
    }
    party.push(attendee);
  }
  return party;
}

function quickConsents(value: unknown): ConsentsDto | null {
  if (!quick.object(value, CONSENT_KEYS)) return null;
  const consents = new ConsentsDto();
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v !== 'boolean') return null;
    consents[key as keyof ConsentsDto] = v;
  }
  return consents.dataProcessing === undefined ? null : consents;
}

/** A copy of answers made of strings, numbers, booleans and lists of them (what questions take). */
function quickAnswers(value: unknown): Record<string, unknown> | null {
  if (!quick.object(value)) return null;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (Array.isArray(v)) {
      if (!v.every(isScalar)) return null;
      copy[key] = [...v];
    } else if (isScalar(v)) copy[key] = v;
    else return null;
  }
  return copy;
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export class UpdateRegistrationDto {
  @ApiProperty({
    type: [AttendeeDto],
    minItems: 1,
    maxItems: PARTY_MAX,
    description: 'the whole new party (replaces the old one)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTY_MAX)
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
