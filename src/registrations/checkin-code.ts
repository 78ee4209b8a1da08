import { randomInt } from 'node:crypto';

/** No look-alikes: without 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

/** A short code a volunteer can read out or type: 25^6 ≈ 244 million per event. */
export function newCheckinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What people type: any case, spaces and dashes ignored. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a normalized code can name a registration at all (a typed code of any other shape names none). */
export function isCodeShape(code: string): boolean {
  return /^[A-Z0-9]{1,12}$/.test(code);
}
