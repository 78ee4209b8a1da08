import { createServer } from 'node:net';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { TEST_DATABASE_URL } from './test-env';

/** The real processes, built to JS (by the e2e global setup) as `npm run start:api`/`start:worker` run them. */
export const ROOT = join(__dirname, '..', '..');
export const BUILD_DIR = join(ROOT, '.kinship', 'test-build');

export function buildForTests(): void {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  // tsc copies no assets; `nest build` copies the templates the same way (nest-cli.json).
  cpSync(join(ROOT, 'src', 'mail', 'templates'), join(BUILD_DIR, 'src', 'mail', 'templates'), { recursive: true });
}

export interface Started {
  child: ChildProcess;
  out: () => string;
  err: () => string;
}

export function startProcess(script: 'main.js' | 'worker.js', env: Record<string, string>): Started {
  let out = '';
  let err = '';
  const child = spawn(process.execPath, [join(BUILD_DIR, 'src', script)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL ?? '',
      JWT_SECRET: process.env.JWT_SECRET ?? '',
      PUBLIC_URL: process.env.PUBLIC_URL ?? '',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return { child, out: () => out, err: () => err };
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code as number | null;
}

/**
 * A port free for a child process to listen on, below Linux's ephemeral range (32768–60999) so
 * that no outgoing connection can take it between this check and the child's listen.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    const free = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** `count` api processes on ports of their own, once each answers /health/ready. */
export async function startApis(
  count: number,
  env: Record<string, string>,
): Promise<{ apis: Started[]; ports: number[] }> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const apis = ports.map((port) => startProcess('main.js', { PORT: String(port), ...env }));
  for (const port of ports) {
    await waitUntil(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
        } catch {
          return false;
        }
      },
      30_000,
      `api on ${port}`,
    );
  }
  return { apis, ports };
}
