import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLangTag, LANG_PROPERTY } from '../../common/asked-locale';
import { Locale, LOCALES } from '../../common/locales';
import { PageQuery, PageSchema } from '../../common/pagination';
import {
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_STATUSES,
  EventFormat,
  EventKind,
  EventReadStatus,
  QUESTION_TYPES,
  QuestionType,
} from '../event.entity';
import { canonicalZone } from '../event-rules';
import { EventTranslation, TRANSLATED_MAX } from '../event-content';
import { IsSlug, OptionalNotNull, trim } from '../../common/validators';
import { IsDateOrInstant, IsIanaZone, IsInstant } from '../validators';

type Value = { value: unknown };
/** Optional text that may be cleared: blank is stored as null. */
const trimToNull = ({ value }: Value) => (typeof value === 'string' ? value.trim() || null : value);
/** "asia/shanghai" is stored as "Asia/Shanghai" (see canonicalZone). */
const zone = ({ value }: Value) => canonicalZone(value) ?? value;
const trimEach = ({ value }: Value) =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value;

export const MAX_CAPACITY = 100_000;
export const MAX_QUESTIONS = 50;
const INSTANT = { type: String, format: 'date-time', example: '2027-05-15T10:00:00+08:00' } as const;

/** Each field's rules, once: the create and PATCH bodies differ only in which fields are required. */
const Rules = {
  title: () => applyDecorators(Transform(trim), IsString(), MinLength(1), MaxLength(200)),
  slug: () => applyDecorators(IsString(), IsSlug()),
  summary: () => applyDecorators(Transform(trim), IsString(), MaxLength(500)),
  description: () => applyDecorators(Transform(trim), IsString(), MaxLength(20000)),
  kind: () => IsIn(EVENT_KINDS),
  format: () => IsIn(EVENT_FORMATS),
  venue: () => applyDecorators(Transform(trimToNull), IsOptional(), IsString(), MaxLength(500)),
  onlineUrl: () =>
    applyDecorators(
      Transform(trimToNull),
      IsOptional(),
      IsString(),
      MaxLength(2000),
      IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' }),
    ),
  timezone: () => applyDecorators(Transform(zone), IsString(), MaxLength(64), IsIanaZone()),
  instant: () => applyDecorators(IsString(), MaxLength(40), IsInstant()),
  nullableInstant: () => applyDecorators(IsOptional(), IsString(), MaxLength(40), IsInstant()),
  capacity: () => applyDecorators(IsInt(), Min(0), Max(MAX_CAPACITY)),
  waitlistEnabled: () => IsBoolean(),
  maxPartySize: () => applyDecorators(IsInt(), Min(1), Max(20)),
  childAge: () => applyDecorators(IsOptional(), IsInt(), Min(0), Max(120)),
  programId: () => applyDecorators(IsOptional(), IsUUID('all', { message: 'programId must be a uuid' })),
  questions: () =>
    applyDecorators(
      IsArray(),
      ArrayMaxSize(MAX_QUESTIONS),
      ValidateNested({ each: true }),
      Type(() => QuestionDto),
    ),
  contentLocale: () => IsIn(LOCALES, { message: 'contentLocale must be en, zh-CN or ne' }),
  translations: () =>
    applyDecorators(
      IsObject({ message: 'translations must be an object keyed by locale' }),
      ValidateNested(),
      Type(() => EventTranslationsDto),
    ),
};

/** A translated text field: optional, null or blank for none, as long as its base field at most. */
const translated = (max: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max }),
    Transform(trim),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

/** One locale's words for an event; a field left out (or null, or blank) falls back to the base field. */
export class EventTranslationDto {
  @translated(TRANSLATED_MAX.title)
  title?: string | null;

  @translated(TRANSLATED_MAX.summary)
  summary?: string | null;

  @translated(TRANSLATED_MAX.description)
  description?: string | null;

  @translated(TRANSLATED_MAX.venue)
  venue?: string | null;
}

/** A locale's translation: an object, or null (on PATCH: remove it). */
const translationOf = () =>
  applyDecorators(
    ApiPropertyOptional({ type: EventTranslationDto, nullable: true }),
    IsOptional(),
    IsObject({ message: 'a translation must be an object' }),
    ValidateNested(),
    Type(() => EventTranslationDto),
  );

/** Keyed by locale; the content language itself is written in the base fields, not here. */
export class EventTranslationsDto {
  @translationOf()
  en?: EventTranslationDto | null;

  @translationOf()
  'zh-CN'?: EventTranslationDto | null;

  @translationOf()
  ne?: EventTranslationDto | null;
}

const TRANSLATIONS_DOC =
  'title, summary, description and venue in other locales (each field optional: a reader gets the base field where one is missing). Not the content language, which the base fields are written in.';

export class QuestionDto {
  @ApiProperty({ example: 'dietary-needs', maxLength: 64, description: 'a key unique within the event' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, { message: 'id must be lower-case letters and digits joined by - or _' })
  id: string;

  @ApiProperty({ example: 'Any dietary needs?', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  label: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 50,
    description: 'required for choice and multi_choice questions, refused for the others; unique, each 1–200',
  })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  @ArrayUnique()
  options?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 20000, description: 'only for text and textarea questions' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(20000)
  maxLength?: number;
}

export class CreateEventDto {
  @ApiProperty({ example: 'International Day of Families 2027', maxLength: 200 })
  @Rules.title()
  title: string;

  @ApiPropertyOptional({
    example: 'international-day-of-families-2027',
    maxLength: 120,
    description: 'made from the title when left out (-2, -3 … when taken); a given slug that is taken is refused',
  })
  @OptionalNotNull()
  @Rules.slug()
  slug?: string;

  @ApiPropertyOptional({ maxLength: 500, default: '' })
  @OptionalNotNull()
  @Rules.summary()
  summary?: string;

  @ApiPropertyOptional({ maxLength: 20000, default: '' })
  @OptionalNotNull()
  @Rules.description()
  description?: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @Rules.kind()
  kind: EventKind;

  @ApiProperty({
    enum: EVENT_FORMATS,
    description: 'in_person and hybrid need a venue; online and hybrid an onlineUrl',
  })
  @Rules.format()
  format: EventFormat;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Rules.venue()
  venue?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, example: 'https://meet.example.org/idf' })
  @Rules.onlineUrl()
  onlineUrl?: string | null;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'an IANA time zone' })
  @Rules.timezone()
  timezone: string;

  @ApiProperty(INSTANT)
  @Rules.instant()
  startsAt: string;

  @ApiProperty({ ...INSTANT, description: 'after startsAt' })
  @Rules.instant()
  endsAt: string;

  @ApiPropertyOptional({ ...INSTANT, nullable: true, description: 'before registrationClosesAt (or startsAt)' })
  @Rules.nullableInstant()
  registrationOpensAt?: string | null;

  @ApiPropertyOptional({ ...INSTANT, nullable: true, description: 'no later than startsAt' })
  @Rules.nullableInstant()
  registrationClosesAt?: string | null;

  @ApiProperty({ minimum: 0, maximum: MAX_CAPACITY, description: 'seats, counted in persons' })
  @Rules.capacity()
  capacity: number;

  @ApiPropertyOptional({ default: true })
  @OptionalNotNull()
  @Rules.waitlistEnabled()
  waitlistEnabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 6 })
  @OptionalNotNull()
  @Rules.maxPartySize()
  maxPartySize?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 120 })
  @Rules.childAge()
  childAgeMin?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 120, description: 'at least childAgeMin' })
  @Rules.childAge()
  childAgeMax?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'a program the caller organizes',
  })
  @Rules.programId()
  programId?: string | null;

  @ApiPropertyOptional({ type: [QuestionDto], maxItems: MAX_QUESTIONS, default: [] })
  @OptionalNotNull()
  @Rules.questions()
  questions?: QuestionDto[];

  @ApiPropertyOptional({
    enum: LOCALES,
    default: 'en',
    description: 'the language title, summary, description and venue are written in',
  })
  @OptionalNotNull()
  @Rules.contentLocale()
  contentLocale?: Locale;

  @ApiPropertyOptional({ type: EventTranslationsDto, description: TRANSLATIONS_DOC })
  @OptionalNotNull()
  @Rules.translations()
  translations?: EventTranslationsDto;
}

/** Any field of the event; null clears the optional ones (venue, onlineUrl, registration times, ages, programId). */
export class UpdateEventDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Rules.title()
  title?: string;

  @ApiPropertyOptional({ maxLength: 120, description: 'must stay unique; the title does not change it' })
  @OptionalNotNull()
  @Rules.slug()
  slug?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @Rules.summary()
  summary?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @OptionalNotNull()
  @Rules.description()
  description?: string;

  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @OptionalNotNull()
  @Rules.kind()
  kind?: EventKind;

  @ApiPropertyOptional({ enum: EVENT_FORMATS })
  @OptionalNotNull()
  @Rules.format()
  format?: EventFormat;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Rules.venue()
  venue?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Rules.onlineUrl()
  onlineUrl?: string | null;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @OptionalNotNull()
  @Rules.timezone()
  timezone?: string;

  @ApiPropertyOptional(INSTANT)
  @OptionalNotNull()
  @Rules.instant()
  startsAt?: string;

  @ApiPropertyOptional(INSTANT)
  @OptionalNotNull()
  @Rules.instant()
  endsAt?: string;

  @ApiPropertyOptional({ ...INSTANT, nullable: true })
  @Rules.nullableInstant()
  registrationOpensAt?: string | null;

  @ApiPropertyOptional({ ...INSTANT, nullable: true })
  @Rules.nullableInstant()
  registrationClosesAt?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_CAPACITY, description: 'never below the seats taken (409)' })
  @OptionalNotNull()
  @Rules.capacity()
  capacity?: number;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Rules.waitlistEnabled()
  waitlistEnabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 20 })
  @OptionalNotNull()
  @Rules.maxPartySize()
  maxPartySize?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 120 })
  @Rules.childAge()
  childAgeMin?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 120 })
  @Rules.childAge()
  childAgeMax?: number | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Rules.programId()
  programId?: string | null;

  @ApiPropertyOptional({ type: [QuestionDto], maxItems: MAX_QUESTIONS })
  @OptionalNotNull()
  @Rules.questions()
  questions?: QuestionDto[];

  @ApiPropertyOptional({ enum: LOCALES, description: 'the language the base fields are written in' })
  @OptionalNotNull()
  @Rules.contentLocale()
  contentLocale?: Locale;

  @ApiPropertyOptional({
    type: EventTranslationsDto,
    description: `${TRANSLATIONS_DOC} Locale by locale: a locale given replaces its translation whole, null removes it, a locale left out stays.`,
  })
  @OptionalNotNull()
  @Rules.translations()
  translations?: EventTranslationsDto;
}

export class EventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ enum: EVENT_FORMATS })
  @IsOptional()
  @IsIn(EVENT_FORMATS)
  format?: EventFormat;

  @ApiPropertyOptional({
    description: 'events starting at or after: a date (its start, UTC) or a date and time with an offset',
    example: '2027-05-01',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'events starting at or before: a date (its whole day, UTC) or a date and time with an offset',
    example: '2027-05-31',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({
    description: 'matches title, summary or venue, in any of the event’s languages',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'programId must be a uuid' })
  programId?: string;

  @ApiPropertyOptional(LANG_PROPERTY)
  @IsOptional()
  @IsLangTag()
  lang?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: the events the caller organizes (all of them for an admin), drafts and cancelled ones included, ' +
      'upcoming first by start, then past ones, latest first; needs the organizer or admin role',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'mine must be true or false' })
  mine?: 'true' | 'false';
}

/** An event's words in one locale, as stored: only the fields given. */
export class EventTranslationResponse implements EventTranslation {
  @ApiPropertyOptional()
  title?: string;
  @ApiPropertyOptional()
  summary?: string;
  @ApiPropertyOptional()
  description?: string;
  @ApiPropertyOptional()
  venue?: string;
}

export class EventTranslationsResponse {
  @ApiPropertyOptional({ type: EventTranslationResponse })
  en?: EventTranslationResponse;
  @ApiPropertyOptional({ type: EventTranslationResponse })
  'zh-CN'?: EventTranslationResponse;
  @ApiPropertyOptional({ type: EventTranslationResponse })
  ne?: EventTranslationResponse;
}

/** The base fields as stored, in the content language (what an editor edits). */
export class EventBaseResponse {
  @ApiProperty()
  title: string;
  @ApiProperty()
  summary: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ type: String, nullable: true })
  venue: string | null;
}

export class QuestionResponse {
  @ApiProperty()
  id: string;
  @ApiProperty()
  label: string;
  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;
  @ApiProperty()
  required: boolean;
  @ApiPropertyOptional({ type: [String] })
  options?: string[];
  @ApiPropertyOptional()
  maxLength?: number;
}

const IN_LOCALE = 'in `locale`: the asked locale field by field, else the content language';

export class EventResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  slug: string;
  @ApiProperty({ description: IN_LOCALE })
  title: string;
  @ApiProperty({ description: IN_LOCALE })
  summary: string;
  @ApiProperty({ description: IN_LOCALE })
  description: string;
  @ApiProperty({
    enum: LOCALES,
    description:
      'the language of this answer: the asked one (?lang=, else Accept-Language, else the account locale) when the event has it, else contentLocale',
  })
  locale: Locale;
  @ApiProperty({ enum: LOCALES, isArray: true, description: 'contentLocale and every translated locale' })
  availableLocales: Locale[];
  @ApiProperty({ enum: LOCALES, description: 'the language the event is written in (its base fields)' })
  contentLocale: Locale;
  @ApiProperty({ enum: EVENT_KINDS })
  kind: EventKind;
  @ApiProperty({ enum: EVENT_FORMATS })
  format: EventFormat;
  @ApiProperty({ type: String, nullable: true, description: IN_LOCALE })
  venue: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "null unless the caller is one of the event's organizers or an admin",
  })
  onlineUrl: string | null;
  @ApiProperty()
  timezone: string;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  registrationOpensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  registrationClosesAt: string | null;
  @ApiProperty()
  capacity: number;
  @ApiProperty({ description: 'persons holding confirmed seats' })
  seatsTaken: number;
  @ApiProperty({ description: 'capacity − seatsTaken' })
  seatsRemaining: number;
  @ApiProperty({ description: 'families on the waitlist' })
  waitlistCount: number;
  @ApiProperty()
  waitlistEnabled: boolean;
  @ApiProperty()
  maxPartySize: number;
  @ApiProperty({ type: Number, nullable: true })
  childAgeMin: number | null;
  @ApiProperty({ type: Number, nullable: true })
  childAgeMax: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  programId: string | null;
  @ApiProperty({ type: [QuestionResponse] })
  questions: QuestionResponse[];
  @ApiProperty({ enum: [...EVENT_STATUSES, 'completed'], description: 'completed: published and its end has passed' })
  status: EventReadStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;
  @ApiProperty()
  createdAt: string;
  @ApiProperty()
  updatedAt: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "only for the event's organizers and admins: the creator first, then the co-organizers",
  })
  organizerIds?: string[];
  @ApiPropertyOptional({
    type: EventBaseResponse,
    description: "only for the event's organizers and admins, outside lists: the base fields as written",
  })
  base?: EventBaseResponse;
  @ApiPropertyOptional({
    type: EventTranslationsResponse,
    description: "only for the event's organizers and admins, outside lists: the translations as stored",
  })
  translations?: EventTranslationsResponse;
}

export const EventPage = PageSchema(EventResponse);
