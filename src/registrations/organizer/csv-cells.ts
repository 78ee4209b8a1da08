import { DateTime } from 'luxon';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula: such a cell gets a leading apostrophe, which shows it as text.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One answer as a cell: multiple choices joined with "; ", yes/no for booleans, empty when unanswered. */
export function answerCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An instant to the second in the event's time zone, with its offset (as the people there read it). */
export function instantCell(at: Date | null, zone: string): string {
  if (!at) return '';
  const local = DateTime.fromJSDate(at, { zone }).set({ millisecond: 0 });
  return local.toISO({ suppressMilliseconds: true }) ?? at.toISOString();
}
