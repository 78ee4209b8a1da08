import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { ROOT, STACK_FILE, type Stack } from './stack';

const TEST_DB = process.env.TEST_DATABASE_URL || 'postgres://kinship:kinship@127.0.0.1:5432/kinship_test';

/** The browser tests' own database and Redis database, never the e2e tests' or the demo's. */
function webDatabaseUrl(): string {
  const url = new URL(TEST_DB);
  url.pathname = `${url.pathname}_web`;
  return url.toString();
}
function webRedisUrl(): string {
  return process.env.TEST_WEB_REDIS_URL || 'redis://127.0.0.1:6379/5';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function prepareDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!exists.rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await c.end();
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typeorm', 'cli.js'),
      'migration:run',
      '-d',
      join(ROOT, 'dist', 'src', 'database', 'data-source.js'),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' },
      stdio: 'ignore',
    },
  );
  // Every run starts from empty tables (the schema stays).
  const db = new Client({ connectionString: url });
  await db.connect();
  const tables = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  if (tables.rowCount) {
    await db.query(`TRUNCATE ${tables.rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  }
  await db.end();
}

async function waitFor(url: string, children: ChildProcess[], ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    for (const c of children)
      if (c.exitCode !== null) throw new Error(`a process of the stack exited (${c.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/**
 * Builds the app as `npm run build` does, prepares the tests' database, and starts a mail catcher,
 * an api and a worker from the built files, as the demo runs them. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.KINSHIP_E2E_SKIP_BUILD !== '1') {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const databaseUrl = webDatabaseUrl();
  await prepareDatabase(databaseUrl);
  const redisUrl = webRedisUrl();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();

  const [port, smtpPort, mailPort] = [await freePort(), await freePort(), await freePort()];
  const baseURL = `http://127.0.0.1:${port}`;
  const mailURL = `http://127.0.0.1:${mailPort}`;
  const adminEmail = 'admin@kinship.test';
  const adminPassword = 'admin-password-for-tests';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'error',
    PORT: String(port),
    PUBLIC_URL: baseURL,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    JWT_SECRET: 'kinship-browser-tests-secret-0123456789',
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    // Every test comes from one address.
    REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '100000',
    // checkin-devices.spec.ts registers ~200 families for one event (the default allows 60 an hour).
    REGISTRATIONS_PER_ADDRESS_PER_EVENT_PER_HOUR: '100000',
    SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    MAIL_POLL_MS: '200',
    MAIL_RETRY_SCALE: '0.01',
    API_BUSY_CPU: '0',
    WORKER_NICE: '0',
  };
  const logDir = join(ROOT, '.kinship');
  mkdirSync(logDir, { recursive: true });
  const start = (name: string, args: string[], quiet = false) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (!stopping) process.stderr.write(`web e2e: ${name} exited (${code ?? signal})\n`);
    });
    return child;
  };
  let stopping = false;
  const children = [
    start(
      'mail catcher',
      [join(ROOT, 'dist/src/dev/mail-catcher.js'), '--smtp-port', String(smtpPort), '--http-port', String(mailPort)],
      true,
    ),
    start('api', [join(ROOT, 'dist/src/main.js')]),
    start('worker', [join(ROOT, 'dist/src/worker.js')]),
  ];
  const teardown = async () => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))));
  };
  try {
    await waitFor(`${baseURL}/health/ready`, children);
    await waitFor(`${mailURL}/api/messages`, children);
  } catch (e) {
    await teardown();
    throw e;
  }
  const s: Stack = { baseURL, mailURL, adminEmail, adminPassword, databaseUrl };
  writeFileSync(STACK_FILE, JSON.stringify(s, null, 2));
  process.env.KINSHIP_E2E_BASE_URL = baseURL;
  return teardown;
}
