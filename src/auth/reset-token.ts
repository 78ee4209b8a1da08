import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../common/ids';

/**
 * Password-reset tokens are derived, not stored: `<resetId>.<base64url HMAC-SHA256(resetId)>`
 * under a key derived from JWT_SECRET (its own key, so a reset signature is never a valid JWT
 * signature or a guest token). The api hands out nothing; the worker recomputes the token when
 * it renders the mail, and the confirm endpoint recomputes it to check what comes back.
 */
export function resetTokenKey(jwtSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'kinship', 'password-reset token v1', 32));
}

function sign(key: Buffer, resetId: string): Buffer {
  return createHmac('sha256', key).update(resetId.toLowerCase()).digest();
}

export function resetToken(key: Buffer, resetId: string): string {
  return `${resetId.toLowerCase()}.${sign(key, resetId).toString('base64url')}`;
}

/** The reset id a token names when its signature is right; null for anything else. */
export function verifyResetToken(key: Buffer, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  const given = token.slice(dot + 1);
  if (!isUuid(id) || !/^[A-Za-z0-9_-]{43}$/.test(given)) return null;
  const expected = sign(key, id);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return id.toLowerCase();
}
