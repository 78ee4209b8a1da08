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

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset (minutes) at `ms`. Zone rules change only on quarter-hour boundaries in
 * UTC (every offset in use is a multiple of 15 minutes), so one look-up per zone and quarter hour
 * serves every row in it: the export formats two instants per attendee.
 */
function offsetMinutes(zone: string, ms: number): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${zone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = DateTime.fromMillis(bucket * QUARTER_HOUR_MS, { zone }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

/** An instant to the second in the event's time zone, with its offset (as the people there read it). */
export function instantCell(at: Date | null, zone: string): string {
  if (!at) return '';
  const ms = Math.floor(at.getTime() / 1000) * 1000;
  const offset = offsetMinutes(zone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  // As ISO 8601 writes it (and as luxon did): "Z" for the UTC zone itself, else ±HH:MM.
  if (zone === 'UTC') return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
