import { LOCALES, type Locale } from '../common/locales';
import type { Money } from './mail-kinds';

/** Mails are written in every locale Kinship speaks. */
export type MailLocale = Locale;
export const MAIL_LOCALES: readonly MailLocale[] = LOCALES;

/**
 * The Intl locale behind each mail locale: English mails use day-month-year and a 24-hour clock;
 * Nepali ones write dates, times, counts and amounts in Devanagari digits (ne-NP's default).
 */
const INTL_LOCALE: Record<MailLocale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN', ne: 'ne-NP' };

// Intl formatters are costly to build and safe to share: one per (locale, zone, options).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateTimeFormat(locale: MailLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: MailLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

function currencyFormat(locale: MailLocale, currency: string): Intl.NumberFormat {
  return numberFormat(locale, { style: 'currency', currency });
}

function requireInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new TypeError(`${what} must be an integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A count or position in the locale's digits: 1234 → "1,234" (en), "१,२३४" (ne). */
export function formatCount(locale: MailLocale, value: unknown): string {
  return numberFormat(locale, {}).format(requireInteger(value, 'A count'));
}

/** A year in the locale's digits, without grouping: 2026 → "2026", "२०२६" (ne). */
export function formatYear(locale: MailLocale, value: unknown): string {
  return numberFormat(locale, { useGrouping: false }).format(requireInteger(value, 'A year'));
}

/** Parses an ISO 8601 instant, refusing anything that is not a valid time (a mail must not say "Invalid Date"). */
export function parseInstant(value: string, what = 'time'): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Invalid ${what}: ${JSON.stringify(value)}`);
  return date;
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

function zoneLabel(locale: MailLocale, timeZone: string): string {
  return locale === 'zh-CN' ? `（${timeZone}）` : ` (${timeZone})`;
}

/**
 * An event's time span in its own zone: "Saturday, 15 May 2027, 10:00–16:00 (Asia/Shanghai)",
 * "2027年5月15日星期六 10:00–16:00（Asia/Shanghai）"; both days are named when it spans days.
 */
export function formatEventSpan(locale: MailLocale, startsAt: string, endsAt: string, timeZone: string): string {
  const start = parseInstant(startsAt, 'startsAt');
  const end = parseInstant(endsAt, 'endsAt');
  const format = dateTimeFormat(locale, wallClock(timeZone));
  const span = end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);
  return span + zoneLabel(locale, timeZone);
}

/** One instant in a zone with the zone named: "Saturday, 15 May 2027 at 10:00 (Asia/Shanghai)". */
export function formatInstantInZone(locale: MailLocale, instant: string, timeZone: string): string {
  return dateTimeFormat(locale, wallClock(timeZone)).format(parseInstant(instant)) + zoneLabel(locale, timeZone);
}

/** An instant in UTC, for mails whose recipient's zone is unknown (password reset expiry). */
export function formatUtc(locale: MailLocale, instant: string): string {
  const format = dateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(parseInstant(instant, 'expiresAt')) + zoneLabel(locale, 'UTC');
}

/** A calendar date ("2027-06-01", or an instant read in UTC): "Tuesday, 1 June 2027", "2027年6月1日星期二". */
export function formatDate(locale: MailLocale, value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? parseInstant(`${value}T00:00:00Z`, 'date')
    : parseInstant(value, 'date');
  return dateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(date);
}

/** Number of minor digits of a currency as Intl knows it (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units as a decimal string, exactly (no floating point): 123456, 2 → "1234.56". */
function toDecimal(amount: number, digits: number): string {
  if (!Number.isSafeInteger(amount)) throw new TypeError(`Money amount must be an integer of minor units: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const units = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
  if (digits === 0) return sign + units;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** Money in the locale: { amount: 123456, currency: 'USD' } → "US$1,234.56"; JPY 5000 → "JP¥5,000". */
export function formatMoney(locale: MailLocale, money: Money): string {
  if (!money || typeof money.currency !== 'string') throw new TypeError('Money needs an amount and a currency');
  const format = currencyFormat(locale, money.currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // A decimal string keeps large amounts exact; Intl.NumberFormat accepts it since Node 19.
  return format.format(toDecimal(money.amount, digits) as unknown as number);
}
