import { DateTime } from 'luxon';
import { answerCell, instantCell, safeCell } from './csv-cells';

describe('safeCell', () => {
  it.each(['=SUM(A1:A9)', '+86 10 1234', '-2+3', '@cmd', '\tx', '\rx'])('should show %j as text', (v) => {
    expect(safeCell(v)).toBe(`'${v}`);
  });

  it('should leave other text as it is', () => {
    for (const v of ['Mei Chen', '陈美', 'a=b', '', ' =x']) expect(safeCell(v)).toBe(v);
  });
});

describe('answerCell', () => {
  it('should join multiple choices with "; "', () => {
    expect(answerCell(['English', '中文'])).toBe('English; 中文');
  });

  it('should write booleans as yes or no, and leave unanswered cells empty', () => {
    expect(answerCell(true)).toBe('yes');
    expect(answerCell(false)).toBe('no');
    expect(answerCell(undefined)).toBe('');
    expect(answerCell(null)).toBe('');
  });

  it('should write numbers and text as they are', () => {
    expect(answerCell(3)).toBe('3');
    expect(answerCell('vegetarian')).toBe('vegetarian');
  });
});

describe('instantCell', () => {
  it("should write the instant in the event's time zone with its offset", () => {
    expect(instantCell(new Date('2027-05-15T02:03:04.567Z'), 'Asia/Shanghai')).toBe('2027-05-15T10:03:04+08:00');
    expect(instantCell(null, 'UTC')).toBe('');
  });
});

describe('instantCell against the zone rules', () => {
  /** What the rules say, computed the slow way for every instant. */
  const slow = (at: Date, zone: string) =>
    DateTime.fromJSDate(at, { zone }).set({ millisecond: 0 }).toISO({ suppressMilliseconds: true });

  it('should agree with the zone database around every DST change and in odd offsets', () => {
    const zones = [
      'UTC',
      'Etc/UTC',
      'Europe/London',
      'America/New_York',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Shanghai',
    ];
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (const zone of zones) {
      // Every 7 minutes and 13 seconds through two years: crosses each DST change in both directions.
      for (let t = start; t < start + 2 * 365 * 86_400_000; t += 433_000 * 7) {
        const at = new Date(t + (t % 997));
        expect(instantCell(at, zone)).toBe(slow(at, zone));
      }
    }
  });
});

describe('instantCell at the exact moments the offset changes', () => {
  it('should switch offset on the second the zone does', () => {
    for (const zone of [
      'Europe/London',
      'America/New_York',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
    ]) {
      // Find the changes in 2026, minute by minute, from the zone database itself.
      let last = DateTime.fromMillis(Date.parse('2026-01-01T00:00:00Z'), { zone }).offset;
      let found = 0;
      for (let t = Date.parse('2026-01-01T00:01:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 60_000) {
        const offset = DateTime.fromMillis(t, { zone }).offset;
        if (offset === last) continue;
        found += 1;
        last = offset;
        for (const at of [t - 60_000, t - 1000, t, t + 1000]) {
          const d = new Date(at);
          expect(instantCell(d, zone)).toBe(DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true }));
        }
      }
      expect(found).toBe(2);
    }
  });
});
