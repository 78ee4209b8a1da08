import { guestToken, guestTokenKey, isGuestToken } from './guest-token';

describe('guest manage tokens', () => {
  const key = guestTokenKey('a server secret of some length');
  const id = '7b1e4d34-2f0c-4c55-9c77-0b1f4f1b6a11';

  it('should be recomputable and check out', () => {
    const t = guestToken(key, id, 0);
    expect(guestToken(key, id, 0)).toBe(t);
    expect(isGuestToken(key, id, 0, t)).toBe(true);
  });

  it('should be revoked by a new version, and bound to the registration and the secret', () => {
    const t = guestToken(key, id, 0);
    expect(isGuestToken(key, id, 1, t)).toBe(false);
    expect(isGuestToken(key, '00000000-0000-4000-8000-000000000000', 0, t)).toBe(false);
    expect(isGuestToken(guestTokenKey('another secret entirely'), id, 0, t)).toBe(false);
    expect(isGuestToken(key, id, 0, undefined)).toBe(false);
    expect(isGuestToken(key, id, 0, t.slice(1))).toBe(false);
  });
});
