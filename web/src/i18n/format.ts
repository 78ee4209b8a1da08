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

/**
 * Whether this browser can write Nepali dates and numbers itself. Some builds carry no Nepali
 * locale data (Debian's Chromium among them): Intl then falls back to a generic English, so the
 * Nepali pages write their dates and numbers with `nepaliFormat` instead.
 */
const NEPALI_IN_INTL = Intl.DateTimeFormat.supportedLocalesOf(['ne-NP']).length > 0;

export function makeFormat(locale: Locale): Format {
  if (locale === 'ne' && !NEPALI_IN_INTL) return nepaliFormat();
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

const NE_MONTHS = [
  'जनवरी',
  'फेब्रुअरी',
  'मार्च',
  'अप्रिल',
  'मे',
  'जुन',
  'जुलाई',
  'अगस्ट',
  'सेप्टेम्बर',
  'अक्टोबर',
  'नोभेम्बर',
  'डिसेम्बर',
];
const NE_WEEKDAYS = ['आइतबार', 'सोमबार', 'मङ्गलबार', 'बुधबार', 'बिहिबार', 'शुक्रबार', 'शनिबार'];
/** Zones the platform's families live in, named as Nepali speakers name them; others by their offset. */
const NE_ZONES: Record<string, string> = {
  'Asia/Kathmandu': 'नेपाल समय',
  'Asia/Katmandu': 'नेपाल समय',
  'Asia/Shanghai': 'चीन समय',
  'Asia/Kolkata': 'भारत समय',
  UTC: 'UTC',
};
const DEVANAGARI = '०१२३४५६७८९';

/** Latin digits written in Devanagari. */
export function devanagariDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => DEVANAGARI[Number(d)]);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  time: string;
}

function wallClockParts(at: Date, timeZone: string): WallClock {
  const parts = dtf('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
    time: `${get('hour')}:${get('minute')}`,
  };
}

/**
 * Nepali dates and numbers written by hand, in the pattern Intl uses where it knows Nepali
 * ("२०२७ मे १५, शनिबार, १०:००–१४:००", "नेरू १,५००.००"), for browsers without its data.
 */
export function nepaliFormat(): Format {
  const numbers = new Intl.NumberFormat('en-IN-u-nu-deva');
  const day = (c: WallClock) =>
    `${devanagariDigits(String(c.year))} ${NE_MONTHS[c.month - 1]} ${devanagariDigits(String(c.day))}`;
  const full = (c: WallClock) => `${day(c)}, ${NE_WEEKDAYS[c.weekday]}, ${devanagariDigits(c.time)}`;
  return {
    number: (n) => numbers.format(n),
    span(startsAt, endsAt, timeZone) {
      const a = wallClockParts(new Date(startsAt), timeZone);
      const b = wallClockParts(new Date(endsAt), timeZone);
      if (new Date(endsAt) <= new Date(startsAt)) return full(a);
      if (a.year === b.year && a.month === b.month && a.day === b.day) return `${full(a)}–${devanagariDigits(b.time)}`;
      return `${full(a)} – ${full(b)}`;
    },
    instant: (at, timeZone) => full(wallClockParts(new Date(at), timeZone)),
    date(d) {
      const [y, m, dd] = d.split('-').map(Number);
      return `${devanagariDigits(String(y))} ${NE_MONTHS[m - 1]} ${devanagariDigits(String(dd))}`;
    },
    zoneName(timeZone, at) {
      if (NE_ZONES[timeZone]) return NE_ZONES[timeZone];
      const parts = dtf('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(at));
      return devanagariDigits(parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone);
    },
    money(amount, currency) {
      const digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
      const value = new Intl.NumberFormat('en-IN-u-nu-deva', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      return `${currency === 'NPR' ? 'नेरू' : currency}\u00a0${value.format(amount / 10 ** digits)}`;
    },
  };
}
