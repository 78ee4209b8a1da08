import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/config/known-secrets';
import { BUILD_DIR, exitOf, freePort, ROOT, startProcess, waitUntil } from './utils/processes';
import { TEST_DATABASE_URL } from './utils/test-env';

describe('the api and worker processes', () => {
  it('should start the worker on Postgres and Redis and stop it cleanly on SIGTERM', async () => {
    const w = startProcess('worker.js', {});
    try {
      await waitUntil(() => w.out().includes('worker started'), 20_000);
      // It yields the CPU to the api (WORKER_NICE, 10 by default): the nice value of each of its
      // threads, field 19 of /proc/<pid>/task/<tid>/stat (after the command name in parentheses).
      const tids = readdirSync(`/proc/${w.child.pid}/task`);
      expect(tids.length).toBeGreaterThan(1);
      const nices = tids.map((tid) => {
        const stat = readFileSync(`/proc/${w.child.pid}/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
      expect(nices).toEqual(tids.map(() => Math.max(10, getPriority())));
      w.child.kill('SIGTERM');
      expect(await exitOf(w.child)).toBe(0);
      const lines = w
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.some((l) => l.msg === 'stopped')).toBe(true);
      expect(lines.every((l) => l.process === 'worker')).toBe(true);
    } finally {
      w.child.kill('SIGKILL');
    }
  }, 40_000);

  it('should serve the api and stop it cleanly on SIGTERM', async () => {
    const port = String(await freePort());
    const a = startProcess('main.js', { PORT: port });
    try {
      await waitUntil(async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
        } catch {
          return false;
        }
      }, 20_000);
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(await live.json()).toEqual({ status: 'ok' });
      a.child.kill('SIGTERM');
      expect(await exitOf(a.child)).toBe(0);
    } finally {
      a.child.kill('SIGKILL');
    }
  }, 40_000);

  it.each([
    [{ PORT: 'eighty' }, /^kinship: configuration error: PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://x' }, /^kinship: configuration error: DATABASE_URL must use postgres or postgresql/],
    [{ REDIS_URL: 'not a url' }, /^kinship: configuration error: REDIS_URL must be a URL/],
    [
      // A secret of this run's own: one written in the repository is refused in production.
      { NODE_ENV: 'production', JWT_SECRET: randomBytes(24).toString('hex') },
      /^kinship: configuration error: SMTP_URL is required in production/,
    ],
    [
      { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:25', JWT_SECRET: '' },
      /^kinship: configuration error: JWT_SECRET is required/,
    ],
    [
      // The tests' own secret, which is in the repository (test/utils/test-env.ts).
      { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:25', JWT_SECRET: process.env.JWT_SECRET! },
      /^kinship: configuration error: JWT_SECRET must not be a secret published in the Kinship repository/,
    ],
    [
      {
        NODE_ENV: 'production',
        SMTP_URL: 'smtp://127.0.0.1:25',
        JWT_SECRET: randomBytes(24).toString('hex'),
        ADMIN_EMAIL: 'admin@example.org',
        ADMIN_PASSWORD: DEMO_PASSWORD,
      },
      /^kinship: configuration error: ADMIN_PASSWORD must not be the demo password in production/,
    ],
    [
      { TRUST_PROXY: '10.0.0.300' },
      /^kinship: configuration error: TRUST_PROXY must be false, a hop count, or addresses/,
    ],
    [{ RATE_LIMIT_DISABLED: 'yes' }, /^kinship: configuration error: RATE_LIMIT_DISABLED must be true or false/],
  ])(
    'should refuse to start with %j, naming it in one line',
    async (env, message) => {
      for (const script of ['main.js', 'worker.js'] as const) {
        const p = startProcess(script, env as Record<string, string>);
        expect(await exitOf(p.child)).toBe(78);
        const lines = p.err().trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(message);
      }
    },
    30_000,
  );

  it('should refuse to seed demo accounts in production', async () => {
    const child = spawn(process.execPath, [join(BUILD_DIR, 'src', 'seed', 'seed.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: TEST_DATABASE_URL,
        SMTP_URL: 'smtp://127.0.0.1:25',
        JWT_SECRET: randomBytes(24).toString('hex'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    expect(await exitOf(child)).toBe(1);
    expect(err).toMatch(/^kinship seed: refusing to add demo accounts with a published password in production/);
  }, 30_000);
});
