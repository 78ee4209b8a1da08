import { mailUrl } from './links';

describe('mailUrl', () => {
  const base = 'https://kinship.example.org';

  it('should carry the recipient’s language on a page of the web app', () => {
    expect(mailUrl(base, '/events/families-day', 'ne')).toBe(`${base}/events/families-day?lang=ne`);
    expect(mailUrl(base, '/', 'zh-CN')).toBe(`${base}/?lang=zh-CN`);
    expect(mailUrl(`${base}/`, 'events', 'en')).toBe(`${base}/events?lang=en`);
  });

  it('should keep PUBLIC_URL’s own path', () => {
    expect(mailUrl('https://example.org/kinship', '/events', 'en')).toBe('https://example.org/kinship/events?lang=en');
  });

  it('should put other query parameters first, encoded, and lang last', () => {
    expect(mailUrl(base, '/me/sponsorships/s1/statement', 'ne', { query: { year: '2026' } })).toBe(
      `${base}/me/sponsorships/s1/statement?year=2026&lang=ne`,
    );
    expect(mailUrl(base, '/reset-password', 'en', { query: { token: 'a+b/c=' } })).toBe(
      `${base}/reset-password?token=a%2Bb%2Fc%3D&lang=en`,
    );
  });

  it('should keep the query before a fragment', () => {
    expect(mailUrl(base, '/registrations/r1', 'ne', { fragment: { token: 'tok_1' } })).toBe(
      `${base}/registrations/r1?lang=ne#token=tok_1`,
    );
  });
});
