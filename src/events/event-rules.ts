import type { FieldError } from '../common/errors';
import type { EventFormat, EventQuestion, EventReadStatus, EventStatus } from './event.entity';

/**
 * Pure rules about events: time zones, timestamps, the checks that need several fields together,
 * and the status a reader sees. The service applies them on create, on PATCH (to the merged
 * result) and again on publish.
 */

/** Zone names only ("Europe/London", "UTC"): offsets like "+01:00" are not a place. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * The zone as stored, or null when it is not one: the name as sent, with its letter case fixed
 * when ICU knows that very name ("asia/shanghai" → "Asia/Shanghai"). Links stay as sent: ICU would
 * rename "Asia/Kolkata" to the older "Asia/Calcutta", which would surprise the organizer.
 */
export function canonicalZone(zone: unknown): string | null {
  if (typeof zone !== 'string' || !ZONE_NAME.test(zone)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  } catch {
    return null;
  }
}

export function isIanaZone(zone: unknown): boolean {
  return canonicalZone(zone) !== null;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

/**
 * "2027-05-15T10:00:00+08:00" or "…Z" → the instant; null for anything else, including a time
 * without an offset (its zone would be a guess) and impossible dates such as 2027-02-30.
 */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  if (m[8] !== undefined && (Number(m[8]) > 18 || Number(m[9]) > 59)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** What the cross-field rules look at: the event as it would be stored. */
export interface EventShape {
  format: EventFormat;
  venue: string | null;
  onlineUrl: string | null;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  childAgeMin: number | null;
  childAgeMax: number | null;
  questions: EventQuestion[];
}

const CHOICE_TYPES = new Set(['choice', 'multi_choice']);
const TEXT_TYPES = new Set(['text', 'textarea']);

/**
 * Every rule that needs more than one field, all reported at once:
 * - endsAt after startsAt; registrationClosesAt no later than startsAt; registrationOpensAt before
 *   registrationClosesAt (or before startsAt when registration runs until the start);
 * - in_person and hybrid events need a venue, online and hybrid ones an onlineUrl (an extra venue
 *   or link on the other formats is kept: "Zoom" as a venue, or a stream of an in-person day);
 * - childAgeMin no more than childAgeMax;
 * - question ids unique; options exactly for choice questions; maxLength only for text questions.
 */
export function eventFieldErrors(e: EventShape): FieldError[] {
  const errors: FieldError[] = [];
  if (e.endsAt.getTime() <= e.startsAt.getTime()) {
    errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
  }
  if (e.registrationClosesAt && e.registrationClosesAt.getTime() > e.startsAt.getTime()) {
    errors.push({ field: 'registrationClosesAt', message: 'registrationClosesAt must be no later than startsAt' });
  }
  if (e.registrationOpensAt) {
    const closes = e.registrationClosesAt ?? e.startsAt;
    if (e.registrationOpensAt.getTime() >= closes.getTime()) {
      errors.push({
        field: 'registrationOpensAt',
        message: e.registrationClosesAt
          ? 'registrationOpensAt must be before registrationClosesAt'
          : 'registrationOpensAt must be before startsAt',
      });
    }
  }
  if ((e.format === 'in_person' || e.format === 'hybrid') && !e.venue) {
    errors.push({ field: 'venue', message: `venue is required for ${e.format} events` });
  }
  if ((e.format === 'online' || e.format === 'hybrid') && !e.onlineUrl) {
    errors.push({ field: 'onlineUrl', message: `onlineUrl is required for ${e.format} events` });
  }
  if (e.childAgeMin !== null && e.childAgeMax !== null && e.childAgeMin > e.childAgeMax) {
    errors.push({ field: 'childAgeMax', message: 'childAgeMax must be at least childAgeMin' });
  }
  const seen = new Set<string>();
  e.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (seen.has(q.id)) errors.push({ field: `${at}.id`, message: `${at}.id repeats an earlier question id` });
    seen.add(q.id);
    if (CHOICE_TYPES.has(q.type) && !q.options?.length) {
      errors.push({ field: `${at}.options`, message: `${at}.options is required for ${q.type} questions` });
    }
    if (!CHOICE_TYPES.has(q.type) && q.options !== undefined) {
      errors.push({ field: `${at}.options`, message: `${at}.options is only for choice and multi_choice questions` });
    }
    if (!TEXT_TYPES.has(q.type) && q.maxLength !== undefined) {
      errors.push({ field: `${at}.maxLength`, message: `${at}.maxLength is only for text and textarea questions` });
    }
  });
  return errors;
}

/**
 * Publishing checks the whole event again (the rules above and the zone, in case the stored row
 * predates a rule) and refuses an event that has already ended: it would read as completed at once.
 */
export function publishErrors(e: EventShape, now: Date = new Date()): FieldError[] {
  const errors = eventFieldErrors(e);
  if (!isIanaZone(e.timezone)) errors.push({ field: 'timezone', message: 'timezone must be an IANA time zone' });
  if (e.endsAt.getTime() <= now.getTime() && !errors.some((x) => x.field === 'endsAt')) {
    errors.push({ field: 'endsAt', message: 'endsAt has passed; an event that is over cannot be published' });
  }
  return errors;
}

/** The status a reader sees: a published event whose end has passed reads as completed. */
export function readStatus(e: { status: EventStatus; endsAt: Date }, now: Date = new Date()): EventReadStatus {
  return e.status === 'published' && e.endsAt.getTime() <= now.getTime() ? 'completed' : e.status;
}

/** The lower bound of a `from` filter: a date means its start (UTC), an instant itself. */
export function rangeStart(value: string): Date {
  return parseInstant(value) ?? new Date(`${value}T00:00:00Z`);
}

/** The exclusive upper bound of a `to` filter: a date includes its whole day (UTC), an instant itself. */
export function rangeEndExclusive(value: string): Date {
  const at = parseInstant(value);
  if (at) return new Date(at.getTime() + 1);
  const day = new Date(`${value}T00:00:00Z`);
  return new Date(day.getTime() + 24 * 60 * 60 * 1000);
}

type TimeAndPlace = Pick<EventShape, 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl' | 'timezone'>;

/** Time or place changed in a way families are told about (bumps change_version on a published event). */
export function changesTimeOrPlace(before: TimeAndPlace, after: TimeAndPlace): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.venue !== after.venue ||
    before.onlineUrl !== after.onlineUrl ||
    before.timezone !== after.timezone
  );
}
