import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a registration's one-click unsubscribe link (RFC 8058): an HMAC of the
 * registration id under a key derived from the server secret, never stored. It only lets its
 * holder stop the optional mail (organizer messages, reminders) of that one registration, so of
 * one event and one recipient; it opens nothing else (the manage token is another key).
 */
export function unsubscribeKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kinship', 'unsubscribe-link', 32));
}

export function unsubscribeToken(key: Buffer, registrationId: string): string {
  return createHmac('sha256', key).update(`unsubscribe:${registrationId.toLowerCase()}`).digest('base64url');
}

export function isUnsubscribeToken(key: Buffer, registrationId: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 100) return false;
  const expected = Buffer.from(unsubscribeToken(key, registrationId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
