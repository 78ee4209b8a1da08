/**
 * The party rules the server checks (src/registrations/registration-rules.ts), checked again here
 * while the family types, so they learn at once which child and which rule. The server stays the
 * judge: its errors[] land on the same fields.
 */

export interface PartyPerson {
  name: string;
  category: 'adult' | 'child';
  birthDate: string | null;
}

export interface PartyEvent {
  startsAt: string;
  timezone: string;
  maxPartySize: number;
  childAgeMin: number | null;
  childAgeMax: number | null;
}

export type PartyProblem =
  | { field: 'party'; rule: 'empty' }
  | { field: 'party'; rule: 'too_many'; max: number }
  | { field: `attendees[${number}].name`; rule: 'name_missing'; index: number }
  | { field: `attendees[${number}].birthDate`; rule: 'birth_date_missing'; index: number; name: string }
  | { field: `attendees[${number}].birthDate`; rule: 'not_born'; index: number; name: string; day: string }
  | {
      field: `attendees[${number}].birthDate`;
      rule: 'too_young';
      index: number;
      name: string;
      age: number;
      min: number;
      day: string;
    }
  | {
      field: `attendees[${number}].birthDate`;
      rule: 'too_old';
      index: number;
      name: string;
      age: number;
      max: number;
      day: string;
    };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The event's first day in its own time zone ("2027-05-15"): the day children's ages are counted on. */
export function eventFirstDay(startsAt: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(startsAt));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole years from `birthDate` to `day`, both calendar dates; negative when not born yet. */
export function ageOn(birthDate: string, day: string): number {
  const b = DATE.exec(birthDate);
  const d = DATE.exec(day);
  if (!b || !d) return NaN;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [dy, dm, dd] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (dy * 10000 + dm * 100 + dd < by * 10000 + bm * 100 + bd) return -1;
  let age = dy - by;
  if (dm < bm || (dm === bm && dd < bd)) age -= 1;
  return age;
}

export function partyProblems(party: PartyPerson[], event: PartyEvent): PartyProblem[] {
  const problems: PartyProblem[] = [];
  if (party.length === 0) problems.push({ field: 'party', rule: 'empty' });
  if (party.length > event.maxPartySize) problems.push({ field: 'party', rule: 'too_many', max: event.maxPartySize });
  const day = eventFirstDay(event.startsAt, event.timezone);
  party.forEach((p, index) => {
    const name = p.name.trim();
    if (!name) problems.push({ field: `attendees[${index}].name`, rule: 'name_missing', index });
    if (p.category !== 'child') return;
    const field = `attendees[${index}].birthDate` as const;
    if (!p.birthDate || !DATE.test(p.birthDate)) {
      problems.push({ field, rule: 'birth_date_missing', index, name });
      return;
    }
    const age = ageOn(p.birthDate, day);
    if (age < 0) problems.push({ field, rule: 'not_born', index, name, day });
    else if (event.childAgeMin !== null && age < event.childAgeMin) {
      problems.push({ field, rule: 'too_young', index, name, age, min: event.childAgeMin, day });
    } else if (event.childAgeMax !== null && age > event.childAgeMax) {
      problems.push({ field, rule: 'too_old', index, name, age, max: event.childAgeMax, day });
    }
  });
  return problems;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}
