import { ageOn, dateIn, isCalendarDate } from './dates';

describe('isCalendarDate', () => {
  it('should accept real dates only', () => {
    expect(isCalendarDate('2016-02-29')).toBe(true);
    expect(isCalendarDate('2015-02-29')).toBe(false);
    expect(isCalendarDate('2015-13-01')).toBe(false);
    expect(isCalendarDate('2015-1-01')).toBe(false);
    expect(isCalendarDate('2015-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20150101)).toBe(false);
  });
});

describe('ageOn', () => {
  it('should count a birthday on its day and not the day before', () => {
    expect(ageOn('2014-05-15', '2026-05-14')).toBe(11);
    expect(ageOn('2014-05-15', '2026-05-15')).toBe(12);
    expect(ageOn('2014-05-15', '2026-12-31')).toBe(12);
  });

  it('should treat a 29 February birthday as passed on 1 March', () => {
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });
});

describe('dateIn', () => {
  it('should give the calendar date in the time zone, not UTC', () => {
    const at = new Date('2026-05-14T20:00:00Z');
    expect(dateIn('UTC', at)).toBe('2026-05-14');
    expect(dateIn('Asia/Kathmandu', at)).toBe('2026-05-15');
    expect(dateIn('America/Los_Angeles', at)).toBe('2026-05-14');
  });
});
