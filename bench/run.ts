/**
 * `npm run bench`: brings up its own database, Redis db, api, worker and SMTP sink, runs the
 * scenarios of docs/performance.md side by side with their baselines, prints a table and writes the
 * raw figures to bench/results/<timestamp>.json. Loopback only; every process it starts is stopped.
 *
 * Knobs (environment): BENCH_ONLY=hot,open,writers,mail,export,growth,web (default all); BENCH_DURATION
 * (seconds per hot-event run, 10); BENCH_CONNECTIONS (64,256); BENCH_HOT_ROUNDS (3); BENCH_OPEN_DURATION
 * (10); BENCH_OPEN_ROUNDS (3); BENCH_WRITER_FAMILIES (2000); BENCH_MAIL_ROUNDS (3); BENCH_LIGHTHOUSE_RUNS
 * (3); BENCH_PORT (3900); BENCH_REDIS_DB (7);
 * BENCH_OPEN_MAX fixes the open loop's 100 % (registrations/s) instead of measuring it, so that
 * runs of two versions load the api alike; BENCH_APP_ENV=NAME=value,… is passed to the api and the
 * worker (a setting's effect measured against its default, e.g. API_BUSY_CPU=0.3);
 * BENCH_CPU_PROF=1 runs the api and the worker under `node --cpu-prof` and summarizes where their
 * time went.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { Redis } from 'ioredis';
import { Client, Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/options';
import { summarizeProfile, ProfileSummary } from './lib/cpuprofile';
import {
  cpuSecondsOf,
  machineCpu,
  memoryOf,
  percentile,
  Proc,
  ROOT,
  runChild,
  sampler,
  sleep,
  startNode,
  stop,
  waitUntil,
} from './lib/procs';
import { CountingSink } from './lib/sink';
import { webSizes } from './lib/web-sizes';
import type { HttpLoadInput, HttpLoadResult } from './load-http';
import type { RawInput, RawResult, RawVariant } from './load-raw';
import type { OpenLoadInput, OpenLoadResult } from './load-open';
import type { WriterMode, WritersInput, WritersResult } from './load-writers';
import { createBareEvent, recreateBareDatabase } from './lib/bare-schema';
import type { MailDirectInput, MailDirectResult } from './mail-direct';

const env = process.env;
/** Stops the bench on a knob it cannot read, rather than run on NaN. */
function refuseKnob(name: string, expected: string): never {
  console.error(`bench: ${name}=${JSON.stringify(env[name])} is not ${expected}`);
  process.exit(2);
}
/** A numeric knob from the environment (`fallback` when unset). */
function knob(name: string, fallback: number, min = 0): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) refuseKnob(name, `a number of at least ${min}`);
  return value;
}
const DB_NAME = env.BENCH_DATABASE ?? 'kinship_bench';
const PG_BASE = env.BENCH_PG_BASE ?? 'postgres://kinship:kinship@127.0.0.1:5432';
const DATABASE_URL = `${PG_BASE}/${DB_NAME}`;
/** The raw-SQL baselines' database: a bare schema of their own (lib/bare-schema.ts). */
const BARE_DB_NAME = `${DB_NAME}_bare`;
const BARE_DATABASE_URL = `${PG_BASE}/${BARE_DB_NAME}`;
const REDIS_DB = knob('BENCH_REDIS_DB', 7);
const REDIS_URL = `redis://127.0.0.1:6379/${REDIS_DB}`;
const PORT = knob('BENCH_PORT', 3900, 1);
const BASE = `http://127.0.0.1:${PORT}`;
const API = `${BASE}/api/v1`;
const DURATION = knob('BENCH_DURATION', 10, 1);
const CONNECTIONS = (env.BENCH_CONNECTIONS ?? '64,256').split(',').map((n) => {
  const value = Number(n);
  if (!Number.isInteger(value) || value < 1) refuseKnob('BENCH_CONNECTIONS', 'a list of client counts');
  return value;
});
const ONLY = new Set((env.BENCH_ONLY ?? 'hot,open,writers,mail,export,growth,web').split(','));
const CPU_PROF = env.BENCH_CPU_PROF === '1';
// Made for each run: production refuses any secret written in the repository (src/config).
const JWT_SECRET = randomBytes(32).toString('hex');
const PUBLIC_URL = 'https://kinship.bench.example';
const MAIL_FROM = 'Kinship <no-reply@kinship.bench.example>';
// The worker's defaults (src/config/env.ts); the mail baseline uses the same.
const MAIL_POOL_SIZE = 5;
const MAIL_CONCURRENCY = 16;
const API_POOL = 20; // src/database/options.ts: extra.max
// The api's heap bound, as the image starts it (Dockerfile CMD, docs/operations.md).
const API_NODE_ARGS = ['--max-old-space-size=192'];
// The worker's, likewise (package.json start:worker, docker-compose.yml, docs/operations.md).
const WORKER_NODE_ARGS = ['--max-old-space-size=256'];
// The worker lowers its own priority to this (src/config/env.ts WORKER_NICE default); the mail
// baseline runs at the same.
const WORKER_NICE = 10;
const MAIL_COUNT = 5_000;
/** Mails each sender sends right before each of its clocks starts: both are measured warm. */
const MAIL_WARM_UP = 500;
/** Rounds of each hot-event concurrency, (b) first and last in turn (BENCH_HOT_ROUNDS). */
const HOT_ROUNDS = knob('BENCH_HOT_ROUNDS', 3, 1);
/** Rounds of the mail scenario, pipeline and baseline in turn (BENCH_MAIL_ROUNDS). */
const MAIL_ROUNDS = knob('BENCH_MAIL_ROUNDS', 3, 1);
const EXPORT_ATTENDEES = 100_000;
const OPEN_SHARES = [0.25, 0.5, 0.75];
const OPEN_DURATION = knob('BENCH_OPEN_DURATION', 10, 1);
const OPEN_ROUNDS = knob('BENCH_OPEN_ROUNDS', 3, 1);
const OPEN_MAX = env.BENCH_OPEN_MAX?.trim() ? knob('BENCH_OPEN_MAX', 0, 1) : undefined;
/** Settings given to the api and the worker beyond appEnv's (BENCH_APP_ENV). */
const APP_ENV: Record<string, string> = Object.fromEntries(
  (env.BENCH_APP_ENV ?? '')
    .split(',')
    .filter((kv) => kv.includes('='))
    .map((kv) => [kv.slice(0, kv.indexOf('=')).trim(), kv.slice(kv.indexOf('=') + 1).trim()]),
);
const WRITER_FAMILIES = knob('BENCH_WRITER_FAMILIES', 2_000, 1);
const WRITER_CONNECTIONS = 16;
const LIGHTHOUSE_VERSION = '12.2.3';
const LIGHTHOUSE_RUNS = knob('BENCH_LIGHTHOUSE_RUNS', 3, 1);
const WRITER_DEVICES = 4;
const WRITER_BATCH = 50;
const STAMP = new Date().toISOString().replace(/[:.]/g, '-');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
/** Where `node --cpu-prof` writes the api's profile (BENCH_CPU_PROF); the worker's and the mail baseline's beside it. */
const PROF_DIR = join(RESULTS_DIR, `cpu-${STAMP}`);

const results: Record<string, unknown> = {};
/** The bare schema's database (the raw-SQL baselines), opened in main. */
let bareDb: Pool;
const table: string[][] = [];
const started = Date.now();

function log(msg: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${s}s] ${msg}`);
}

function row(scenario: string, figure: string, baseline: string, ratio: string, target: string, met: string): void {
  table.push([scenario, figure, baseline, ratio, target, met]);
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const yes = (b: boolean) => (b ? 'yes' : 'NO');

// ---------------------------------------------------------------------------------------------
// Setup

async function recreateDatabase(): Promise<void> {
  const admin = new Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const ds = new DataSource({ ...dataSourceOptions(DATABASE_URL), logging: false });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}

async function flushRedis(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  await redis.flushdb();
  redis.disconnect();
}

function appEnv(smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATABASE_URL,
    REDIS_URL,
    SMTP_URL: smtpUrl,
    MAIL_FROM,
    PUBLIC_URL,
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_DISABLED: 'true',
    MAIL_POOL_SIZE: String(MAIL_POOL_SIZE),
    MAIL_CONCURRENCY: String(MAIL_CONCURRENCY),
    ...APP_ENV,
  };
}

async function http(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: any; ms: number }> {
  const t = performance.now();
  const res = await fetch(path.startsWith('http') ? path : `${API}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const ms = performance.now() - t;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, ms };
}

async function organizerToken(db: Pool): Promise<string> {
  const account = { email: 'organizer@bench.example', password: 'bench-organizer-pw', name: 'Bench Organizer' };
  const signup = await http('POST', '/auth/signup', { ...account, locale: 'en' });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  await db.query(`UPDATE users SET roles = '{family,organizer}' WHERE email = $1`, [account.email]);
  const login = await http('POST', '/auth/login', { email: account.email, password: account.password });
  if (login.status !== 200 && login.status !== 201) throw new Error(`login failed: ${login.status}`);
  return login.body.accessToken as string;
}

let eventSeq = 0;
async function createEvent(token: string, capacity: number, title: string): Promise<string> {
  eventSeq += 1;
  const starts = new Date(Date.now() + 30 * 86_400_000);
  starts.setUTCMinutes(0, 0, 0);
  const draft = await http(
    'POST',
    '/events',
    {
      title: `${title} ${eventSeq}`,
      summary: 'Games, food and music for the whole family',
      kind: 'celebration',
      format: 'hybrid',
      venue: 'Community Hall, 1 Main Street',
      onlineUrl: 'https://meet.example.org/family-day',
      timezone: 'Asia/Shanghai',
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 4 * 3_600_000).toISOString(),
      capacity,
      waitlistEnabled: true,
      maxPartySize: 6,
    },
    token,
  );
  if (draft.status !== 201) throw new Error(`event create failed: ${draft.status} ${JSON.stringify(draft.body)}`);
  const pub = await http('POST', `/events/${draft.body.id}/publish`, undefined, token);
  if (pub.status !== 200) throw new Error(`event publish failed: ${pub.status} ${JSON.stringify(pub.body)}`);
  return draft.body.id as string;
}

/**
 * `count` registrations straight into the tables (not through the api): each confirmed unless
 * `cancelledEvery` says otherwise, families of `1 + i % maxParty`, with their attendees; the
 * event's counters follow.
 */
async function bulkRegistrations(
  db: Pool,
  eventId: string,
  count: number,
  opts: { maxParty: number; cancelledPerTen: number; tag: string },
): Promise<void> {
  await db.query(
    `INSERT INTO registrations (event_id, code, status, party_size, contact_name, contact_email, consents, locale,
       confirmed_at, cancelled_at, created_at)
     SELECT $1, $2 || i::text, CASE WHEN i % 10 < $4 THEN 'cancelled' ELSE 'confirmed' END, 1 + i % $3,
            'Bulk Family ' || i, 'b' || i || '.' || $2 || '@bulk.example', '{"dataProcessing":true,"photos":false}',
            CASE WHEN i % 2 = 0 THEN 'en' ELSE 'zh-CN' END, now(),
            CASE WHEN i % 10 < $4 THEN now() END, now() - make_interval(secs => $5 - i)
     FROM generate_series(1, $5) AS i`,
    [eventId, opts.tag, opts.maxParty, opts.cancelledPerTen, count],
  );
  await db.query(
    `INSERT INTO registration_attendees (registration_id, event_id, position, name, category, birth_date)
     SELECT r.id, r.event_id, p, CASE WHEN p = 0 THEN r.contact_name ELSE 'Child ' || p || ' of ' || r.code END,
            CASE WHEN p = 0 THEN 'adult' ELSE 'child' END, CASE WHEN p = 0 THEN NULL ELSE date '2016-05-01' END
     FROM registrations r, generate_series(0, r.party_size - 1) AS p
     WHERE r.event_id = $1`,
    [eventId],
  );
  await db.query(
    `UPDATE events SET seats_taken = (SELECT coalesce(sum(party_size), 0) FROM registrations
       WHERE event_id = $1 AND status = 'confirmed') WHERE id = $1`,
    [eventId],
  );
}

/** Mail still to go (due now) or being sent: other scenarios wait for none, or skip it. */
async function skipMailBacklog(db: Pool): Promise<number> {
  // Rows locked in id order, as the worker's claims and marks lock them (an unordered UPDATE can
  // deadlock with them), skipping the few the worker holds right now: they are sent, and the loop
  // takes whatever is still pending after them.
  let skipped = 0;
  for (;;) {
    const r = await db.query(
      `WITH s AS (
         SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY id FOR UPDATE SKIP LOCKED)
       UPDATE notifications n SET status = 'skipped', last_error = 'bench: backlog skipped between scenarios'
       FROM s WHERE n.id = s.id`,
    );
    skipped += r.rowCount ?? 0;
    const left = await db.query(
      `SELECT 1 FROM notifications WHERE status = 'pending' AND next_attempt_at <= now() LIMIT 1`,
    );
    if (!left.rowCount) break;
    await sleep(50);
  }
  await waitUntil(
    async () => (await db.query(`SELECT 1 FROM notifications WHERE status = 'sending' LIMIT 1`)).rowCount === 0,
    60_000,
    'the worker to finish the mails it holds',
  );
  return skipped;
}

// ---------------------------------------------------------------------------------------------
// Probes

interface Activity {
  /** Average number of the app's sessions in each state (state, or what an active one waits on). */
  [app: string]: Record<string, number>;
}

/** Samples pg_stat_activity: where each app's database sessions spend their time. */
function activitySampler(db: Pool, dbName = DB_NAME): { stop: () => Promise<Activity> } {
  const s = sampler(50, async () => {
    const { rows } = await db.query<{ app: string; what: string; n: number }>(
      `SELECT application_name AS app,
              CASE WHEN state = 'active' THEN 'active: ' || coalesce(wait_event_type || ':' || wait_event, 'running')
                   ELSE state END AS what,
              count(*)::int AS n
       FROM pg_stat_activity
       WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()
       GROUP BY 1, 2`,
      [dbName],
    );
    return rows;
  });
  return {
    stop: async () => {
      const samples = await s.stop();
      const out: Activity = {};
      for (const rows of samples)
        for (const r of rows) {
          out[r.app] ??= {};
          out[r.app][r.what] = (out[r.app][r.what] ?? 0) + r.n / samples.length;
        }
      for (const app of Object.keys(out))
        for (const k of Object.keys(out[app])) out[app][k] = Math.round(out[app][k] * 100) / 100;
      return out;
    },
  };
}

interface Usage {
  machineBusyPct: number;
  apiCpuPct: number;
  workerCpuPct: number;
  apiPeakRssMb: number;
  workerPeakRssMb: number;
}

/** CPU use over a window (percent of one core per process; the machine's busy share) and peak RSS. */
function usageMeter(api: Proc, worker: Proc): { stop: () => Promise<Usage> } {
  const m0 = machineCpu();
  const t0 = performance.now();
  const a0 = cpuSecondsOf(api.child.pid);
  const w0 = cpuSecondsOf(worker.child.pid);
  const rss = sampler(100, () => ({ api: memoryOf(api.child.pid).rssMb, worker: memoryOf(worker.child.pid).rssMb }));
  return {
    stop: async () => {
      const samples = await rss.stop();
      const wall = (performance.now() - t0) / 1000;
      const m1 = machineCpu();
      return {
        machineBusyPct: (100 * (m1.busy - m0.busy)) / (m1.total - m0.total),
        apiCpuPct: (100 * (cpuSecondsOf(api.child.pid) - a0)) / wall,
        workerCpuPct: (100 * (cpuSecondsOf(worker.child.pid) - w0)) / wall,
        apiPeakRssMb: Math.max(...samples.map((x) => x.api)),
        workerPeakRssMb: Math.max(...samples.map((x) => x.worker)),
      };
    },
  };
}

interface Oversell {
  capacity: number;
  seatsTaken: number;
  confirmedPersons: number;
  confirmed: number;
  waitlisted: number;
  oversoldCounter: number;
  oversoldPersons: number;
  /** Waitlisted families that would fit in the free seats (first fit says none). */
  waitlistedThatFit: number;
}

async function oversellOf(db: Pool, eventId: string): Promise<Oversell> {
  const { rows } = await db.query(
    `SELECT e.capacity, e.seats_taken,
            coalesce(sum(r.party_size) FILTER (WHERE r.status = 'confirmed'), 0)::int AS persons,
            count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
            count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
            count(*) FILTER (WHERE r.status = 'waitlisted' AND r.party_size <= e.capacity - e.seats_taken)::int AS fit
     FROM events e LEFT JOIN registrations r ON r.event_id = e.id
     WHERE e.id = $1 GROUP BY e.id`,
    [eventId],
  );
  const r = rows[0];
  return {
    capacity: r.capacity,
    seatsTaken: r.seats_taken,
    confirmedPersons: r.persons,
    confirmed: r.confirmed,
    waitlisted: r.waitlisted,
    oversoldCounter: Math.max(0, r.seats_taken - r.capacity),
    oversoldPersons: Math.max(0, r.persons - r.capacity),
    waitlistedThatFit: r.fit,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** One round of a hot-event concurrency: (b), (a) and the full stack, with their checks. */
interface HotRound {
  connections: number;
  round: number;
  order: 'live first' | 'live last';
  full: HttpLoadResult;
  fullUsage: Usage;
  fullDbActivity: Activity;
  fullCheck: Oversell;
  raw: Record<RawVariant, { result: RawResult; dbActivity: Activity; check: Oversell }>;
  live: HttpLoadResult;
  liveUsage: Usage;
  ratios: { fullOverLock: number; fullOverConditional: number; fullOverLive: number };
  mailBacklogSkippedAfter: number;
}

async function hotEvent(db: Pool, token: string, api: Proc, worker: Proc): Promise<void> {
  log('hot event: warm-up (3 s, 16 clients, not counted)');
  const warm = await createEvent(token, 500, 'Warm-up');
  await runChild<HttpLoadResult>(
    'load-http.js',
    { mode: 'register', baseUrl: BASE, eventId: warm, connections: 16, durationSec: 3, tag: 'warm' } as HttpLoadInput,
    60_000,
  );
  await runChild<HttpLoadResult>(
    'load-http.js',
    { mode: 'live', baseUrl: BASE, connections: 16, durationSec: 2, tag: 'warm' } as HttpLoadInput,
    60_000,
  );
  await skipMailBacklog(db);
  const runs: HotRound[] = [];
  for (const c of CONNECTIONS) {
    const rounds: HotRound[] = [];
    for (let k = 1; k <= HOT_ROUNDS; k++) rounds.push(await hotRound(db, token, api, worker, c, k));
    runs.push(...rounds);
    hotRows(c, rounds);
  }
  results.hotEvent = runs;
}

/**
 * (b) `/health/live`, (a) the naive transaction and the full stack at `c` clients, each for
 * DURATION seconds. (b) comes first in odd rounds and last in even ones, so the machine's drift
 * within a round falls on both sides of the ratio.
 */
async function hotRound(db: Pool, token: string, api: Proc, worker: Proc, c: number, k: number): Promise<HotRound> {
  const order = k % 2 === 1 ? 'live first' : 'live last';
  const tag = HOT_ROUNDS > 1 ? `hot event C=${c} round ${k}` : `hot event C=${c}`;
  // (b) the HTTP stack's ceiling.
  const liveRun = async () => {
    log(`${tag}: GET /health/live for ${DURATION} s`);
    const use = usageMeter(api, worker);
    const live = await runChild<HttpLoadResult>(
      'load-http.js',
      { mode: 'live', baseUrl: BASE, connections: c, durationSec: DURATION, tag: `live${c}` } as HttpLoadInput,
      DURATION * 1000 + 60_000,
    );
    return { live, liveUsage: await use.stop() };
  };
  const first = order === 'live first' ? await liveRun() : null;

  // (a) the raw-SQL transactions with plain pg on the bare schema, each on a fresh event of the same size.
  const raw = {} as HotRound['raw'];
  for (const variant of ['lock', 'conditional'] as RawVariant[]) {
    log(`${tag}: raw SQL (${variant}) on the bare schema for ${DURATION} s`);
    const eventId = await createBareEvent(bareDb, 500, `Raw ${variant} hot event`);
    const act = activitySampler(db, BARE_DB_NAME);
    const result = await runChild<RawResult>(
      'load-raw.js',
      {
        variant,
        databaseUrl: BARE_DATABASE_URL,
        eventId,
        connections: c,
        poolSize: API_POOL,
        durationSec: DURATION,
        tag: `c${c}`,
      } as RawInput,
      DURATION * 1000 + 60_000,
    );
    raw[variant] = { result, dbActivity: await act.stop(), check: await oversellOf(bareDb, eventId) };
  }

  // The full stack: HTTP → validation → the event's batch → outbox.
  log(`${tag}: POST /events/:id/registrations for ${DURATION} s`);
  const hot = await createEvent(token, 500, 'Hot event');
  const act = activitySampler(db);
  const use = usageMeter(api, worker);
  const full = await runChild<HttpLoadResult>(
    'load-http.js',
    {
      mode: 'register',
      baseUrl: BASE,
      eventId: hot,
      connections: c,
      durationSec: DURATION,
      tag: `c${c}`,
    } as HttpLoadInput,
    DURATION * 1000 + 60_000,
  );
  const fullUsage = await use.stop();
  const fullDbActivity = await act.stop();
  const fullCheck = await oversellOf(db, hot);
  const mailBacklogSkippedAfter = await skipMailBacklog(db);

  const { live, liveUsage } = first ?? (await liveRun());
  const ratios = {
    fullOverLock: full.okPerSec / raw.lock.result.okPerSec,
    fullOverConditional: full.okPerSec / raw.conditional.result.okPerSec,
    fullOverLive: full.okPerSec / live.okPerSec,
  };
  log(
    `${tag}: ${f0(full.okPerSec)} reg/s, ÷lock ${f2(ratios.fullOverLock)}, ÷conditional ${f2(ratios.fullOverConditional)}, ÷live ${f2(ratios.fullOverLive)}`,
  );
  return {
    connections: c,
    round: k,
    order,
    full,
    fullUsage,
    fullDbActivity,
    fullCheck,
    raw,
    live,
    liveUsage,
    ratios,
    mailBacklogSkippedAfter,
  };
}

/** The table's rows for one concurrency: medians of the rounds, with the lowest and highest. */
function hotRows(c: number, rounds: HotRound[]): void {
  const m = (f: (r: HotRound) => number) => median(rounds.map(f));
  const spread = (f: (r: HotRound) => number) =>
    rounds.length > 1 ? ` (${f2(Math.min(...rounds.map(f)))}–${f2(Math.max(...rounds.map(f)))})` : '';
  const sum = (f: (r: HotRound) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const oversold = sum((r) => r.fullCheck.oversoldCounter + r.fullCheck.oversoldPersons);
  const rawOversold = sum((r) =>
    Object.values(r.raw).reduce((n, x) => n + x.check.oversoldCounter + x.check.oversoldPersons, 0),
  );
  const of = rounds.length > 1 ? `median of ${rounds.length} rounds: ` : '';
  const ratio = (name: string, f: (r: HotRound) => number, baseline: string, target: string, met: boolean) =>
    row('', '', baseline, `÷${name} ${f2(m(f))}${spread(f)}`, target, yes(met));
  row(
    `hot C=${c}`,
    `${of}${f0(m((r) => r.full.okPerSec))} reg/s (201 only), p50 ${f0(m((r) => r.full.latencyMs.p50))} ms, p99 ${f0(m((r) => r.full.latencyMs.p99))} ms; non-201 ${sum((r) => r.full.non2xx)}, errors ${sum((r) => r.full.errors)}`,
    '',
    '',
    '',
    '',
  );
  const lock = (r: HotRound) => r.ratios.fullOverLock;
  const conditional = (r: HotRound) => r.ratios.fullOverConditional;
  const live = (r: HotRound) => r.ratios.fullOverLive;
  ratio(
    'lock',
    lock,
    `raw SQL, a lock per order, bare schema: ${f0(m((r) => r.raw.lock.result.okPerSec))}/s (p99 ${f0(m((r) => r.raw.lock.result.latencyMs.p99))} ms)`,
    '≥ 1.0 (aim 3.0)',
    m(lock) >= 1,
  );
  ratio(
    'conditional',
    conditional,
    `raw SQL, one conditional UPDATE, bare schema: ${f0(m((r) => r.raw.conditional.result.okPerSec))}/s (p99 ${f0(m((r) => r.raw.conditional.result.latencyMs.p99))} ms)`,
    '≥ 1.0',
    m(conditional) >= 1,
  );
  ratio('live', live, `/health/live ${f0(m((r) => r.live.okPerSec))}/s`, '≥ 0.5', m(live) >= 0.5);
  const last = rounds[rounds.length - 1].fullCheck;
  row(
    '',
    `oversold ${oversold} (last round: seats ${last.seatsTaken}/${last.capacity}, confirmed persons ${last.confirmedPersons}); raw SQL oversold ${rawOversold}`,
    '',
    '',
    'must be 0',
    yes(oversold === 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Open loop: latency as families feel it

interface OpenRound {
  share: number;
  ratePerSec: number;
  round: number;
  order: 'live first' | 'live last';
  register: OpenLoadResult;
  registerUsage: Usage;
  live: OpenLoadResult;
}

/**
 * Registrations arrive at a fixed rate (25, 50 and 75 % of the measured maximum), whatever the
 * answers do, for OPEN_DURATION seconds each, on a fresh 500-seat event; `/health/live` at the
 * same rates beside them. OPEN_ROUNDS rounds, `/health/live` first in odd rounds.
 */
async function openLoop(db: Pool, token: string, api: Proc, worker: Proc): Promise<void> {
  const hot = (results.hotEvent ?? []) as HotRound[];
  const at64 = hot.filter((r) => r.connections === 64).map((r) => r.full.okPerSec);
  let max = OPEN_MAX ?? median(at64);
  if (OPEN_MAX === undefined && !at64.length) {
    log(`open loop: the maximum first (closed loop, 64 clients, ${DURATION} s)`);
    const eventId = await createEvent(token, 500, 'Open-loop maximum');
    const closed = await runChild<HttpLoadResult>(
      'load-http.js',
      {
        mode: 'register',
        baseUrl: BASE,
        eventId,
        connections: 64,
        durationSec: DURATION,
        tag: 'omax',
      } as HttpLoadInput,
      DURATION * 1000 + 60_000,
    );
    max = closed.okPerSec;
    await skipMailBacklog(db);
  }
  const runs: OpenRound[] = [];
  for (const share of OPEN_SHARES) {
    const ratePerSec = Math.max(1, Math.round(max * share));
    const rounds: OpenRound[] = [];
    for (let k = 1; k <= OPEN_ROUNDS; k++) {
      const tag = `open loop ${Math.round(share * 100)} % (${ratePerSec}/s)${OPEN_ROUNDS > 1 ? ` round ${k}` : ''}`;
      const liveRun = () => {
        log(`${tag}: GET /health/live`);
        return runChild<OpenLoadResult>(
          'load-open.js',
          { mode: 'live', baseUrl: BASE, ratePerSec, durationSec: OPEN_DURATION, tag: 'olive' } as OpenLoadInput,
          OPEN_DURATION * 1000 + 90_000,
        );
      };
      const liveFirst = k % 2 === 1 ? await liveRun() : null;
      log(`${tag}: POST /events/:id/registrations`);
      const eventId = await createEvent(token, 500, 'Open-loop event');
      const use = usageMeter(api, worker);
      const register = await runChild<OpenLoadResult>(
        'load-open.js',
        {
          mode: 'register',
          baseUrl: BASE,
          eventId,
          ratePerSec,
          durationSec: OPEN_DURATION,
          tag: `o${Math.round(share * 100)}r${k}`,
        } as OpenLoadInput,
        OPEN_DURATION * 1000 + 90_000,
      );
      const registerUsage = await use.stop();
      await skipMailBacklog(db);
      const live = liveFirst ?? (await liveRun());
      log(
        `${tag}: registrations p50 ${f0(register.latencyMs.p50)} ms, p99 ${f0(register.latencyMs.p99)} ms (${register.ok} of ${register.sent} 201${register.errors ? `; failed without an answer: ${JSON.stringify(register.errorMessages)}` : ''}); /health/live p99 ${f0(live.latencyMs.p99)} ms`,
      );
      rounds.push({
        share,
        ratePerSec,
        round: k,
        order: liveFirst ? 'live first' : 'live last',
        register,
        registerUsage,
        live,
      });
    }
    runs.push(...rounds);
    const m = (f: (r: OpenRound) => number) => median(rounds.map(f));
    const p99 = m((r) => r.register.latencyMs.p99);
    const range = (f: (r: OpenRound) => number) =>
      rounds.length > 1 ? ` (${f0(Math.min(...rounds.map(f)))}–${f0(Math.max(...rounds.map(f)))})` : '';
    const notOk = rounds.reduce((n, r) => n + r.register.sent - r.register.ok, 0);
    row(
      share === OPEN_SHARES[0] ? 'open loop' : '',
      `${Math.round(share * 100)} % of ${f0(max)}/s = ${ratePerSec} reg/s: p50 ${f0(m((r) => r.register.latencyMs.p50))} ms, p99 ${f0(p99)} ms${range((r) => r.register.latencyMs.p99)}; not 201: ${notOk}`,
      `/health/live at ${ratePerSec}/s: p99 ${f0(m((r) => r.live.latencyMs.p99))} ms`,
      '',
      share === 0.5 ? 'p99 ≤ 100 ms' : '(information)',
      share === 0.5 ? yes(p99 <= 100 && notOk === 0) : '',
    );
  }
  results.openLoop = { maxPerSec: max, runs };
}

// ---------------------------------------------------------------------------------------------
// Single-family writers: what the counts triggers cost them

/** The statement triggers that keep event_counts, and the one that stamps registrations.updated_at. */
const COUNT_TRIGGERS: [string, string][] = [
  ['registrations', 'registrations_count_insert'],
  ['registrations', 'registrations_count_update'],
  ['registrations', 'registrations_count_delete'],
  ['registration_attendees', 'registration_attendees_count_insert'],
  ['registration_attendees', 'registration_attendees_count_update'],
  ['registration_attendees', 'registration_attendees_count_delete'],
];
const TOUCH_TRIGGER: [string, string] = ['registrations', 'registrations_touch'];

type TriggerSetting = 'as is' | 'without the counts triggers' | 'without the counts and touch triggers';

interface WritersRun {
  setting: TriggerSetting;
  pass: number;
  result: WritersResult;
  /** With the counts triggers on: event_counts against a count from the tables (must match). */
  countsExact: boolean | null;
}

async function setTriggers(db: Pool, setting: TriggerSetting): Promise<void> {
  const off = new Set<string>();
  if (setting !== 'as is') COUNT_TRIGGERS.forEach(([, t]) => off.add(t));
  if (setting === 'without the counts and touch triggers') off.add(TOUCH_TRIGGER[1]);
  for (const [table, t] of [...COUNT_TRIGGERS, TOUCH_TRIGGER])
    await db.query(`ALTER TABLE ${table} ${off.has(t) ? 'DISABLE' : 'ENABLE'} TRIGGER ${t}`);
}

/** Whether the event's counters equal what the tables say. */
async function countsExact(db: Pool, eventId: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT (c.confirmed, c.waitlisted, c.cancelled, c.adults, c.children, c.checked_in) =
            ((SELECT count(*) FILTER (WHERE status = 'confirmed') FROM registrations WHERE event_id = $1),
             (SELECT count(*) FILTER (WHERE status = 'waitlisted') FROM registrations WHERE event_id = $1),
             (SELECT count(*) FILTER (WHERE status = 'cancelled') FROM registrations WHERE event_id = $1),
             (SELECT count(*) FILTER (WHERE a.category = 'adult') FROM registration_attendees a
                JOIN registrations r ON r.id = a.registration_id WHERE a.event_id = $1 AND r.status = 'confirmed'),
             (SELECT count(*) FILTER (WHERE a.category = 'child') FROM registration_attendees a
                JOIN registrations r ON r.id = a.registration_id WHERE a.event_id = $1 AND r.status = 'confirmed'),
             (SELECT count(*) FILTER (WHERE a.checked_in_at IS NOT NULL) FROM registration_attendees a
                JOIN registrations r ON r.id = a.registration_id WHERE a.event_id = $1 AND r.status = 'confirmed'))
            AS exact
     FROM (SELECT sum(confirmed) AS confirmed, sum(waitlisted) AS waitlisted, sum(cancelled) AS cancelled,
                  sum(adults) AS adults, sum(children) AS children, sum(checked_in) AS checked_in
           FROM event_counts WHERE event_id = $1) c`,
    [eventId],
  );
  return rows[0]?.exact === true;
}

/**
 * Check-ins (one a request, and in batches as door devices send them) and cancellations of
 * WRITER_FAMILIES confirmed families of one event, WRITER_CONNECTIONS clients at once, with
 * Kinship's triggers as they are, without the counts triggers, without those and the touch
 * trigger, and as they are again (so the machine's drift falls on both sides); the ratio is the
 * mean of the two passes as they are over the pass without the counts triggers.
 */
async function writers(db: Pool, token: string): Promise<void> {
  const settings: TriggerSetting[] = [
    'as is',
    'without the counts triggers',
    'without the counts and touch triggers',
    'as is',
  ];
  const runs: WritersRun[] = [];
  let pass = 0;
  try {
    for (const setting of settings) {
      pass += 1;
      await setTriggers(db, setting);
      for (const mode of ['check-in', 'batch', 'cancel'] as WriterMode[]) {
        const eventId = await createEvent(token, WRITER_FAMILIES * 4, `Writers ${mode}`);
        const tag = `W${pass}${mode[0].toUpperCase()}`;
        await bulkRegistrations(db, eventId, WRITER_FAMILIES, { maxParty: 4, cancelledPerTen: 0, tag });
        await db.query(`SELECT event_counts_recount(ARRAY[$1::uuid])`, [eventId]);
        await db.query('VACUUM ANALYZE registrations, registration_attendees');
        const { rows } = await db.query<{ id: string; code: string }>(
          `SELECT id, code FROM registrations WHERE event_id = $1 ORDER BY random()`,
          [eventId],
        );
        log(
          `writers (${setting}): ${mode}, ${rows.length} families, ${mode === 'batch' ? `${WRITER_DEVICES} devices` : `${WRITER_CONNECTIONS} clients`}`,
        );
        const result = await runChild<WritersResult>(
          'load-writers.js',
          {
            mode,
            baseUrl: BASE,
            token,
            eventId,
            jobs: rows.map((r) => (mode === 'cancel' ? r.id : r.code)),
            connections: mode === 'batch' ? WRITER_DEVICES : WRITER_CONNECTIONS,
            batchSize: WRITER_BATCH,
          } as WritersInput,
          300_000,
        );
        await skipMailBacklog(db);
        runs.push({ setting, pass, result, countsExact: setting === 'as is' ? await countsExact(db, eventId) : null });
      }
    }
  } finally {
    await setTriggers(db, 'as is');
    // Counters of the events written without their triggers, made right again.
    await db.query(`SELECT event_counts_recount(array_agg(id)) FROM events`);
  }
  results.writers = runs;
  for (const mode of ['check-in', 'batch', 'cancel'] as WriterMode[]) {
    const of = (setting: TriggerSetting) => runs.filter((r) => r.setting === setting && r.result.mode === mode);
    const asIs = of('as is');
    const rate = (rs: WritersRun[]) => rs.reduce((n, r) => n + r.result.familiesPerSec, 0) / rs.length;
    const noCounts = rate(of('without the counts triggers'));
    const noTriggers = rate(of('without the counts and touch triggers'));
    const bad = asIs.reduce((n, r) => n + r.result.requests - (r.result.statusCounts['200'] ?? 0), 0);
    const what =
      mode === 'batch'
        ? `check-ins in batches of ${WRITER_BATCH}, ${WRITER_DEVICES} devices`
        : mode === 'check-in'
          ? `check-ins one a request, ${WRITER_CONNECTIONS} clients`
          : `cancellations, ${WRITER_CONNECTIONS} clients`;
    row(
      mode === 'check-in' ? 'writers, one event' : '',
      `${what}: ${asIs.map((r) => f0(r.result.familiesPerSec)).join(', ')} families/s (p99 ${asIs.map((r) => f0(r.result.latencyMs.p99)).join(', ')} ms); not 200: ${bad}; counts exact: ${yes(asIs.every((r) => r.countsExact))}`,
      `without the counts triggers ${f0(noCounts)}/s; without them and the touch trigger ${f0(noTriggers)}/s`,
      `${f2(rate(asIs) / noCounts)}`,
      '(information)',
      '',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The web app: what a phone downloads, and how fast a page shows

interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  bytes: number;
}

/** One Lighthouse run in its default mobile mode (a slow phone on slow 4G, simulated) on Debian's Chromium. */
function lighthouse(url: string): LighthouseRun {
  const out = execFileSync(
    'npx',
    [
      '--yes',
      `lighthouse@${LIGHTHOUSE_VERSION}`,
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox',
      '--only-categories=performance,accessibility,best-practices',
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      maxBuffer: 256 << 20,
      timeout: 180_000,
    },
  ).toString();
  const r = JSON.parse(out) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue: number }>;
  };
  return {
    performance: r.categories.performance.score,
    accessibility: r.categories.accessibility.score,
    bestPractices: r.categories['best-practices'].score,
    lcpMs: r.audits['largest-contentful-paint'].numericValue,
    tbtMs: r.audits['total-blocking-time'].numericValue,
    cls: r.audits['cumulative-layout-shift'].numericValue,
    fcpMs: r.audits['first-contentful-paint'].numericValue,
    bytes: r.audits['total-byte-weight'].numericValue,
  };
}

/**
 * Lighthouse now and then fails to record a page load's trace (its NO_NAVSTART runtime error, which
 * says to run it again): a failed run is run again, up to three tries, and the failures are logged.
 */
function lighthouseAgain(url: string): LighthouseRun {
  for (let tries = 1; ; tries++) {
    try {
      return lighthouse(url);
    } catch (err) {
      if (tries >= 3) throw err;
      log(`web: Lighthouse failed (${(err as Error).message.split('\n')[0].slice(0, 120)}), running it again`);
    }
  }
}

/**
 * The built files' sizes against DESIGN.md's budgets (the same count as web/e2e/budgets.spec.ts),
 * then Lighthouse, LIGHTHOUSE_RUNS times each, on an event's page and its register page served by
 * the bench's api; medians.
 */
async function webScenario(token: string): Promise<void> {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const sizes = webSizes(join(ROOT, 'dist', 'web'));
  results.webSizes = sizes;
  row(
    'web: built sizes (gzip)',
    `a family's first load at most ${kb(sizes.firstLoadJs)} JS (brotli ${kb(sizes.firstLoadJsBrotli)}): entry ${kb(sizes.publicEntry.js)}, language ${kb(sizes.heaviestCatalogue.js)}, page ${kb(sizes.heaviestPage.js)}; CSS ${kb(sizes.publicEntry.css)}`,
    '',
    '',
    '≤ 130 kB JS, ≤ 20 kB CSS',
    yes(sizes.firstLoadJs <= 130 * 1024 && sizes.publicEntry.css <= 20 * 1024),
  );
  const heaviestLazy = Math.max(...sizes.publicPages.map((p) => p.js));
  row('', `heaviest lazily loaded public page ${kb(heaviestLazy)}`, '', '', '≤ 30 kB', yes(heaviestLazy <= 30 * 1024));
  row(
    '',
    `console shell ${kb(sizes.consoleShellJs)}, check-in shell ${kb(sizes.checkinShellJs)}`,
    '',
    '',
    '≤ 250 / 180 kB',
    yes(sizes.consoleShellJs <= 250 * 1024 && sizes.checkinShellJs <= 180 * 1024),
  );
  const eventId = await createEvent(token, 500, 'Family Day');
  const { body: event } = await http('GET', `/events/${eventId}`);
  const pages = [
    ['an event’s page', `${BASE}/events/${event.slug}`],
    ['registering', `${BASE}/events/${event.slug}/register`],
  ];
  const lh: Record<string, LighthouseRun[]> = {};
  try {
    for (const [name, url] of pages) {
      lh[name] = [];
      for (let k = 1; k <= LIGHTHOUSE_RUNS; k++) {
        log(`web: Lighthouse ${LIGHTHOUSE_VERSION}, mobile, ${name}, run ${k}`);
        lh[name].push(lighthouseAgain(url));
      }
      const m = (f: (r: LighthouseRun) => number) => median(lh[name].map(f));
      const perf = lh[name].map((r) => r.performance);
      row(
        name === pages[0][0] ? `web: Lighthouse mobile, median of ${LIGHTHOUSE_RUNS}` : '',
        `${name}: Performance ${f2(m((r) => r.performance))} (${f2(Math.min(...perf))}–${f2(Math.max(...perf))}), LCP ${f1(m((r) => r.lcpMs) / 1000)} s, TBT ${f0(m((r) => r.tbtMs))} ms, CLS ${f2(m((r) => r.cls))}, FCP ${f1(m((r) => r.fcpMs) / 1000)} s, ${f0(m((r) => r.bytes) / 1024)} KiB; Accessibility ${f2(m((r) => r.accessibility))}, Best practices ${f2(m((r) => r.bestPractices))}`,
        '',
        '',
        '(information)',
        '',
      );
    }
  } catch (err) {
    row('web: Lighthouse', `not run: ${(err as Error).message.split('\n')[0]}`, '', '', '', '');
  }
  results.lighthouse = lh;
}

interface MailPipelineRun {
  seconds: number;
  mailsPerSec: number;
  rowsByStatus: { status: string; n: number }[];
  bytesAtSink: number;
  workerCpuSeconds: number;
  workerCpuMsPerMail: number;
}

interface MailDirectRun extends MailDirectResult {
  seconds: number;
  mailsPerSec: number;
  bytesAtSink: number;
  cpuMsPerMail: number;
}

interface MailRound {
  order: 'pipeline first' | 'direct first';
  pipeline: MailPipelineRun;
  direct: MailDirectRun;
  ratio: number;
  cpuRatio: number;
}

/**
 * MAIL_ROUNDS rounds, each on an event of its own: the pipeline and the baseline one after the
 * other, first one then the other in turn (AB BA AB ...), so the machine's drift over a minute
 * falls on both. The figure is the median of the rounds' ratios; each round is in the raw figures.
 */
async function mail(db: Pool, sink: CountingSink, token: string, worker: Proc): Promise<void> {
  const rounds: MailRound[] = [];
  for (let k = 1; k <= MAIL_ROUNDS; k++) {
    await skipMailBacklog(db);
    const eventId = await createEvent(token, 100_000, 'Mail event');
    const warmEvent = await createEvent(token, 100_000, 'Mail warm-up');
    // Registrations and attendees first (not timed); then each half of the round.
    await bulkRegistrations(db, eventId, MAIL_COUNT, { maxParty: 4, cancelledPerTen: 0, tag: `M${k}` });
    await bulkRegistrations(db, warmEvent, MAIL_WARM_UP, { maxParty: 4, cancelledPerTen: 0, tag: `MW${k}` });
    // The first to read fresh rows sets their hint bits and writes their pages again, and the
    // outbox's indexes still hold the rows the bench skipped (a hot run leaves 17,000). Without this
    // the pipeline paid for both in the rounds where it went first (the baseline's data is loaded
    // before its clock starts, and it never reads the outbox), and those rounds came out lowest.
    await db.query('VACUUM (ANALYZE) registrations, registration_attendees, notifications');
    await sleep(1500);
    // Both senders are measured warm: the baseline's child sends MAIL_WARM_UP messages right
    // before its clock starts (mail-direct.ts), and so does the worker, which has otherwise sat
    // idle while the other half ran (its first mails after a pause came out slower).
    const pipelineWarm = async () => {
      await mailPipeline(db, sink, warmEvent, worker, `mail round ${k} warm-up`, MAIL_WARM_UP);
      return mailPipeline(db, sink, eventId, worker, `mail round ${k}`, MAIL_COUNT);
    };
    let pipeline: MailPipelineRun;
    let direct: MailDirectRun;
    const order = k % 2 === 0 ? 'direct first' : 'pipeline first';
    if (order === 'pipeline first') {
      pipeline = await pipelineWarm();
      await sleep(1000);
      direct = await mailDirect(sink, eventId, k);
    } else {
      direct = await mailDirect(sink, eventId, k);
      await sleep(1000);
      pipeline = await pipelineWarm();
    }
    const ratio = pipeline.mailsPerSec / direct.mailsPerSec;
    rounds.push({ order, pipeline, direct, ratio, cpuRatio: direct.cpuMsPerMail / pipeline.workerCpuMsPerMail });
    log(
      `mail round ${k}: pipeline ${f0(pipeline.mailsPerSec)}/s, direct ${f0(direct.mailsPerSec)}/s, ratio ${f2(ratio)}`,
    );
  }
  const ratios = rounds.map((r) => r.ratio);
  const ratio = median(ratios);
  const cpuRatio = median(rounds.map((r) => r.cpuRatio));
  results.mail = {
    count: MAIL_COUNT,
    warmUp: MAIL_WARM_UP,
    rounds,
    ratio,
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    cpuRatio,
    poolSize: MAIL_POOL_SIZE,
    concurrency: MAIL_CONCURRENCY,
  };
  const each = (f: (r: MailRound) => number, format: (n: number) => string) => rounds.map(f).map(format).join(', ');
  row(
    `mail 5,000 ×${rounds.length}`,
    `${each((r) => r.pipeline.mailsPerSec, f0)} mails/s (commit → last accepted)`,
    `direct Nodemailer ${each((r) => r.direct.mailsPerSec, f0)}/s`,
    `${f2(ratio)} (${f2(Math.min(...ratios))}–${f2(Math.max(...ratios))})`,
    '≥ 0.8',
    yes(ratio >= 0.8),
  );
  row(
    '',
    `worker CPU ${each((r) => r.pipeline.workerCpuMsPerMail, f1)} ms/mail`,
    `direct ${each((r) => r.direct.cpuMsPerMail, f1)} ms/mail`,
    f2(cpuRatio),
    '(information)',
    '',
  );
  row('', 'ratios: median of the rounds (lowest–highest)', '', '', '', '');
}

/** The median of a few figures (the mean of the middle two for an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The event's `count` confirmations as outbox rows in one transaction, then outbox → relay →
 * BullMQ → sender → sink.
 */
async function mailPipeline(
  db: Pool,
  sink: CountingSink,
  eventId: string,
  worker: Proc,
  label: string,
  count: number,
): Promise<MailPipelineRun> {
  log(`${label}: ${count} confirmations by SQL, then outbox → relay → BullMQ → sender → sink`);
  sink.reset();
  const c = await db.connect();
  let t0: number;
  try {
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO notifications (kind, recipient_email, recipient_name, locale, payload, dedupe_key)
       SELECT 'registration.confirmed', contact_email, contact_name, locale, jsonb_build_object('registrationId', id),
              'registration:' || id || ':confirmed'
       FROM registrations WHERE event_id = $1 ORDER BY seq`,
      [eventId],
    );
    await c.query(`SELECT pg_notify('kinship_outbox', '')`);
    await c.query('COMMIT');
    t0 = Date.now();
  } finally {
    c.release();
  }
  const workerCpu0 = cpuSecondsOf(worker.child.pid);
  // Generous: on a machine shared with other work, a run can take several times its usual length.
  await waitUntil(() => sink.accepted >= count, 900_000, `${count} mails at the sink`);
  // The worker's CPU per mail, beside the direct sender's: a figure that the machine's other load
  // moves much less than the wall clock (Postgres and Redis are not in it).
  const workerCpuSec = cpuSecondsOf(worker.child.pid) - workerCpu0;
  const seconds = (sink.lastAt - t0) / 1000;
  const { rows } = await db.query<{ status: string; n: number }>(
    // Each registration's row probed by its unique dedupe key: matched on the payload instead, the
    // planner (statistics from before the burst) read the outbox once per registration, for 10 s.
    `SELECT n.status, count(*)::int AS n FROM registrations r
     CROSS JOIN LATERAL (SELECT status FROM notifications
                         WHERE dedupe_key = 'registration:' || r.id || ':confirmed' OFFSET 0) n
     WHERE r.event_id = $1 GROUP BY n.status`,
    [eventId],
  );
  return {
    seconds,
    mailsPerSec: count / seconds,
    rowsByStatus: rows,
    bytesAtSink: sink.bytes,
    workerCpuSeconds: workerCpuSec,
    workerCpuMsPerMail: (1000 * workerCpuSec) / count,
  };
}

/** The baseline: the same messages rendered and sent by Nodemailer's pool straight to the sink. */
async function mailDirect(sink: CountingSink, eventId: string, k: number): Promise<MailDirectRun> {
  log(`mail round ${k} baseline: the same ${MAIL_COUNT} rendered and sent by Nodemailer's pool straight to the sink`);
  sink.reset();
  const direct = await runChild<MailDirectResult>(
    'mail-direct.js',
    {
      databaseUrl: DATABASE_URL,
      eventId,
      smtpUrl: sink.url,
      poolSize: MAIL_POOL_SIZE,
      concurrency: MAIL_CONCURRENCY,
      publicUrl: PUBLIC_URL,
      jwtSecret: JWT_SECRET,
      mailFrom: MAIL_FROM,
      nice: WORKER_NICE,
      warmUp: MAIL_WARM_UP,
    } as MailDirectInput,
    300_000,
    CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF_DIR}-direct-${k}`] : [],
  );
  const seconds = (sink.lastAt - direct.startedAt) / 1000;
  return {
    ...direct,
    seconds,
    mailsPerSec: direct.sent / seconds,
    bytesAtSink: sink.bytes,
    cpuMsPerMail: (1000 * direct.cpuSeconds) / Math.max(1, direct.sent),
  };
}

/** Streams a GET through the api, counting lines, while the api's RSS is polled. */
function streamCount(path: string, token: string): Promise<{ status: number; lines: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${API}${path}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let lines = 0;
      let bytes = 0;
      res.on('data', (d: Buffer) => {
        bytes += d.length;
        for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines += 1;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, lines, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function copyCount(db: Pool, eventId: string): Promise<{ lines: number; bytes: number; seconds: number }> {
  if (!/^[0-9a-f-]{36}$/.test(eventId)) throw new Error('bad event id');
  const c = await db.connect();
  try {
    const t = performance.now();
    // The export's columns and rows in its order (organizer-registrations.repository.ts exportCopySql),
    // as stored: the export formats and guards the same cells on top of this.
    const stream = c.query(
      copyTo(`COPY (
        SELECT r.code, r.status, r.contact_name, r.contact_email, r.contact_phone, a.name, a.category,
               a.birth_date, a.checked_in_at, r.created_at, r.answers
        FROM registrations r JOIN registration_attendees a ON a.registration_id = r.id
        WHERE r.event_id = '${eventId}' AND r.status IN ('confirmed', 'waitlisted')
        ORDER BY r.seq, a.position) TO STDOUT WITH (FORMAT csv, HEADER)`),
    );
    let lines = 0;
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    }
    return { lines, bytes, seconds: (performance.now() - t) / 1000 };
  } finally {
    c.release();
  }
}

async function exportScenario(db: Pool, token: string, api: Proc): Promise<void> {
  log(`export: ${EXPORT_ATTENDEES} attendees by SQL`);
  const eventId = await createEvent(token, 100_000, 'Export event');
  // 40,000 families of 1–4 (2.5 on average) = 100,000 attendees.
  await bulkRegistrations(db, eventId, EXPORT_ATTENDEES / 2.5, { maxParty: 4, cancelledPerTen: 0, tag: 'X' });
  await db.query('ANALYZE registrations');
  await db.query('ANALYZE registration_attendees');
  const warm = await copyCount(db, eventId);
  await sleep(1000);
  const idle = memoryOf(api.child.pid);
  const rss = sampler(20, () => memoryOf(api.child.pid).rssMb);
  const t = performance.now();
  const got = await streamCount(`/events/${eventId}/registrations/export.csv`, token);
  const seconds = (performance.now() - t) / 1000;
  const peak = Math.max(...(await rss.stop()));
  if (got.status !== 200) throw new Error(`export answered ${got.status}`);
  const rows = got.lines - 1;
  const copy = await copyCount(db, eventId);
  const copyRows = copy.lines - 1;
  const rate = rows / seconds;
  const copyRate = copyRows / copy.seconds;
  const above = peak - idle.rssMb;
  results.export = {
    attendees: rows,
    api: { seconds, rowsPerSec: rate, bytes: got.bytes, idleRssMb: idle.rssMb, peakRssMb: peak, rssAboveIdleMb: above },
    copy: {
      rows: copyRows,
      seconds: copy.seconds,
      rowsPerSec: copyRate,
      bytes: copy.bytes,
      warmUpSeconds: warm.seconds,
    },
    ratio: rate / copyRate,
  };
  row(
    'export 100k',
    `${f0(rate)} rows/s (${f2(seconds)} s, ${rows} rows)`,
    `COPY ${f0(copyRate)} rows/s`,
    f2(rate / copyRate),
    '≥ 0.5',
    yes(rate / copyRate >= 0.5),
  );
  row(
    '',
    `api RSS idle ${f0(idle.rssMb)} MB, peak ${f0(peak)} MB`,
    '',
    `+${f0(above)} MB`,
    '≤ +100 MB',
    yes(above <= 100),
  );
}

async function growth(db: Pool, token: string): Promise<void> {
  log('growth: events with 1,000 and 100,000 registrations by SQL');
  const small = await createEvent(token, 100_000, 'Small event');
  const large = await createEvent(token, 100_000, 'Large event');
  // 6 in 10 confirmed families of one, 4 in 10 cancelled: a new family is confirmed on both.
  await bulkRegistrations(db, small, 1_000, { maxParty: 1, cancelledPerTen: 4, tag: 'S' });
  await bulkRegistrations(db, large, 100_000, { maxParty: 1, cancelledPerTen: 4, tag: 'L' });
  await db.query('VACUUM ANALYZE registrations');
  await db.query('VACUUM ANALYZE registration_attendees');
  const timings: Record<string, Record<'small' | 'large', number[]>> = {
    register: { small: [], large: [] },
    list: { small: [], large: [] },
    listLast: { small: [], large: [] },
    stats: { small: [], large: [] },
  };
  const events = { small, large } as const;
  const lastPage = { small: Math.ceil(1_000 / 20), large: Math.ceil(100_000 / 20) };
  // Alternate the two events so drift (caches, the worker's mail) falls on both alike.
  for (let i = 0; i < 150; i++)
    for (const size of ['small', 'large'] as const) {
      const r = await http(
        'POST',
        `/events/${events[size]}/registrations`,
        {
          contact: { name: `Growth ${i}`, email: `g${i}.${size}@growth.example` },
          attendees: [{ name: `Growth ${i}`, category: 'adult' }],
          consents: { dataProcessing: true },
        },
        undefined,
      );
      if (r.status !== 201) throw new Error(`growth registration answered ${r.status} ${JSON.stringify(r.body)}`);
      if (i >= 10) timings.register[size].push(r.ms);
    }
  // The last page (information only) in a loop of its own: its long OFFSET walk on the large
  // event, right before the large event's stats, made them pay for its garbage and caches.
  for (let i = 0; i < 110; i++)
    for (const size of ['small', 'large'] as const) {
      const list = await http('GET', `/events/${events[size]}/registrations?page=1&limit=20`, undefined, token);
      const stats = await http('GET', `/events/${events[size]}/stats`, undefined, token);
      if (list.status !== 200 || stats.status !== 200) throw new Error('growth read failed');
      if (i >= 10) {
        timings.list[size].push(list.ms);
        timings.stats[size].push(stats.ms);
      }
    }
  for (let i = 0; i < 110; i++)
    for (const size of ['small', 'large'] as const) {
      const last = await http(
        'GET',
        `/events/${events[size]}/registrations?page=${lastPage[size]}&limit=20`,
        undefined,
        token,
      );
      if (last.status !== 200) throw new Error('growth read failed');
      if (i >= 10) timings.listLast[size].push(last.ms);
    }
  const out: Record<string, unknown> = {};
  const labels: Record<string, string> = {
    register: 'registration',
    list: 'list, page 1',
    listLast: 'list, last page',
    stats: 'stats',
  };
  for (const [what, t] of Object.entries(timings)) {
    const p50 = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      );
    const s = p50(t.small);
    const l = p50(t.large);
    out[what] = { smallP50Ms: s, largeP50Ms: l, ratio: l / s, samples: t.small.length };
    const target = what === 'listLast' ? '(info)' : '≤ 1.2';
    row(
      what === 'register' ? 'growth 100k÷1k' : '',
      `${labels[what]}: p50 ${f1(l)} ms at 100k`,
      `${f1(s)} ms at 1k`,
      f2(l / s),
      target,
      what === 'listLast' ? '' : yes(l / s <= 1.2),
    );
  }
  results.growth = out;
}

// ---------------------------------------------------------------------------------------------

function printTable(): void {
  const head = ['scenario', 'figure', 'baseline', 'ratio', 'target', 'met'];
  const all = [head, ...table];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const r of table) console.log(line(r));
  console.log('');
}

function machine(): Record<string, unknown> {
  let postgres = '';
  try {
    postgres = execFileSync('psql', ['-X', '-tA', '-c', 'SHOW server_version', `${PG_BASE}/postgres`])
      .toString()
      .trim();
  } catch {
    postgres = 'unknown';
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    postgres,
  };
}

function printProfile(name: string, dir: string): ProfileSummary | null {
  let summary: ProfileSummary | null = null;
  try {
    summary = summarizeProfile(dir);
  } catch (err) {
    console.error(`no ${name} CPU profile: ${(err as Error).message}`);
  }
  if (summary) {
    console.log(`\n${name} CPU profile (${summary.file}), self time by place:`);
    for (const p of summary.byPlace) console.log(`  ${String(p.pct).padStart(5)}%  ${p.place}`);
    console.log('top functions (share of busy time):');
    for (const p of summary.topFunctions) console.log(`  ${String(p.pct).padStart(5)}%  ${p.fn}`);
  }
  return summary;
}

async function main(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  results.startedAt = new Date().toISOString();
  results.machine = machine();
  results.settings = {
    DURATION,
    CONNECTIONS,
    HOT_ROUNDS,
    apiPool: API_POOL,
    MAIL_POOL_SIZE,
    MAIL_CONCURRENCY,
    CPU_PROF,
    openMax: OPEN_MAX,
    appEnv: APP_ENV,
  };
  log(`database ${DB_NAME} (recreated), Redis db ${REDIS_DB}, api on ${PORT}`);
  if (Object.keys(APP_ENV).length) log(`api and worker also get ${JSON.stringify(APP_ENV)}`);
  await recreateDatabase();
  await recreateBareDatabase(PG_BASE, BARE_DB_NAME);
  bareDb = new Pool({ connectionString: BARE_DATABASE_URL, max: 2, application_name: 'bench-probe' });
  await flushRedis();
  const sink = await new CountingSink().start();
  const profDir = PROF_DIR;
  const api = startNode('api', 'main.js', appEnv(sink.url), [
    ...API_NODE_ARGS,
    ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
  ]);
  const workerProfDir = `${profDir}-worker`;
  const worker = startNode('worker', 'worker.js', appEnv(sink.url), [
    ...WORKER_NODE_ARGS,
    ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${workerProfDir}`] : []),
  ]);
  const db = new Pool({ connectionString: DATABASE_URL, max: 4, application_name: 'bench-probe' });
  let failed: unknown;
  try {
    await waitUntil(
      async () => (await fetch(`${BASE}/health/ready`)).status === 200,
      60_000,
      `the api at ${BASE}/health/ready`,
    );
    const token = await organizerToken(db);
    await sleep(3000);
    const idle = { api: memoryOf(api.child.pid), worker: memoryOf(worker.child.pid) };
    results.memoryIdle = idle;
    if (ONLY.has('hot')) await hotEvent(db, token, api, worker);
    if (ONLY.has('open')) await openLoop(db, token, api, worker);
    if (ONLY.has('writers')) await writers(db, token);
    if (ONLY.has('mail')) await mail(db, sink, token, worker);
    if (ONLY.has('export')) await exportScenario(db, token, api);
    if (ONLY.has('growth')) await growth(db, token);
    if (ONLY.has('web')) await webScenario(token);
    const hot = (results.hotEvent ?? []) as { connections: number; fullUsage: Usage }[];
    // Without the hot runs, the peak is the whole run's (VmHWM).
    const end = { api: memoryOf(api.child.pid), worker: memoryOf(worker.child.pid) };
    const apiPeak = hot.length ? Math.max(...hot.map((r) => r.fullUsage.apiPeakRssMb)) : end.api.hwmMb;
    const workerPeak = hot.length ? Math.max(...hot.map((r) => r.fullUsage.workerPeakRssMb)) : end.worker.hwmMb;
    const under = hot.length ? 'under the hot load' : 'at peak (no hot load run)';
    results.memory = { idle, underHotLoad: { apiPeakRssMb: apiPeak, workerPeakRssMb: workerPeak }, atEnd: end };
    row(
      'memory',
      `api ${f0(idle.api.rssMb)} MB idle, ${f0(apiPeak)} MB ${under} (VmHWM whole run ${f0(end.api.hwmMb)})`,
      '',
      '',
      '< 250 MB',
      yes(apiPeak < 250 && idle.api.rssMb < 250),
    );
    row(
      '',
      `worker ${f0(idle.worker.rssMb)} MB idle, ${f0(workerPeak)} MB ${under} (VmHWM whole run ${f0(end.worker.hwmMb)})`,
      '',
      '',
      '< 250 MB',
      yes(workerPeak < 250 && idle.worker.rssMb < 250),
    );
  } catch (err) {
    failed = err;
    console.error(`bench failed: ${(err as Error).stack ?? String(err)}`);
    console.error(`api output:\n${api.tail()}\nworker output:\n${worker.tail()}`);
  } finally {
    await db.end().catch(() => undefined);
    await bareDb.end().catch(() => undefined);
    await Promise.all([stop(api), stop(worker)]);
    await sink.stop();
  }
  if (CPU_PROF) {
    results.apiCpuProfile = printProfile('api', profDir);
    results.workerCpuProfile = printProfile('worker', workerProfDir);
  }
  results.finishedAt = new Date().toISOString();
  results.table = table;
  const file = join(RESULTS_DIR, `${STAMP}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  printTable();
  log(`raw figures: ${file}`);
  if (failed) process.exitCode = 1;
}

void main();
