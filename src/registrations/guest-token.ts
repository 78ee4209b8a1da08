import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * A guest's manage token is derived, never stored: an HMAC of the registration id and its token
 * version under a key derived from the server secret. It can be recomputed for every mail, and
 * revoked by bumping the version.
 */
export function guestTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kinship', 'guest-manage-token', 32));
}

export function guestToken(key: Buffer, registrationId: string, version: number): string {
  return createHmac('sha256', key).update(`${registrationId}:${version}`).digest('base64url');
}

export function isGuestToken(key: Buffer, registrationId: string, version: number, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 100) return false;
  const expected = Buffer.from(guestToken(key, registrationId, version));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
