import { ageOn, dateIn, isCalendarDate } from '../common/dates';
import { FieldError } from '../common/errors';
import type { Event, EventQuestion } from '../events/event.entity';

export interface PartyMember {
  name: string;
  category: 'adult' | 'child';
  birthDate: string | null;
}

/**
 * First fit (DESIGN.md rule 2): walk the waitlist in request order and confirm every family that
 * fits in the seats still free. Returns the ids to promote, in order.
 */
export function firstFit(free: number, waitlist: { id: string; partySize: number }[]): string[] {
  const promoted: string[] = [];
  for (const w of waitlist) {
    if (free <= 0) break;
    if (w.partySize <= free) {
      promoted.push(w.id);
      free -= w.partySize;
    }
  }
  return promoted;
}

/** The event's first day, in its own time zone: the day children's ages are counted on. */
export function eventFirstDay(event: Pick<Event, 'startsAt' | 'timezone'>): string {
  return dateIn(event.timezone, event.startsAt);
}

/**
 * Children need a birth date, and their age on the event's first day within the event's range.
 * `day` may be given when known (a batch of families computes it once).
 */
export function ageProblems(
  party: PartyMember[],
  event: Pick<Event, 'startsAt' | 'timezone' | 'childAgeMin' | 'childAgeMax'>,
  day?: string,
): FieldError[] {
  if (!party.some((p) => p.category === 'child' && p.birthDate)) return [];
  day ??= eventFirstDay(event);
  const errors: FieldError[] = [];
  party.forEach((p, i) => {
    if (p.category !== 'child' || !p.birthDate) return;
    const age = ageOn(p.birthDate, day);
    if (age < 0) errors.push({ field: `attendees[${i}].birthDate`, message: `${p.name} is not born yet on ${day}` });
    else if (event.childAgeMin !== null && age < event.childAgeMin) {
      errors.push({
        field: `attendees[${i}].birthDate`,
        message: `${p.name} will be ${age} on ${day}; this event is for children aged ${event.childAgeMin} and over`,
      });
    } else if (event.childAgeMax !== null && age > event.childAgeMax) {
      errors.push({
        field: `attendees[${i}].birthDate`,
        message: `${p.name} will be ${age} on ${day}; this event is for children aged up to ${event.childAgeMax}`,
      });
    }
  });
  return errors;
}

const DEFAULT_TEXT_MAX = 2000;

/**
 * Checks answers against the event's questions. `invalid` are malformed (unknown question, wrong
 * type: 400); `missing` are required questions left unanswered (422 ineligible).
 */
export function answerProblems(
  questions: EventQuestion[],
  answers: Record<string, unknown>,
): { invalid: FieldError[]; missing: FieldError[] } {
  const invalid: FieldError[] = [];
  const missing: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) {
    if (!byId.has(key)) invalid.push({ field: `answers.${key}`, message: `the event asks no question "${key}"` });
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const v = answers[q.id];
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) missing.push({ field, message: `"${q.label}" must be answered` });
      continue;
    }
    const problem = answerTypeProblem(q, v);
    if (problem) invalid.push({ field, message: problem });
  }
  return { invalid, missing };
}

function answerTypeProblem(q: EventQuestion, v: unknown): string | null {
  switch (q.type) {
    case 'text':
    case 'textarea': {
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      if (typeof v !== 'string') return 'must be text';
      return v.length > max ? `must be at most ${max} characters` : null;
    }
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'date':
      return isCalendarDate(v) ? null : 'must be a date written YYYY-MM-DD';
    case 'choice':
      return typeof v === 'string' && (q.options ?? []).includes(v)
        ? null
        : `must be one of: ${(q.options ?? []).join(', ')}`;
    case 'multi_choice':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && (q.options ?? []).includes(x))) {
        return `must be a list of: ${(q.options ?? []).join(', ')}`;
      }
      return new Set(v).size === v.length ? null : 'must not repeat a choice';
    default:
      return 'cannot be answered';
  }
}
