import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalJson } from './canonical-json';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kinship', purpose, 32));
}

/**
 * Keys derived from the server secret, each for one purpose. The request hash is an HMAC, not a bare
 * SHA-256, because a signup body holds a password; the stored answer is sealed because it may hold
 * an access token or a guest's manage token (rule 7: tokens are derived, never stored in the clear).
 */
export class IdempotencyCrypto {
  private readonly hashKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(secret: string) {
    this.hashKey = derive(secret, 'idempotency request hash v1');
    this.sealKey = derive(secret, 'idempotency response v1');
  }

  /** Hex HMAC-SHA256 of the body as canonical JSON. */
  hash(body: unknown): string {
    return createHmac('sha256', this.hashKey)
      .update(canonicalJson(body ?? null))
      .digest('hex');
  }

  /** AES-256-GCM: iv, tag, then the ciphertext of `{ "v": value }` (so undefined survives). */
  seal(value: unknown): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify({ v: value }), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]);
  }

  /** Throws when the box was not sealed under this secret or was altered. */
  open(sealed: Buffer): unknown {
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const json = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return (JSON.parse(json.toString('utf8')) as { v?: unknown }).v;
  }
}
