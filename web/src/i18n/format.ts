import type { Locale } from './i18n';

/** The Intl locale behind each language: English uses day-month-year and a 24-hour clock, as the mails do. */
const INTL: Record<Locale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN', ne: 'ne-NP' };

export interface Format {
  number(n: number): string;
  /** "Saturday, 15 May 2027, 10:00–16:00" in `timeZone`; both days named when it spans days. */
  span(startsAt: string, endsAt: string, timeZone: string): string;
  /** "Saturday, 15 May 2027 at 10:00" in `timeZone`. */
  instant(at: string, timeZone: string): string;
  /** A calendar date ("2027-05-15") without a zone: "15 May 2027". */
  date(day: string): string;
  /** The zone's name in this language at that instant: "Nepal Time", "尼泊尔时间". */
  zoneName(timeZone: string, at: string): string;
  /** Integer minor units of a currency: 150000 NPR → "रू १,५००.००". */
  money(amount: number, currency: string): string;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function wallClock(timeZone: string): Intl.DateTimeFormatOptions {
  return {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
}

export function makeFormat(locale: Locale): Format {
  const intl = INTL[locale];
  const numbers = new Intl.NumberFormat(intl);
  return {
    number: (n) => numbers.format(n),
    span(startsAt, endsAt, timeZone) {
      const start = new Date(startsAt);
      const end = new Date(endsAt);
      const f = dtf(intl, wallClock(timeZone));
      return end.getTime() > start.getTime() ? f.formatRange(start, end) : f.format(start);
    },
    instant: (at, timeZone) => dtf(intl, wallClock(timeZone)).format(new Date(at)),
    date: (day) => dtf(intl, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${day}T00:00:00Z`)),
    zoneName(timeZone, at) {
      const parts = dtf(intl, { timeZone, timeZoneName: 'long' }).formatToParts(new Date(at));
      return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    },
    money(amount, currency) {
      const f = new Intl.NumberFormat(intl, { style: 'currency', currency });
      const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
      return f.format(amount / 10 ** digits);
    },
  };
}

/** The viewer's own time zone, as the browser knows it. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether two zones show different wall-clock times at that instant (Asia/Shanghai and Asia/Taipei do not). */
export function zonesDiffer(a: string, b: string, at: string): boolean {
  if (a === b) return false;
  const f = (tz: string) => dtf('en-GB', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));
  return f(a) !== f(b);
}
