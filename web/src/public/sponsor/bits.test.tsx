import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { makeFormat, nepaliFormat } from '../../i18n/format';
import { I18nProvider } from '../../i18n/i18n';
import { zhCN } from '../../i18n/zh-CN';
import { DuesTable, dueState, excerpt, moneyText, percentOf, statementYear, statementYears, yearText } from './bits';

afterEach(cleanup);

describe('moneyText', () => {
  it('should write each currency in its own units, never adding them together', () => {
    const items = [
      { amount: 1200, currency: 'EUR' },
      { amount: 150000, currency: 'NPR' },
      { amount: 3000, currency: 'JPY' },
    ];
    expect(moneyText(items, makeFormat('en'))).toBe('€12.00 · NPR\u00a01,500.00 · JP¥3,000');
    const zh = moneyText(items, makeFormat('zh-CN'));
    expect(zh.split(' · ')).toHaveLength(3);
    expect(zh).toContain('1,500.00');
    expect(zh).toContain('€12.00');
  });

  it('should write Nepali amounts with Devanagari digits and Indian grouping', () => {
    expect(moneyText([{ amount: 15000000, currency: 'NPR' }], nepaliFormat())).toBe('नेरू\u00a0१,५०,०००.००');
    expect(moneyText([{ amount: 3000, currency: 'USD' }], nepaliFormat())).toBe('USD\u00a0३०.००');
  });

  it('should write nothing for no money', () => {
    expect(moneyText([], makeFormat('en'))).toBe('');
  });
});

describe('yearText', () => {
  it('should write a year without grouping, in the language’s digits', () => {
    expect(yearText(2026, makeFormat('en'))).toBe('2026');
    expect(yearText(2026, makeFormat('zh-CN'))).toBe('2026');
    expect(yearText(2026, nepaliFormat())).toBe('२०२६');
  });
});

describe('percentOf', () => {
  it('should round an attendance rate to a whole percent within 0–100', () => {
    expect(percentOf(0.934)).toBe(93);
    expect(percentOf(0.935)).toBe(94);
    expect(percentOf(1)).toBe(100);
    expect(percentOf(0)).toBe(0);
    expect(percentOf(1.2)).toBe(100);
  });
});

describe('dueState', () => {
  it('should read a due date as paid, not yet paid, or overdue', () => {
    expect(dueState({ unpaid: 0, overdue: false })).toBe('paid');
    expect(dueState({ unpaid: 3000, overdue: false })).toBe('open');
    expect(dueState({ unpaid: 1000, overdue: true })).toBe('overdue');
  });
});

describe('statementYears', () => {
  it('should list every year from the start to this one, newest first', () => {
    expect(statementYears({ startDate: '2024-03-15', endDate: null, endedOn: null }, 2026)).toEqual([2026, 2025, 2024]);
  });

  it('should stop at the year a sponsorship ended, or its planned end', () => {
    expect(statementYears({ startDate: '2023-09-01', endDate: null, endedOn: '2025-02-10' }, 2026)).toEqual([
      2025, 2024, 2023,
    ]);
    expect(statementYears({ startDate: '2023-09-01', endDate: '2024-08-31', endedOn: null }, 2026)).toEqual([
      2024, 2023,
    ]);
  });

  it('should offer this year for a sponsorship that starts later this year, and the start year for one that starts next year', () => {
    expect(statementYears({ startDate: '2026-11-01', endDate: null, endedOn: null }, 2026)).toEqual([2026]);
    expect(statementYears({ startDate: '2027-01-01', endDate: null, endedOn: null }, 2026)).toEqual([2027]);
  });
});

describe('statementYear', () => {
  it('should take ?year= when it is a year from 2000 to 2100, else this year', () => {
    expect(statementYear('2025', 2026)).toBe(2025);
    expect(statementYear(null, 2026)).toBe(2026);
    expect(statementYear('abc', 2026)).toBe(2026);
    expect(statementYear('1999', 2026)).toBe(2026);
    expect(statementYear('2025.5', 2026)).toBe(2026);
  });
});

describe('excerpt', () => {
  it('should keep the first sentence of a summary', () => {
    expect(excerpt('Asha did very well. She likes maths.')).toBe('Asha did very well.');
    expect(excerpt('आशाले राम्रो गरिन्। उनलाई गणित मन पर्छ।')).toBe('आशाले राम्रो गरिन्।');
    expect(excerpt('阿莎进步很大。她喜欢数学。')).toBe('阿莎进步很大。');
  });

  it('should cut a long sentence at a word with an ellipsis', () => {
    const long = `She ${'worked hard '.repeat(20)}all year`;
    const out = excerpt(long, 60);
    expect(out.length).toBeLessThanOrEqual(61);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/ …$/);
  });
});

describe('DuesTable', () => {
  const dues = [
    { date: '2026-08-15', amount: 3000, currency: 'USD', unpaid: 0, overdue: false },
    { date: '2026-09-15', amount: 3000, currency: 'USD', unpaid: 3000, overdue: true },
    { date: '2026-10-15', amount: 3000, currency: 'USD', unpaid: 1000, overdue: false },
  ];

  it('should list the due dates newest first, each state in words', () => {
    render(
      <I18nProvider locale="en" catalog={en} setLocale={() => {}}>
        <DuesTable dues={dues} />
      </I18nProvider>,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['15 October 2026', 'US$10.00', 'Not yet paid'],
      ['15 September 2026', 'US$30.00', 'Overdue'],
      ['15 August 2026', 'US$0.00', 'Paid'],
    ]);
  });

  it('should say so when nothing is due, in the page’s language', () => {
    render(
      <I18nProvider locale="zh-CN" catalog={zhCN} setLocale={() => {}}>
        <DuesTable dues={[]} />
      </I18nProvider>,
    );
    expect(screen.getByText('目前没有应付款项。')).toBeTruthy();
  });
});
