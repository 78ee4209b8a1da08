import { INestApplicationContext } from '@nestjs/common';
import { Session } from 'node:inspector';
import { Redis } from 'ioredis';
import { API_BUSY_KEY } from '../src/notifications/api-busy';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent } from './factories/events';
import { register } from './factories/registrations';
import { organizer } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { resetDb, resetQueues, resetRateLimits } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

/**
 * Registrations first: while an api is busy (a popular event opening), it asks the workers to hold
 * mail back, and they send only a trickle until the rush is over. The mail is in the outbox all
 * along: late, never lost, never twice. (The other e2e files run with API_BUSY_CPU=0, so that a
 * busy test process never slows their mail.)
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps this process's CPU busy for `ms`, as a rush of requests would. */
function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

async function waitUntilGone(redis: Redis, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while ((await redis.exists(API_BUSY_KEY)) === 1) {
    if (Date.now() > until) throw new Error(`the api still asks for mail to be held back after ${ms} ms`);
    await sleep(100);
  }
}

describe('mail yields to a busy api', () => {
  let t: TestApp;
  let redis: Redis;

  afterEach(async () => {
    await redis.del(API_BUSY_KEY);
  });

  describe('the api', () => {
    beforeAll(async () => {
      t = await createApp({ API_BUSY_CPU: '0.25' }); // the default
      redis = t.app.get(REDIS);
      await resetQueues(redis);
    });
    afterAll(() => t.close());

    it('should ask for mail to be held back while it is busy, and stop asking when it is idle', async () => {
      // Booting kept this process busy too: wait for the quiet samples that follow.
      await waitUntilGone(redis, 5_000);
      busyFor(1200);
      await sleep(700); // the sample after the busy stretch
      expect(await redis.exists(API_BUSY_KEY)).toBe(1);
      const ttl = await redis.pttl(API_BUSY_KEY);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1500);
      await waitUntilGone(redis, 3_000); // idle: the key runs out and is not set again
    });

    it('should not ask for a blip of an otherwise idle api (a garbage collection, a profiler starting)', async () => {
      await waitUntilGone(redis, 5_000);
      busyFor(30); // measured over one tenth of a second, this was a third of a core
      await sleep(500);
      expect(await redis.exists(API_BUSY_KEY)).toBe(0);
    });

    it('should not ask while idle under a CPU profiler (which makes an idle event loop look busy)', async () => {
      const session = new Session();
      session.connect();
      const post = (method: string) =>
        new Promise<void>((resolve, reject) => session.post(method, (err) => (err ? reject(err) : resolve())));
      await post('Profiler.enable');
      await post('Profiler.start');
      try {
        // Starting the profiler takes CPU itself (it records every compiled function): the sample
        // that sees it may ask, once. What counts is the idle api under the running profiler.
        await sleep(1000);
        await waitUntilGone(redis, 5_000);
        await sleep(1500); // three samples under the profiler
        expect(await redis.exists(API_BUSY_KEY)).toBe(0);
      } finally {
        await post('Profiler.stop');
        session.disconnect();
      }
    });
  });

  describe('the worker', () => {
    let sink: SmtpSink;
    let worker: INestApplicationContext;
    let eventId: string;

    beforeAll(async () => {
      sink = await new SmtpSink().start();
      // This api never asks by itself (its test process may be busy for other reasons): the test sets the key.
      t = await createApp({ API_BUSY_CPU: '0' });
      redis = t.app.get(REDIS);
      await resetDb(t.db);
      await resetQueues(redis);
      await resetRateLimits(redis);
      worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url, MAIL_PER_SECOND_WHILE_API_BUSY: '1' });
      const org = await organizer(t);
      await sink.waitFor(1); // the organizer's welcome, before anyone holds mail back
      eventId = (await createPublishedEvent(t, org, { capacity: 100 })).id;
    });
    beforeEach(() => sink.reset());
    afterAll(async () => {
      await worker.close();
      await t.close();
      await sink.stop();
    });

    it('should send a trickle while an api is busy, and the rest at once after, each mail once', async () => {
      await redis.set(API_BUSY_KEY, '1', 'PX', 60_000);
      await sleep(400); // the worker looks every 100 ms
      const families = [];
      for (let i = 0; i < 12; i++) families.push(await register(t, eventId));
      await sleep(2500);
      // 1 a second: a few have gone, not all twelve (unheld, they take a fraction of a second).
      const whileBusy = sink.received.length;
      expect(whileBusy).toBeGreaterThanOrEqual(1);
      expect(whileBusy).toBeLessThanOrEqual(6);
      const [{ n: pending }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'registration.confirmed' AND status = 'pending'`,
      );
      expect(pending).toBeGreaterThanOrEqual(12 - whileBusy - 2); // the rest waits in the outbox

      await redis.del(API_BUSY_KEY);
      await sink.waitFor(12, 10_000);
      await sleep(500);
      expect(sink.received).toHaveLength(12);
      expect(new Set(sink.received.map((m) => m.to))).toEqual(
        new Set(families.map((f) => f.contact.email.toLowerCase())),
      );
      const [{ n: sent }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'registration.confirmed' AND status = 'sent'`,
      );
      expect(sent).toBe(12);
    });

    it('should send without waiting when no api is busy', async () => {
      const family = await register(t, eventId);
      const [mail] = await sink.waitFor(1, 3_000);
      expect(mail.to).toBe(family.contact.email.toLowerCase());
    });
  });
});
