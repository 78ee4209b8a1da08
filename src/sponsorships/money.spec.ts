import {
  addMonths,
  committedInYear,
  Commitment,
  dueDates,
  isCurrency,
  majorUnits,
  standingOf,
  unpaidOn,
} from './money';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const monthly: Commitment = { amount: 3000, currency: 'USD', period: 'month', startDate: '2026-01-31', lastDate: null };

describe('isCurrency', () => {
  it('should take ISO 4217 codes and refuse the rest', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('NPR')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('US')).toBe(false);
    expect(isCurrency(12)).toBe(false);
  });
});

describe('majorUnits', () => {
  it('should place the point by the currency', () => {
    expect(majorUnits(usd(12550))).toBe('125.50');
    expect(majorUnits(usd(5))).toBe('0.05');
    expect(majorUnits({ amount: 3000, currency: 'JPY' })).toBe('3000');
  });
});

describe('dueDates', () => {
  it('should clamp to the end of short months without drifting', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(dueDates(monthly, '2026-04-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('should fall every four months for a term and every year for a year', () => {
    expect(dueDates({ ...monthly, period: 'term', startDate: '2025-09-01' }, '2026-09-01')).toEqual([
      '2025-09-01',
      '2026-01-01',
      '2026-05-01',
      '2026-09-01',
    ]);
    expect(dueDates({ ...monthly, period: 'year', startDate: '2024-02-29' }, '2026-03-01')).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
    ]);
  });

  it('should stop at the last date', () => {
    expect(dueDates({ ...monthly, startDate: '2026-01-01', lastDate: '2026-02-15' }, '2026-12-31')).toEqual([
      '2026-01-01',
      '2026-02-01',
    ]);
  });
});

describe('standingOf', () => {
  it('should settle the oldest due first and call overdue only what is 30 days late', () => {
    const c: Commitment = { ...monthly, startDate: '2026-01-01' };
    // Due 1 Jan, 1 Feb, 1 Mar, 1 Apr: 12000; paid 4500 settles January and half of February.
    const s = standingOf(c, [usd(2500), usd(2000)], '2026-04-10');
    expect(s.lines.map((l) => l.unpaid)).toEqual([0, 1500, 3000, 3000]);
    expect(s.due).toEqual(usd(7500));
    // February (1 Feb + 30 days = 3 Mar) and March (31 Mar) are overdue on 10 April; April is not.
    expect(s.overdue).toEqual(usd(4500));
    expect(s.paidToDate).toEqual([usd(4500)]);
    expect(s.nextDueDate).toBe('2026-05-01');
  });

  it('should count a due date overdue on its thirtieth day, not before', () => {
    const c: Commitment = { ...monthly, startDate: '2026-01-01' };
    expect(standingOf(c, [], '2026-01-30').overdue.amount).toBe(0);
    expect(standingOf(c, [], '2026-01-31').overdue.amount).toBe(3000);
  });

  it('should keep other currencies apart: they count as paid but settle nothing', () => {
    const c: Commitment = { amount: 60000, currency: 'USD', period: 'term', startDate: '2026-01-01', lastDate: null };
    const s = standingOf(c, [usd(10000), { amount: 5000, currency: 'EUR' }], '2026-05-20');
    expect(s.due).toEqual(usd(110000));
    expect(s.overdue).toEqual(usd(50000));
    expect(s.paidToDate).toEqual([{ amount: 5000, currency: 'EUR' }, usd(10000)]);
  });

  it('should hold a payment beyond the dues as credit', () => {
    const c: Commitment = { amount: 100000, currency: 'NPR', period: 'year', startDate: '2025-03-01', lastDate: null };
    const s = standingOf(c, [{ amount: 250000, currency: 'NPR' }], '2026-04-01');
    expect(s.due.amount).toBe(0);
    expect(s.credit).toEqual({ amount: 50000, currency: 'NPR' });
  });

  it('should ask nothing before the start date and none after the end', () => {
    const c: Commitment = { ...monthly, startDate: '2026-05-01', lastDate: '2026-06-30' };
    expect(standingOf(c, [], '2026-04-01').due.amount).toBe(0);
    expect(standingOf(c, [], '2026-04-01').nextDueDate).toBe('2026-05-01');
    expect(standingOf(c, [], '2027-01-01').due.amount).toBe(6000);
    expect(standingOf(c, [], '2027-01-01').nextDueDate).toBeNull();
  });
});

describe('unpaidOn', () => {
  it('should say what one due date still asks for', () => {
    const c: Commitment = { ...monthly, startDate: '2026-01-01' };
    expect(unpaidOn(c, [usd(4000)], '2026-01-01')).toBe(0);
    expect(unpaidOn(c, [usd(4000)], '2026-02-01')).toBe(2000);
    expect(unpaidOn(c, [usd(4000)], '2026-02-02')).toBe(0);
  });
});

describe('committedInYear', () => {
  it('should count the due dates that fall in the year', () => {
    expect(committedInYear({ ...monthly, startDate: '2026-07-15' }, 2026)).toBe(6 * 3000);
    expect(committedInYear({ ...monthly, period: 'term', startDate: '2025-09-01' }, 2026)).toBe(3 * 3000);
    expect(committedInYear({ ...monthly, startDate: '2026-07-15', lastDate: '2026-08-31' }, 2027)).toBe(0);
  });
});
