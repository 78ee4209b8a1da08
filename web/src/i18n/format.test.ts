import { describe, expect, it } from 'vitest';
import { makeFormat, nepaliFormat, zonesDiffer } from './format';

describe('format', () => {
  it("should write an event's time in its own zone, Kathmandu's quarter hour included", () => {
    const f = makeFormat('en');
    expect(f.span('2027-05-15T04:15:00Z', '2027-05-15T08:15:00Z', 'Asia/Kathmandu')).toBe(
      'Saturday, 15 May 2027, 10:00–14:00',
    );
    expect(f.zoneName('Asia/Kathmandu', '2027-05-15T04:15:00Z')).toBe('Nepal Time');
  });

  it('should write dates and money in each language, never converting money', () => {
    expect(makeFormat('zh-CN').date('2027-05-15')).toBe('2027年5月15日');
    expect(makeFormat('ne').money(150000, 'NPR')).toMatch(/१,५००\.००/);
    expect(makeFormat('en').money(2500, 'USD')).toBe('US$25.00');
    expect(makeFormat('en').money(5000, 'JPY')).toBe('JP¥5,000');
  });

  it('should tell zones apart only when their clocks differ', () => {
    expect(zonesDiffer('Asia/Shanghai', 'Asia/Taipei', '2027-05-15T04:15:00Z')).toBe(false);
    expect(zonesDiffer('Asia/Shanghai', 'Asia/Kathmandu', '2027-05-15T04:15:00Z')).toBe(true);
  });
});

describe('nepaliFormat, for browsers without Nepali in Intl', () => {
  const ne = nepaliFormat();
  it('should write what Intl writes where it knows Nepali', () => {
    const native = makeFormat('ne');
    expect(ne.span('2027-05-15T04:15:00Z', '2027-05-15T08:15:00Z', 'Asia/Kathmandu')).toBe(
      native.span('2027-05-15T04:15:00Z', '2027-05-15T08:15:00Z', 'Asia/Kathmandu'),
    );
    expect(ne.date('2027-05-15')).toBe(native.date('2027-05-15'));
    expect(ne.number(1234567)).toBe(native.number(1234567));
    expect(ne.money(150000, 'NPR')).toBe(native.money(150000, 'NPR'));
  });

  it('should name both days of an event that spans two, and the zone in Nepali', () => {
    expect(ne.span('2027-05-15T04:15:00Z', '2027-05-16T08:15:00Z', 'Asia/Kathmandu')).toBe(
      '२०२७ मे १५, शनिबार, १०:०० – २०२७ मे १६, आइतबार, १४:००',
    );
    expect(ne.zoneName('Asia/Kathmandu', '2027-05-15T04:15:00Z')).toBe('नेपाल समय');
    expect(ne.zoneName('Europe/Paris', '2027-05-15T04:15:00Z')).toBe('GMT+२');
  });
});
