import * as argon2 from 'argon2';
import { invalidFields } from '../common/errors';
import { isDemoPassword } from '../config/known-secrets';

/** argon2id with the library's defaults (64 MiB, t=3, p=4). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the email is unknown, so both paths take as long. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('kinship-no-such-user-password');
  return dummy;
}

/** In production no account may take the published demo password (400 on the password field). */
export function refuseDemoPassword(password: string): void {
  if (isDemoPassword(password)) {
    throw invalidFields([{ field: 'password', message: 'password is the published demo password; choose another' }]);
  }
}
