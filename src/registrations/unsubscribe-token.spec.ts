import { guestToken, guestTokenKey, isGuestToken } from './guest-token';
import { isUnsubscribeToken, unsubscribeKey, unsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const key = unsubscribeKey('kinship-test-secret-0123456789');
  const a = '0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6';
  const b = '1a2b3c4d-5b4a-4392-8170-a1b2c3d4e5f6';

  it('should accept the token of its own registration only', () => {
    expect(isUnsubscribeToken(key, a, unsubscribeToken(key, a))).toBe(true);
    expect(isUnsubscribeToken(key, b, unsubscribeToken(key, a))).toBe(false);
  });

  it('should refuse a tampered, foreign-key or malformed token', () => {
    const token = unsubscribeToken(key, a);
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expect(isUnsubscribeToken(key, a, tampered)).toBe(false);
    expect(isUnsubscribeToken(unsubscribeKey('another-secret-0123456789'), a, token)).toBe(false);
    expect(isUnsubscribeToken(key, a, undefined)).toBe(false);
    expect(isUnsubscribeToken(key, a, 'x'.repeat(500))).toBe(false);
  });

  it('should neither be nor open the manage link of the same registration', () => {
    const secret = 'kinship-test-secret-0123456789';
    const token = unsubscribeToken(key, a);
    expect(token).not.toBe(guestToken(guestTokenKey(secret), a, 0));
    expect(isGuestToken(guestTokenKey(secret), a, 0, token)).toBe(false);
  });
});
