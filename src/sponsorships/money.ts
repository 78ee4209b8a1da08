/**
 * Money and the due schedule, as pure functions. Amounts are integer minor units with an ISO 4217
 * currency; nothing here ever converts between currencies.
 */
export interface Money {
  amount: number;
  currency: string;
}

export const PERIODS = ['month', 'term', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** Months between two due dates: a term is four months. */
export const PERIOD_MONTHS: Record<Period, number> = { month: 1, term: 4, year: 12 };

/** A due amount still unpaid this many days after its date is overdue. */
export const OVERDUE_AFTER_DAYS = 30;

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code the runtime knows (upper-case, three letters). */
export function isCurrency(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value);
}

/** Digits after the decimal point for a currency (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `12550` USD → `125.50`; JPY 3000 → `3000`. */
export function majorUnits(m: Money): string {
  const digits = minorDigits(m.currency);
  const sign = m.amount < 0 ? '-' : '';
  const abs = Math.abs(m.amount);
  if (!digits) return `${sign}${abs}`;
  const s = String(abs).padStart(digits + 1, '0');
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** `start` plus `months` months (YYYY-MM-DD), clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export interface Commitment {
  amount: number;
  currency: string;
  period: Period;
  startDate: string;
  /** The last day a due date may fall on (the end date, or the day the sponsorship ended). */
  lastDate: string | null;
}

/**
 * The due dates from `from` to `to` (inclusive): the start date and then every period, counted from
 * the start each time (so the 31st stays the month's last day, never drifts), up to the last date.
 */
export function dueDates(
  c: Pick<Commitment, 'period' | 'startDate' | 'lastDate'>,
  to: string,
  from = c.startDate,
): string[] {
  const out: string[] = [];
  const step = PERIOD_MONTHS[c.period];
  const until = c.lastDate && c.lastDate < to ? c.lastDate : to;
  for (let k = 0; ; k++) {
    const d = addMonths(c.startDate, k * step);
    if (d > until) break;
    if (d >= from) out.push(d);
  }
  return out;
}

export interface DueLine {
  date: string;
  amount: number;
  /** What is still unpaid of it after every payment, oldest due settled first. */
  unpaid: number;
  overdue: boolean;
}

export interface Standing {
  /** Every payment, per currency (sorted by currency). */
  paidToDate: Money[];
  /** Unpaid of the due dates up to `asOf`, in the commitment's currency (overdue included). */
  due: Money;
  /** Unpaid 30 days or more after its due date. */
  overdue: Money;
  /** Paid beyond what is due so far, in the commitment's currency. */
  credit: Money;
  /** The next due date after `asOf`, if the sponsorship runs that long. */
  nextDueDate: string | null;
  lines: DueLine[];
}

/** Sums per currency, sorted by currency code. */
export function totalsByCurrency(items: Money[]): Money[] {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.amount);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency }));
}

/**
 * Where a sponsorship stands on `asOf`: each due date up to then asks for the commitment; payments
 * in the commitment's currency settle the oldest due first; payments in other currencies count in
 * paid-to-date per currency and settle nothing (never converted).
 */
export function standingOf(c: Commitment, payments: Money[], asOf: string): Standing {
  const paidSame = payments.filter((p) => p.currency === c.currency).reduce((s, p) => s + p.amount, 0);
  let left = paidSame;
  const overdueFrom = addDays(asOf, -OVERDUE_AFTER_DAYS);
  const lines = dueDates(c, asOf).map((date) => {
    const settled = Math.min(left, c.amount);
    left -= settled;
    const unpaid = c.amount - settled;
    return { date, amount: c.amount, unpaid, overdue: unpaid > 0 && date <= overdueFrom };
  });
  const next = dueDates(c, addMonths(asOf, PERIOD_MONTHS[c.period]), addDays(asOf, 1))[0] ?? null;
  const money = (amount: number): Money => ({ amount, currency: c.currency });
  return {
    paidToDate: totalsByCurrency(payments),
    due: money(lines.reduce((s, l) => s + l.unpaid, 0)),
    overdue: money(lines.filter((l) => l.overdue).reduce((s, l) => s + l.unpaid, 0)),
    credit: money(left),
    nextDueDate: next,
    lines,
  };
}

/** What the due date `date` still asks for, given every payment recorded so far (0: paid, or not a due date). */
export function unpaidOn(c: Commitment, payments: Money[], date: string): number {
  return standingOf(c, payments, date).lines.find((l) => l.date === date)?.unpaid ?? 0;
}

/** What a commitment asks for in the calendar year `year` (its due dates that fall in it). */
export function committedInYear(c: Commitment, year: number): number {
  return dueDates(c, `${year}-12-31`, `${year}-01-01`).length * c.amount;
}
