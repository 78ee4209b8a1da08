/** Money as the console reads and writes it: integer minor units of one currency, never converted. */

/** How many minor-unit digits a currency has (USD 2, JPY 0, KWD 3), as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * What an organizer typed ("1,234.50", "120") as integer minor units of `currency`, or null when it
 * is not a plain positive amount with at most the currency's digits after the point.
 */
export function toMinor(typed: string, currency: string): number | null {
  const text = typed.trim().replace(/[\s,_]/g, '');
  const digits = minorDigits(currency);
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * An amount and a currency as typed in one form: the currency code upper-cased and whether it is
 * three letters, and the amount in its minor units (read as USD's two digits while the code is not
 * valid yet), or null when it cannot be read.
 */
export function readMoney(
  typedAmount: string,
  typedCurrency: string,
): { currency: string; currencyOk: boolean; amount: number | null } {
  const currency = typedCurrency.trim().toUpperCase();
  const currencyOk = /^[A-Z]{3}$/.test(currency);
  return { currency, currencyOk, amount: toMinor(typedAmount, currencyOk ? currency : 'USD') };
}

/** Minor units as a plain number for an input ("1234.5" → "1234.50"), in the currency's digits. */
export function toMajorText(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

export interface MoneyTotals {
  currency: string;
  amount: number;
}

/** Adds amounts up per currency, currencies in alphabetical order (each stays in its own). */
export function sumByCurrency(items: readonly MoneyTotals[]): MoneyTotals[] {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.amount);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}
