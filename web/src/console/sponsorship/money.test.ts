import { describe, expect, it } from 'vitest';
import { makeFormat } from '../../i18n/format';
import { minorDigits, readMoney, sumByCurrency, toMajorText, toMinor } from './money';

describe('money in the console', () => {
  it('should know each currency’s minor digits', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('NPR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('should read typed amounts as minor units, refusing what is not one', () => {
    expect(toMinor('150', 'USD')).toBe(15000);
    expect(toMinor('1,234.5', 'USD')).toBe(123450);
    expect(toMinor(' 0.05 ', 'NPR')).toBe(5);
    expect(toMinor('1200', 'JPY')).toBe(1200);
    expect(toMinor('12.5', 'JPY')).toBeNull();
    expect(toMinor('1.234', 'USD')).toBeNull();
    expect(toMinor('-5', 'USD')).toBeNull();
    expect(toMinor('ten', 'USD')).toBeNull();
    expect(toMinor('', 'USD')).toBeNull();
    expect(toMajorText(123450, 'USD')).toBe('1234.50');
    expect(toMajorText(1200, 'JPY')).toBe('1200');
  });

  it('should write each currency in the viewer’s language, never converted', () => {
    expect(makeFormat('en').money(123450, 'USD')).toBe('US$1,234.50');
    expect(makeFormat('en').money(150000, 'NPR')).toMatch(/^NPR\s?1,500\.00$/);
    expect(makeFormat('zh-CN').money(123450, 'USD')).toBe('US$1,234.50');
    expect(makeFormat('zh-CN').money(1200, 'JPY')).toBe('JP¥1,200');
    // Nepali: Devanagari digits whichever way the browser writes them.
    expect(makeFormat('ne').money(150000, 'NPR')).toMatch(/१,५००\.००/);
  });

  it('should add up per currency without mixing them', () => {
    expect(
      sumByCurrency([
        { currency: 'USD', amount: 100 },
        { currency: 'NPR', amount: 5000 },
        { currency: 'USD', amount: 250 },
      ]),
    ).toEqual([
      { currency: 'NPR', amount: 5000 },
      { currency: 'USD', amount: 350 },
    ]);
  });
});

describe('readMoney', () => {
  it('reads the code upper-cased and the amount in that currency’s minor units', () => {
    expect(readMoney(' 1,200.5 ', ' usd ')).toEqual({ currency: 'USD', currencyOk: true, amount: 120050 });
    expect(readMoney('1200', 'jpy')).toEqual({ currency: 'JPY', currencyOk: true, amount: 1200 });
  });
  it('marks a code that is not three letters, and reads the amount with two digits meanwhile', () => {
    expect(readMoney('12.34', 'US')).toEqual({ currency: 'US', currencyOk: false, amount: 1234 });
    expect(readMoney('12.345', 'RS1')).toEqual({ currency: 'RS1', currencyOk: false, amount: null });
  });
});
