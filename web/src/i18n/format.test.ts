import { describe, expect, it } from 'vitest';
import { makeFormat, zonesDiffer } from './format';

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
