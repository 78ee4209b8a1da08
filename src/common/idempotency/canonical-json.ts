import { InvalidRequestError } from '../errors';

/** Deeper than any body Kinship takes; a deeper one is refused rather than overflowing the stack. */
const MAX_DEPTH = 64;

/**
 * JSON with every object's keys sorted (recursively) and no white space, so two bodies that differ
 * only in key order or formatting compare equal. Array order counts.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new InvalidRequestError(`The body is nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const members = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k], depth + 1)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
