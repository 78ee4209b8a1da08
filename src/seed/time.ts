/** Wall-clock times in an IANA time zone, without a date library (Intl knows the zones). */

function zoneParts(at: Date, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: n('year'), m: n('month'), d: n('day'), h: n('hour'), min: n('minute'), s: n('second') };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetMs(at: Date, timeZone: string): number {
  const p = zoneParts(at, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant when the clock in `timeZone` shows `hh:mm`, `days` calendar days after today there. */
export function atLocalTime(timeZone: string, now: Date, days: number, hhmm: string): Date {
  const today = zoneParts(now, timeZone);
  const [h, min] = hhmm.split(':').map(Number);
  const wall = Date.UTC(today.y, today.m - 1, today.d + days, h, min);
  let t = wall - offsetMs(new Date(wall), timeZone);
  // Second pass: the offset at the guess may differ from the one at the answer (a DST change).
  t = wall - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}
