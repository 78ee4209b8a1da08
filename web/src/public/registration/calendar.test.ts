import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, icsFile } from './calendar';

const entry = {
  uid: 'a1b2@kinship',
  title: 'Family Day; games, stories',
  startsAt: '2027-05-15T04:15:00.000Z',
  endsAt: '2027-05-15T08:15:00.000Z',
  location: 'Community Hall, Lalitpur',
  url: 'https://kinship.example.org/events/family-day',
};

describe('icsFile', () => {
  it('should write one event in UTC with its text escaped and CRLF line ends', () => {
    const ics = icsFile(entry, new Date('2027-01-01T00:00:00Z'));
    expect(ics).toContain('DTSTART:20270515T041500Z\r\n');
    expect(ics).toContain('DTEND:20270515T081500Z\r\n');
    expect(ics).toContain('SUMMARY:Family Day\\; games\\, stories\r\n');
    expect(ics).toContain('UID:a1b2@kinship\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('should fold long lines at 75 octets without splitting a character', () => {
    const ics = icsFile({ ...entry, title: '国际家庭日'.repeat(10) });
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${'国际家庭日'.repeat(10)}`);
  });
});

describe('googleCalendarUrl', () => {
  it('should carry the title, the UTC times and the place', () => {
    const url = new URL(googleCalendarUrl(entry));
    expect(url.searchParams.get('dates')).toBe('20270515T041500Z/20270515T081500Z');
    expect(url.searchParams.get('location')).toBe('Community Hall, Lalitpur');
  });
});
