import { ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (this file runs from dist/bench/lib). */
export const ROOT = join(__dirname, '..', '..', '..');
/** The compiled bench scripts, beside this folder. */
export const BENCH_DIST = join(__dirname, '..');

export interface Proc {
  name: string;
  child: ChildProcess;
  /** The last lines it printed (warnings and errors only, at LOG_LEVEL=warn). */
  tail: () => string;
}

/** Starts the built api or worker (`node dist/src/<script>`) with the given environment. */
export function startNode(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Proc {
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  };
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'src', script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { name, child, tail: () => tail };
}

/** Stops a process with SIGTERM (its graceful shutdown), then SIGKILL after `graceMs`. */
export async function stop(p: Proc | ChildProcess | undefined, graceMs = 20_000): Promise<void> {
  const child = p && 'child' in p ? p.child : p;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs a compiled bench script in a child process (its own event loop and CPU share, like a
 * separate load machine would be) and answers the one message it sends back.
 */
export async function runChild<T>(
  script: string,
  input: unknown,
  timeoutMs: number,
  nodeArgs: string[] = [],
): Promise<T> {
  const child = fork(join(BENCH_DIST, script), [JSON.stringify(input)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: nodeArgs,
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const result = await new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before answering`)));
      child.once('error', reject);
    });
    if (child.exitCode === null) await once(child, 'exit');
    return result;
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Resident memory of a process now (VmRSS) and at its peak (VmHWM), in MB. */
export function memoryOf(pid: number | undefined): { rssMb: number; hwmMb: number } {
  if (!pid) return { rssMb: NaN, hwmMb: NaN };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

/** CPU seconds a process has used (user + system). */
export function cpuSecondsOf(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The whole machine's busy and total CPU time (all cores), from /proc/stat, in seconds. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((s, x) => s + x, 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** Samples `probe` every `everyMs` until stopped; answers the samples. */
export function sampler<T>(everyMs: number, probe: () => T | Promise<T>): { stop: () => Promise<T[]> } {
  const samples: T[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push(await probe());
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function waitUntil(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    await sleep(50);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
