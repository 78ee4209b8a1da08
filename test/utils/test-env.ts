/**
 * The environment every test process runs with. Tests use their own database (kinship_test by
 * default, TEST_DATABASE_URL to change it), never DATABASE_URL, which the run command fills.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://kinship:kinship@127.0.0.1:5432/kinship_test';

export function applyTestEnv(): void {
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  // Redis database 1, so tests never touch the counters or queues of a running platform.
  process.env.REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/1';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'silent';
  process.env.JWT_SECRET = 'kinship-test-secret-0123456789';
  process.env.PUBLIC_URL = 'http://kinship.test';
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  delete process.env.RATE_LIMIT_DISABLED;
  // Every test comes from one address (loopback), and Redis keeps counters across test files for
  // their window: the per-address allowances are raised here; the files about limits set their own.
  process.env.SIGNUPS_PER_ADDRESS_PER_HOUR = '100000';
  process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = '100000';
  // A busy api asks the workers to hold mail back; here api, worker and the tests share one
  // process, which is busy for reasons of its own. test/mail-yield turns it on.
  process.env.API_BUSY_CPU = '0';
}
