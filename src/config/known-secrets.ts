/**
 * Secrets and passwords that anyone can read in the Kinship repository, so that production can
 * refuse them. `known-secrets.spec.ts` reads every file of the repository for a `JWT_SECRET` given
 * a literal value and fails until that value is listed here.
 */

/** The secret a development or test process signs with when none is set. */
export const DEFAULT_JWT_SECRET = 'kinship-development-secret-change-me';

const KNOWN_JWT_SECRETS: readonly string[] = [
  DEFAULT_JWT_SECRET,
  // test/utils/test-env.ts
  'kinship-test-secret-0123456789',
  // bench/run.ts once had (it now makes one per run)
  'kinship-bench-secret-not-for-production',
  // web/e2e/support/global-setup.ts
  'kinship-browser-tests-secret-0123456789',
  // the default docker-compose.yml once had
  'compose-trial-secret-change-me-before-real-use',
];

/** The password of the demo accounts `npm run seed` creates (README, docs/operations.md). */
export const DEMO_PASSWORD = 'kinship-demo';

const DEMO_PASSWORDS: readonly string[] = [DEMO_PASSWORD];

export function isKnownSecret(secret: string): boolean {
  return KNOWN_JWT_SECRETS.includes(secret.trim());
}

export function isDemoPassword(password: string): boolean {
  return DEMO_PASSWORDS.includes(password);
}
