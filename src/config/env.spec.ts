import { DEFAULT_JWT_SECRET, loadEnv } from './env';

describe('loadEnv', () => {
  it('should work on a developer machine with nothing set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HTTP_KEEP_ALIVE_SECONDS: 65,
      DATABASE_URL: 'postgres://kinship:kinship@127.0.0.1:5432/kinship',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PUBLIC_URL: 'http://localhost:3000',
      JWT_SECRET: DEFAULT_JWT_SECRET,
      RATE_LIMIT_DISABLED: false,
      WORKER_NICE: 10,
      API_BUSY_CPU: 0.25,
      MAIL_PER_SECOND_WHILE_API_BUSY: 5,
      RETENTION_REGISTRATION_MONTHS: 24,
      RETENTION_MAIL_DAYS: 90,
      RETENTION_STUDENT_MONTHS: 12,
      RETENTION_BATCH_SIZE: 500,
    });
    expect(env.SMTP_URL).toBeUndefined();
  });

  it('should use the test database under NODE_ENV=test', () => {
    expect(loadEnv({ NODE_ENV: 'test' }).DATABASE_URL).toMatch(/\/kinship_test$/);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ HTTP_KEEP_ALIVE_SECONDS: '0' }, 'HTTP_KEEP_ALIVE_SECONDS'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'postgres//nohost' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ LOGIN_MAX_FAILURES: '0' }, 'LOGIN_MAX_FAILURES'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
    [{ WORKER_NICE: '20' }, 'WORKER_NICE'],
    [{ API_BUSY_CPU: '5' }, 'API_BUSY_CPU'],
    [{ MAIL_PER_SECOND_WHILE_API_BUSY: '0' }, 'MAIL_PER_SECOND_WHILE_API_BUSY'],
    [{ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25', JWT_SECRET: DEFAULT_JWT_SECRET }, 'JWT_SECRET'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback, 10.0.0.300' }, 'TRUST_PROXY'],
    [{ DATABASE_POOL_SIZE: '1' }, 'DATABASE_POOL_SIZE'],
    [{ EXPORTS_PER_USER: '0' }, 'EXPORTS_PER_USER'],
    [{ RETENTION_REGISTRATION_MONTHS: '0' }, 'RETENTION_REGISTRATION_MONTHS'],
    [{ RETENTION_MAIL_DAYS: 'ninety' }, 'RETENTION_MAIL_DAYS'],
    [{ RETENTION_STUDENT_MONTHS: '1.5' }, 'RETENTION_STUDENT_MONTHS'],
    [{ RETENTION_BATCH_SIZE: '0' }, 'RETENTION_BATCH_SIZE'],
  ])('should refuse %j naming %s', (raw, name) => {
    expect(() => loadEnv(raw)).toThrow(new RegExp(`^${name} `));
  });

  it('should read TRUST_PROXY as Express takes it: false, a hop count, or addresses and ranges', () => {
    expect(loadEnv({}).TRUST_PROXY).toEqual(['loopback']);
    expect(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.1/255.255.255.0' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1/255.255.255.0',
    ]);
  });

  it('should never print a password found in a URL', () => {
    const withoutPassword = expect.objectContaining({ message: expect.not.stringContaining('hunter2') });
    expect(() => loadEnv({ DATABASE_URL: 'mysql://me:hunter2@db/x' })).toThrow(/postgres/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://me:hunter2@db/x' })).toThrow(withoutPassword);
    expect(() => loadEnv({ REDIS_URL: 'redis//me:hunter2@' })).toThrow(/REDIS_URL/);
    expect(() => loadEnv({ REDIS_URL: 'redis//me:hunter2@' })).toThrow(withoutPassword);
  });

  it('should trim a trailing slash from PUBLIC_URL and lower-case ADMIN_EMAIL', () => {
    const env = loadEnv({
      PUBLIC_URL: 'https://kinship.example.org/',
      ADMIN_EMAIL: 'Admin@Example.org',
      ADMIN_PASSWORD: 'long enough',
    });
    expect(env.PUBLIC_URL).toBe('https://kinship.example.org');
    expect(env.ADMIN_EMAIL).toBe('admin@example.org');
  });
});
