import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const STACK_FILE = join(ROOT, '.kinship', 'web-e2e-stack.json');

/** What global setup started, for the tests: where the app and the mail inbox answer. */
export interface Stack {
  baseURL: string;
  mailURL: string;
  adminEmail: string;
  adminPassword: string;
  databaseUrl: string;
}

let cached: Stack | undefined;
export function stack(): Stack {
  cached ??= JSON.parse(readFileSync(STACK_FILE, 'utf8')) as Stack;
  return cached;
}
