import {
  formatCount,
  formatDate,
  formatEventSpan,
  formatInstantInZone,
  formatMoney,
  formatUtc,
  formatYear,
  minorDigits,
} from './format';

// ICU puts thin and narrow no-break spaces around range dashes and before some units.
const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('formatEventSpan', () => {
  it('should show a same-day event in its own zone, in English', () => {
    expect(plain(formatEventSpan('en', '2027-05-15T02:00:00Z', '2027-05-15T08:00:00Z', 'Asia/Shanghai'))).toBe(
      'Saturday, 15 May 2027, 10:00–16:00 (Asia/Shanghai)',
    );
  });

  it('should show a same-day event in its own zone, in Chinese', () => {
    expect(plain(formatEventSpan('zh-CN', '2027-05-15T02:00:00Z', '2027-05-15T08:00:00Z', 'Asia/Shanghai'))).toBe(
      '2027年5月15日星期六 10:00–16:00（Asia/Shanghai）',
    );
  });

  it('should show an event in Kathmandu (UTC+05:45) in Nepali, with Devanagari digits', () => {
    // 04:15 UTC is 10:00 in Kathmandu.
    expect(plain(formatEventSpan('ne', '2027-05-15T04:15:00Z', '2027-05-15T10:15:00Z', 'Asia/Kathmandu'))).toBe(
      '२०२७ मे १५, शनिबार, १०:००–१६:०० (Asia/Kathmandu)',
    );
    expect(plain(formatEventSpan('ne', '2027-05-15T04:15:00Z', '2027-05-16T10:15:00Z', 'Asia/Kathmandu'))).toBe(
      '२०२७ मे १५, शनिबार: १०:०० – २०२७ मे १६, आइतबार: १६:०० (Asia/Kathmandu)',
    );
  });

  it('should name both days of an event that spans days', () => {
    expect(plain(formatEventSpan('en', '2027-05-15T02:00:00Z', '2027-05-16T08:00:00Z', 'Asia/Shanghai'))).toBe(
      'Saturday, 15 May 2027 at 10:00 – Sunday, 16 May 2027 at 16:00 (Asia/Shanghai)',
    );
    expect(plain(formatEventSpan('zh-CN', '2027-05-15T02:00:00Z', '2027-05-16T08:00:00Z', 'Asia/Shanghai'))).toBe(
      '2027年5月15日星期六 10:00 – 2027年5月16日星期日 16:00（Asia/Shanghai）',
    );
  });

  it('should use the event zone, not UTC, when the local day differs (and honour daylight saving time)', () => {
    // 23:30 UTC on 3 July is 19:30 EDT the same day in New York.
    expect(plain(formatEventSpan('en', '2027-07-03T23:30:00Z', '2027-07-04T01:00:00Z', 'America/New_York'))).toBe(
      'Saturday, 3 July 2027, 19:30–21:00 (America/New_York)',
    );
  });

  it('should refuse an invalid time rather than print "Invalid Date"', () => {
    expect(() => formatEventSpan('en', 'not a date', '2027-05-15T08:00:00Z', 'Asia/Shanghai')).toThrow(/startsAt/);
  });
});

describe('formatInstantInZone, formatUtc, formatDate', () => {
  it('should format one instant in a zone with the zone named', () => {
    expect(plain(formatInstantInZone('en', '2027-05-22T02:00:00Z', 'Asia/Shanghai'))).toBe(
      'Saturday, 22 May 2027 at 10:00 (Asia/Shanghai)',
    );
    expect(plain(formatInstantInZone('zh-CN', '2027-05-22T02:00:00Z', 'Asia/Shanghai'))).toBe(
      '2027年5月22日星期六 10:00（Asia/Shanghai）',
    );
  });

  it('should format a UTC time for the password reset expiry', () => {
    expect(plain(formatUtc('en', '2027-05-01T09:30:00Z'))).toBe('1 May 2027 at 09:30 (UTC)');
    expect(plain(formatUtc('zh-CN', '2027-05-01T09:30:00Z'))).toBe('2027年5月1日 09:30（UTC）');
  });

  it('should format a calendar date without shifting it by a zone', () => {
    expect(formatDate('en', '2027-06-01')).toBe('Tuesday, 1 June 2027');
    expect(formatDate('zh-CN', '2027-06-01')).toBe('2027年6月1日星期二');
    expect(formatDate('ne', '2027-06-01')).toBe('२०२७ जुन १, मङ्गलबार');
  });

  it('should format times in Nepali with Devanagari digits', () => {
    expect(plain(formatInstantInZone('ne', '2027-05-22T04:15:00Z', 'Asia/Kathmandu'))).toBe(
      '२०२७ मे २२, शनिबार: १०:०० (Asia/Kathmandu)',
    );
    expect(plain(formatUtc('ne', '2027-05-01T09:30:00Z'))).toBe('२०२७ मे १: ०९:३० (UTC)');
  });
});

describe('formatCount, formatYear', () => {
  it('should write counts and years in the locale’s digits', () => {
    expect(formatCount('en', 1234)).toBe('1,234');
    expect(formatCount('zh-CN', 3)).toBe('3');
    expect(formatCount('ne', 3)).toBe('३');
    expect(formatCount('ne', 123456)).toBe('१,२३,४५६');
    expect(formatYear('en', 2026)).toBe('2026');
    expect(formatYear('ne', 2026)).toBe('२०२६');
  });

  it('should refuse what is not an integer rather than print it', () => {
    expect(() => formatCount('ne', '3')).toThrow(/integer/);
    expect(() => formatYear('ne', undefined)).toThrow(/integer/);
  });
});

describe('formatMoney', () => {
  it('should know each currency’s minor digits', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
  });

  it.each([
    ['en', 12550, 'USD', 'US$125.50'],
    ['en', 5000, 'JPY', 'JP¥5,000'],
    ['en', 1234567, 'KWD', 'KWD 1,234.567'],
    ['en', 7, 'USD', 'US$0.07'],
    ['en', -250, 'GBP', '-£2.50'],
    ['zh-CN', 12550, 'CNY', '¥125.50'],
    ['zh-CN', 12550, 'USD', 'US$125.50'],
    ['zh-CN', 5000, 'JPY', 'JP¥5,000'],
    ['ne', 12550, 'USD', 'US$ १२५.५०'],
    ['ne', 15060000, 'NPR', 'नेरू १,५०,६००.००'],
  ] as const)('should format %s %d %s as %s', (locale, amount, currency, expected) => {
    expect(plain(formatMoney(locale, { amount, currency }))).toBe(expected);
  });

  it('should keep large amounts exact', () => {
    expect(formatMoney('en', { amount: 900719925474099, currency: 'USD' })).toBe('US$9,007,199,254,740.99');
  });

  it('should refuse a fractional amount of minor units', () => {
    expect(() => formatMoney('en', { amount: 12.5, currency: 'USD' })).toThrow(/integer/);
  });
});
