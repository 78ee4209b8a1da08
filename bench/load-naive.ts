/**
 * Child process: baseline (a) of the hot event. The naive transaction of one registration with
 * plain `pg`, as the issue writes it: BEGIN; take the seats with a conditional UPDATE; insert the
 * registration; insert its attendees; insert the outbox row; COMMIT. Run by `connections`
 * concurrent loops for a fixed time, over a pool as large as the api's.
 */
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { percentile } from './lib/procs';

export interface NaiveInput {
  databaseUrl: string;
  eventId: string;
  connections: number;
  poolSize: number;
  durationSec: number;
  tag: string;
}

export interface NaiveResult {
  connections: number;
  poolSize: number;
  durationSec: number;
  ok: number;
  okPerSec: number;
  confirmed: number;
  waitlisted: number;
  errors: number;
  firstError: string | null;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

async function registerOnce(c: PoolClient, input: NaiveInput, i: number): Promise<'confirmed' | 'waitlisted'> {
  const n = 1 + (i % 4);
  await c.query('BEGIN');
  try {
    const took = await c.query(
      `UPDATE events SET seats_taken = seats_taken + $2 WHERE id = $1 AND seats_taken + $2 <= capacity
       RETURNING seats_taken`,
      [input.eventId, n],
    );
    const status = took.rowCount ? 'confirmed' : 'waitlisted';
    const reg = await c.query(
      `INSERT INTO registrations (event_id, code, status, party_size, contact_name, contact_email, consents, locale,
         confirmed_at)
       VALUES ($1, $2, $3::varchar, $4, $5, $6, '{"dataProcessing":true,"photos":false}', 'en',
         CASE WHEN $3::varchar = 'confirmed' THEN now() END)
       RETURNING id`,
      [input.eventId, `N${input.tag}${i.toString(36)}`, status, n, `Family ${i}`, `n${i}.${input.tag}@bench.example`],
    );
    const id = reg.rows[0].id as string;
    await c.query(
      `INSERT INTO registration_attendees (registration_id, event_id, position, name, category, birth_date)
       SELECT $1, $2, p, 'Person ' || p, CASE WHEN p = 0 THEN 'adult' ELSE 'child' END,
              CASE WHEN p = 0 THEN NULL ELSE date '2016-05-01' END
       FROM generate_series(0, $3 - 1) AS p`,
      [id, input.eventId, n],
    );
    await c.query(
      `INSERT INTO notifications (kind, recipient_email, recipient_name, locale, payload, dedupe_key)
       VALUES ($1, $2, $3, 'en', $4, $5)`,
      [
        `registration.${status}`,
        `n${i}.${input.tag}@bench.example`,
        `Family ${i}`,
        JSON.stringify({ registrationId: id }),
        `registration:${id}:${status}`,
      ],
    );
    await c.query('COMMIT');
    return status;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as NaiveInput;
  const pool = new Pool({ connectionString: input.databaseUrl, max: input.poolSize, application_name: 'bench-naive' });
  // Open the pool before the clock starts, as the api's pool is open before its load.
  await Promise.all(Array.from({ length: input.poolSize }, () => pool.connect())).then((cs) =>
    cs.forEach((c) => c.release()),
  );
  const latencies: number[] = [];
  let confirmed = 0;
  let waitlisted = 0;
  let errors = 0;
  let firstError: string | null = null;
  let seq = 0;
  // A short random part keeps codes and emails distinct across runs on one database (codes are 12 characters).
  const tag = randomUUID().slice(0, 4);
  const started = performance.now();
  const until = started + input.durationSec * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const i = ++seq;
      const t = performance.now();
      const c = await pool.connect();
      try {
        const s = await registerOnce(c, { ...input, tag }, i);
        if (s === 'confirmed') confirmed += 1;
        else waitlisted += 1;
        latencies.push(performance.now() - t);
      } catch (err) {
        errors += 1;
        firstError ??= (err as Error).message;
      } finally {
        c.release();
      }
    }
  };
  await Promise.all(Array.from({ length: input.connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  const ok = confirmed + waitlisted;
  const result: NaiveResult = {
    connections: input.connections,
    poolSize: input.poolSize,
    durationSec: elapsed,
    ok,
    okPerSec: ok / elapsed,
    confirmed,
    waitlisted,
    errors,
    firstError,
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      mean: latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1),
    },
  };
  process.send!(result);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
