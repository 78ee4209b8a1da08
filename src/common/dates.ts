/** Calendar dates (YYYY-MM-DD) as plain strings: no time zone can shift a birthday. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Whole years from `birthDate` to `onDate` (both YYYY-MM-DD): a birthday counts on its day. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [oy, om, od] = onDate.split('-').map(Number);
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone, as YYYY-MM-DD. */
export function dateIn(timeZone: string, at: Date = new Date()): string {
  // Building a formatter costs far more than using one; an unknown zone throws here, before caching.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (dayFormats.size >= 1000) dayFormats.clear(); // zone names are validated, but spelled in any case
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
