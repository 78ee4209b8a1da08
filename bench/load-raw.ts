/**
 * Child process: the raw-SQL baselines of the hot event, with plain `pg` on the bare schema of
 * lib/bare-schema.ts. One registration is one transaction, in one of two ways:
 * - `lock`: BEGIN; `SELECT ... FOR UPDATE` the event; check the seats in the client; take them;
 *   insert the registration, its attendees and the outbox row; COMMIT — a lock per order held
 *   across every round trip, as the established platforms place an order;
 * - `conditional`: BEGIN; one conditional `UPDATE` takes the seats (or nothing: waitlisted);
 *   the same inserts; COMMIT — no check in the client, the row locked only from the UPDATE on.
 * Run by `connections` concurrent loops for a fixed time, over a pool as large as the api's.
 */
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { percentile } from './lib/procs';

export type RawVariant = 'lock' | 'conditional';

export interface RawInput {
  variant: RawVariant;
  databaseUrl: string;
  eventId: string;
  connections: number;
  poolSize: number;
  durationSec: number;
  tag: string;
}

export interface RawResult {
  variant: RawVariant;
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

/** Takes `n` seats of the event if they are free; answers whether it did. */
async function takeSeats(c: PoolClient, variant: RawVariant, eventId: string, n: number): Promise<boolean> {
  if (variant === 'conditional') {
    const took = await c.query(
      `UPDATE events SET seats_taken = seats_taken + $2 WHERE id = $1 AND seats_taken + $2 <= capacity
       RETURNING seats_taken`,
      [eventId, n],
    );
    return took.rowCount === 1;
  }
  const { rows } = await c.query(`SELECT capacity, seats_taken FROM events WHERE id = $1 FOR UPDATE`, [eventId]);
  if (rows[0].seats_taken + n > rows[0].capacity) return false;
  await c.query(`UPDATE events SET seats_taken = seats_taken + $2 WHERE id = $1`, [eventId, n]);
  return true;
}

async function registerOnce(c: PoolClient, input: RawInput, i: number): Promise<'confirmed' | 'waitlisted'> {
  const n = 1 + (i % 4);
  await c.query('BEGIN');
  try {
    const status = (await takeSeats(c, input.variant, input.eventId, n)) ? 'confirmed' : 'waitlisted';
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
  const input = JSON.parse(process.argv[2]) as RawInput;
  const pool = new Pool({ connectionString: input.databaseUrl, max: input.poolSize, application_name: `bench-raw-${input.variant}` });
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
  const result: RawResult = {
    variant: input.variant,
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
