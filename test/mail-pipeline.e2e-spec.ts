import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { FanoutAudiences } from '../src/notifications/audiences';
import { MAIL_QUEUE, JOB_SEND, mailJobId } from '../src/notifications/mail-queue';
import { MailRequest, Outbox } from '../src/notifications/outbox';
import { MailPreparers } from '../src/notifications/preparers';
import { REDIS } from '../src/redis/redis.module';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';
import { waitUntil } from './utils/processes';

let seq = 0;
function welcome(overrides: Partial<MailRequest> = {}): MailRequest {
  seq += 1;
  return {
    kind: 'account.welcome',
    to: { email: `family${seq}@example.org`, name: `Family ${seq}` },
    locale: 'en',
    payload: { name: `Family ${seq}`, eventsUrl: 'http://kinship.test/events' },
    dedupeKey: `test:welcome:${seq}:${Date.now()}`,
    ...overrides,
  };
}

/** These tests are about the pipeline: their welcome mails render straight from the payload. */
function fromPayload(worker: INestApplicationContext): INestApplicationContext {
  worker.get(MailPreparers).register('account.welcome', async (row) => row.payload as never);
  return worker;
}

async function rowOf(t: TestApp, id: string) {
  const [row] = await t.db.query('SELECT * FROM notifications WHERE id = $1', [id]);
  return row;
}

async function waitForRow(t: TestApp, id: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await rowOf(t, id);
    if (row?.status === status) return row;
    if (Date.now() > until) throw new Error(`row ${id} is ${row?.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the mail pipeline (outbox → relay → BullMQ → sender → SMTP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let outbox: Outbox;

  const enqueue = (req: MailRequest, m?: EntityManager) =>
    m ? outbox.enqueue(m, req) : t.db.transaction((tx) => outbox.enqueue(tx, req));

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp();
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    outbox = t.app.get(Outbox);
    worker = fromPayload(await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url }));
  });
  beforeEach(() => sink.reset());
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  it('should deliver a committed mail once, and record it in the row', async () => {
    const req = welcome();
    const id = (await enqueue(req))!;
    const [mail] = await sink.waitFor(1);
    expect(mail.to).toBe(req.to.email);
    expect(mail.notificationId).toBe(id);
    expect(mail.messageId).toBe(`<${id}@kinship.test>`);
    const row = await waitForRow(t, id, 'sent');
    expect(row).toMatchObject({ attempts: 1, last_error: null, lease_expires_at: null });
    expect(row.smtp_response).toMatch(/^250/);
    await sleep(500);
    expect(sink.received).toHaveLength(1);
  });

  it('should send nothing when the transaction rolls back', async () => {
    const req = welcome();
    await expect(
      t.db.transaction(async (m) => {
        await enqueue(req, m);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sleep(1500);
    expect(sink.received).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM notifications WHERE dedupe_key = $1', [req.dedupeKey])).toHaveLength(0);
  });

  it('should make a second row with the same dedupe key a no-op', async () => {
    const req = welcome();
    const first = await enqueue(req);
    const second = await enqueue({ ...req, payload: { name: 'Other', eventsUrl: 'http://kinship.test/x' } });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await sink.waitFor(1);
    await sleep(500);
    expect(sink.received).toHaveLength(1);
  });

  it('should retry a mail the server defers (451) and deliver it once, later', async () => {
    sink.refuse = ({ attempt }) => (attempt <= 2 ? { code: 451, message: '4.3.0 try again later' } : null);
    const id = (await enqueue(welcome()))!;
    await sink.waitFor(1);
    const row = await waitForRow(t, id, 'sent');
    expect(row.attempts).toBe(3);
    expect(sink.attempts).toBe(3);
    await sleep(500);
    expect(sink.received).toHaveLength(1);
  });

  it('should fail a mail the server refuses for good (550) after one try, keeping the error', async () => {
    sink.refuse = () => ({ code: 550, message: '5.1.1 no such mailbox' });
    const id = (await enqueue(welcome()))!;
    const row = await waitForRow(t, id, 'failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/550.*no such mailbox/);
    await sleep(500);
    expect(sink.attempts).toBe(1);
    expect(sink.received).toHaveLength(0);
  });

  it('should hold future mail until its time, in Postgres', async () => {
    const id = (await enqueue(welcome({ notBefore: new Date(Date.now() + 2000) })))!;
    await sleep(1000);
    expect(sink.received).toHaveLength(0);
    expect((await rowOf(t, id)).status).toBe('pending');
    await sink.waitFor(1, 10_000);
    await waitForRow(t, id, 'sent');
  });

  it('should send a row once however many jobs and workers race for it', async () => {
    const second = fromPayload(await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url }));
    try {
      sink.delayMs = 200;
      const ids: string[] = [];
      // Written with a start time in the future so the relay leaves them alone until we push.
      for (let i = 0; i < 10; i++) ids.push((await enqueue(welcome({ notBefore: new Date(Date.now() + 60_000) })))!);
      await t.db.query('UPDATE notifications SET next_attempt_at = now(), queued_at = now() WHERE id = ANY($1)', [ids]);
      const queue = t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
      for (const id of ids) {
        for (const suffix of ['a', 'b', 'c'])
          await queue.add(JOB_SEND, { notificationId: id }, { jobId: `${id}-race-${suffix}`, removeOnComplete: true });
      }
      await sink.waitFor(10);
      await sleep(1000);
      expect(sink.received).toHaveLength(10);
      expect(new Set(sink.received.map((m) => m.notificationId)).size).toBe(10);
    } finally {
      await second.close();
    }
  });

  it('should push again a job Redis lost, and leave alone a job waiting its turn', async () => {
    const queue = t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
    const pushedAt = async (id: string): Promise<number | null> => {
      const q = (await rowOf(t, id)).queued_at as Date | null;
      return q ? q.getTime() : null;
    };
    // Paused for every worker: the jobs wait in Redis and no sender takes them.
    await queue.pause();
    try {
      const id = (await enqueue(welcome()))!;
      await waitUntil(async () => (await pushedAt(id)) !== null, 10_000, 'the relay to push the job');
      expect(['waiting', 'paused']).toContain(await queue.getJobState(mailJobId(id, 1)));
      // Pushed long ago as far as the row says, but its job is still in Redis, waiting its turn.
      await t.db.query(`UPDATE notifications SET queued_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      const old = (await pushedAt(id))!;
      await sleep(1000); // ten polls
      expect(await pushedAt(id)).toBe(old);

      // Now Redis loses it: the next poll finds the job gone and pushes it again.
      await queue.remove(mailJobId(id, 1));
      await waitUntil(async () => (await pushedAt(id))! > old, 10_000, 'the relay to push the lost job again');
      expect(['waiting', 'paused']).toContain(await queue.getJobState(mailJobId(id, 1)));
      await queue.resume();
      await sink.waitFor(1);
      const row = await waitForRow(t, id, 'sent');
      expect(row.attempts).toBe(1);
      await sleep(500);
      expect(sink.received.map((m) => m.notificationId)).toEqual([id]);
    } finally {
      await queue.resume();
    }
  });

  it('should expand a fan-out into one mail per recipient, in batches, without duplicates', async () => {
    const emails = Array.from({ length: 1203 }, (_, i) => `fan${String(i).padStart(5, '0')}@example.org`);
    // An audience over a fixed list, paged by key, as features register theirs.
    worker.get(FanoutAudiences).register('account.welcome', async (payload, cursor, limit) =>
      emails
        .filter((e) => cursor === null || e > cursor)
        .slice(0, limit)
        .map((e) => ({
          key: e,
          email: e,
          name: null,
          locale: 'zh-CN' as const,
          payload: { name: e.split('@')[0], eventsUrl: String(payload.eventsUrl) },
        })),
    );
    const id = await t.db.transaction((m) =>
      outbox.enqueueFanout(m, {
        template: 'account.welcome',
        payload: { eventsUrl: 'http://kinship.test/events' },
        dedupeKey: `test:fanout:${Date.now()}`,
      }),
    );
    await sink.waitFor(1203, 60_000);
    const fan = await waitForRow(t, id!, 'sent');
    expect(fan.smtp_response).toBe('expanded to 1203 recipients');
    await sleep(1000);
    expect(sink.received).toHaveLength(1203);
    expect(new Set(sink.received.map((m) => m.to)).size).toBe(1203);
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM notifications WHERE payload->>'fanoutId' = $1 AND status = 'sent'",
      [id],
    );
    expect(n).toBe(1203);
  }, 90_000);
});
