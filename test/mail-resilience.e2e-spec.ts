import { ChildProcess, spawn } from 'node:child_process';
import { INestApplicationContext } from '@nestjs/common';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { Outbox } from '../src/notifications/outbox';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent } from './factories/events';
import { bearer, createUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { exitOf, freePort, startProcess, Started, waitUntil } from './utils/processes';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

/**
 * The pipeline under the failures it exists for: a worker killed mid-send, Redis lost and back
 * empty, a worker told to stop while sending. Mail is counted where it arrives, at a real SMTP
 * server in this process: none lost, none doubled.
 */
let seq = 0;

/** A signup's transaction: the user row and its welcome mail, committed together. */
async function signups(db: DataSource, outbox: Outbox, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    seq += 1;
    const id = await db.transaction(async (m) => {
      const [user] = await m.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [
        `resilient${seq}-${Date.now()}@example.org`,
        `Family ${seq}`,
      ]);
      return outbox.enqueue(m, {
        kind: 'account.welcome',
        to: { email: `resilient${seq}@example.org`, name: `Family ${seq}` },
        locale: seq % 2 ? 'en' : 'zh-CN',
        payload: { userId: user.id },
        dedupeKey: `user:${user.id}:welcome`,
      });
    });
    ids.push(id!);
  }
  return ids;
}

async function statuses(db: DataSource, ids: string[]): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await db.query(
    'SELECT status, count(*)::int AS n FROM notifications WHERE id = ANY($1) GROUP BY status',
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Each of `ids` arrived exactly once. */
function expectEachOnce(sink: SmtpSink, ids: string[]): void {
  const counts = new Map<string, number>();
  for (const m of sink.received) counts.set(m.notificationId!, (counts.get(m.notificationId!) ?? 0) + 1);
  expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
}

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
}

describe('mail under failure', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let outbox: Outbox;
  // A short lease, so rows a killed worker held are re-driven within seconds.
  const workerEnv = () => ({
    ...FAST_MAIL,
    MAIL_LEASE_SECONDS: '3',
    SMTP_URL: sink.url,
    MAIL_CONCURRENCY: '4',
    MAIL_POOL_SIZE: '4',
  });

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp();
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    outbox = t.app.get(Outbox);
  });
  beforeEach(async () => {
    sink.reset();
    await resetDb(t.db);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('should deliver every mail once when a worker is SIGKILLed mid-send and another starts', async () => {
    sink.delayMs = 1500; // a slow server: messages sit in flight
    let w: Started = startProcess('worker.js', workerEnv());
    try {
      const ids = await signups(t.db, outbox, 30);
      await waitUntil(() => sink.inFlight >= 2, 20_000, 'messages in flight');
      const sending = (await statuses(t.db, ids)).sending ?? 0;
      w.child.kill('SIGKILL');
      await exitOf(w.child);
      // The proof that the kill landed mid-send: rows held by the dead worker, messages mid-DATA.
      expect(sending).toBeGreaterThan(0);
      await waitUntil(() => sink.inFlight === 0, 5000, 'the server to finish');
      expect(sink.dropped).toBeGreaterThan(0);

      sink.delayMs = 0;
      w = startProcess('worker.js', workerEnv());
      await sink.waitFor(30, 30_000);
      await waitUntil(async () => (await statuses(t.db, ids)).sent === 30, 10_000, 'every row sent');
      await new Promise((r) => setTimeout(r, 1000));
      expect(sink.received).toHaveLength(30);
      expectEachOnce(sink, ids);
      // The rows the dead worker held were tried again: their attempts show it.
      const [{ retried }] = await t.db.query(
        'SELECT count(*)::int AS retried FROM notifications WHERE id = ANY($1) AND attempts > 1',
        [ids],
      );
      expect(retried).toBeGreaterThan(0);
    } finally {
      w.child.kill('SIGKILL');
    }
  }, 90_000);

  it('should reach every family of a message exactly once when the worker is SIGKILLed mid-fan-out and another resumes it', async () => {
    const families = 2000;
    const organizer = await createUser(t, ['organizer']);
    const event = await createPublishedEvent(t, organizer, { capacity: families });
    // The families straight into the tables (through the api they would take most of a minute).
    await t.db.query(
      `INSERT INTO registrations (event_id, code, status, party_size, contact_name, contact_email, consents, locale, confirmed_at)
       SELECT $1, 'F' || i, 'confirmed', 1, 'Family ' || i, 'fanout' || i || '@example.org', '{"dataProcessing":true}',
              CASE WHEN i % 2 = 0 THEN 'en' ELSE 'zh-CN' END, now()
       FROM generate_series(1, $2) AS i`,
      [event.id, families],
    );
    await t.db.query(
      `INSERT INTO registration_attendees (registration_id, event_id, position, name, category)
       SELECT id, event_id, 0, contact_name, 'adult' FROM registrations WHERE event_id = $1`,
      [event.id],
    );
    await t.db.query('UPDATE events SET seats_taken = $2 WHERE id = $1', [event.id, families]);

    // The first worker expands in small batches, and the server holds each message long enough
    // that none it sends is accepted before the kill: every mail counted below is the second's.
    sink.delayMs = 10_000;
    let w: Started = startProcess('worker.js', { ...workerEnv(), FANOUT_BATCH_SIZE: '25' });
    try {
      const sent = await request(t.http)
        .post(`/api/v1/events/${event.id}/messages`)
        .set(bearer(organizer))
        .send({ subject: 'Parking', body: 'Use the north gate.' })
        .expect(202);
      expect(sent.body.recipients).toBe(families);
      const fanout = `event:${event.id}:message:${sent.body.messageId}`;
      const expanded = async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE $1`, [`${fanout}:%`]))[0]
          .n as number;
      await waitUntil(async () => (await expanded()) >= 200, 20_000, 'the fan-out under way');
      w.child.kill('SIGKILL');
      await exitOf(w.child);
      // The proof that the kill landed mid-fan-out: the row still held, part of the families written.
      const [held] = await t.db.query('SELECT status, fanout_cursor FROM notifications WHERE dedupe_key = $1', [
        fanout,
      ]);
      const before = await expanded();
      expect(held.status).toBe('sending');
      expect(held.fanout_cursor).not.toBeNull();
      expect(before).toBeLessThan(families);
      expect(sink.received.filter((x) => x.subject.includes('Parking'))).toEqual([]);

      sink.delayMs = 0;
      w = startProcess('worker.js', { ...workerEnv(), MAIL_CONCURRENCY: '16', MAIL_POOL_SIZE: '5' });
      await waitUntil(
        async () => {
          const [x] = await t.db.query(
            `SELECT (SELECT status FROM notifications WHERE dedupe_key = $1) AS fanout,
                    (SELECT count(*)::int FROM notifications
                     WHERE dedupe_key LIKE $2 AND status IN ('pending', 'sending')) AS waiting`,
            [fanout, `${fanout}:%`],
          );
          return x.fanout === 'sent' && x.waiting === 0;
        },
        60_000,
        'the fan-out and every family’s mail to be done',
      );
      const [done] = await t.db.query(
        'SELECT status, attempts, smtp_response FROM notifications WHERE dedupe_key = $1',
        [fanout],
      );
      // Resumed from its cursor by a second attempt, not started over.
      expect(done).toMatchObject({ status: 'sent', attempts: 2 });
      expect(done.smtp_response).toBe(`expanded to ${families - before} recipients`);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE $1 AND status = 'sent'`,
        [`${fanout}:%`],
      );
      expect(n).toBe(families);

      // At the server: each family once, and no one else.
      const perAddress = new Map<string, number>();
      for (const m of sink.received.filter((x) => x.subject.includes('Parking')))
        perAddress.set(m.to, (perAddress.get(m.to) ?? 0) + 1);
      const wanted = Array.from({ length: families }, (_, i) => `fanout${i + 1}@example.org`);
      expect(wanted.filter((a) => perAddress.get(a) !== 1)).toEqual([]);
      expect(perAddress.size).toBe(families);
    } finally {
      w.child.kill('SIGKILL');
      // The killed worker's messages the server was still holding end as dropped when their hold
      // runs out: let them, so they are not counted in the next test.
      await waitUntil(() => sink.inFlight === 0, 20_000, 'the held messages to end');
    }
  }, 90_000);

  it('should let in-flight sends finish on SIGTERM and leave nothing sending', async () => {
    sink.delayMs = 1000;
    const w = startProcess('worker.js', workerEnv());
    let next: Started | undefined;
    try {
      const ids = await signups(t.db, outbox, 12);
      await waitUntil(() => sink.inFlight >= 2, 20_000, 'messages in flight');
      w.child.kill('SIGTERM');
      expect(await exitOf(w.child)).toBe(0);
      const after = await statuses(t.db, ids);
      expect(after.sending ?? 0).toBe(0);
      expect(after.sent).toBeGreaterThanOrEqual(2);
      expect(sink.dropped).toBe(0);
      // Whatever it had not started waits for the next worker.
      sink.delayMs = 0;
      next = startProcess('worker.js', workerEnv());
      await sink.waitFor(12, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      expectEachOnce(sink, ids);
    } finally {
      w.child.kill('SIGKILL');
      next?.child.kill('SIGKILL');
    }
  }, 90_000);

  it('should deliver every mail once when Redis is stopped while rows are written and comes back empty', async () => {
    const port = await freePort();
    let redis = startRedis(port);
    const redisUrl = `redis://127.0.0.1:${port}`;
    let worker: INestApplicationContext | undefined;
    try {
      await waitUntil(async () => (await fetchPing(port)) === true, 10_000, 'redis to start');
      worker = await createWorker({ ...workerEnv(), REDIS_URL: redisUrl });
      const before = await signups(t.db, outbox, 10);
      await sink.waitFor(10, 20_000);

      redis.kill('SIGKILL');
      await exitOf(redis);
      // Writes succeed while Redis is down: the outbox is in Postgres.
      const during = await signups(t.db, outbox, 20);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.received).toHaveLength(10);

      redis = startRedis(port); // empty: nothing was saved
      await sink.waitFor(30, 45_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.received).toHaveLength(30);
      expectEachOnce(sink, [...before, ...during]);
    } finally {
      await worker?.close().catch(() => undefined);
      redis.kill('SIGKILL');
    }
  }, 90_000);
});

/** PING over a raw socket (no client library retries in the way). */
function fetchPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      resolve(String(d).startsWith('+PONG'));
      s.destroy();
    });
    s.on('error', () => resolve(false));
  });
}
