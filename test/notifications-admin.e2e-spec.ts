import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { expectProblem } from './utils/problem';
import { resetDb, resetQueues, resetRateLimits } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForStatus(t: TestApp, dedupeKey: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.db.query('SELECT * FROM notifications WHERE dedupe_key = $1', [dedupeKey]);
    if (row?.status === status) return row;
    if (Date.now() > until) throw new Error(`${dedupeKey} is ${row?.status}, not ${status}`);
    await sleep(50);
  }
}

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

describe('notifications for admins', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let admin: TestUser;
  let fam: TestUser;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '60' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    admin = await createUser(t, ['admin']);
    fam = await createUser(t);
    await waitForStatus(t, `user:${fam.id}:welcome`, 'sent');
  }, 30_000);
  beforeEach(async () => {
    sink.reset();
    await resetRateLimits(t.app.get(REDIS));
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  describe('GET /notifications', () => {
    it('should list the outbox newest first, without payloads, for admins only', async () => {
      expectProblem(await request(t.http).get('/api/v1/notifications'), 401, 'unauthenticated');
      expectProblem(await request(t.http).get('/api/v1/notifications').set(bearer(fam)), 403, 'forbidden');
      const res = await request(t.http).get('/api/v1/notifications').set(bearer(admin)).expect(200);
      expect(res.body).toMatchObject({ page: 1, limit: 20, total: res.body.items.length });
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      const item = res.body.items.find((i: { dedupeKey: string }) => i.dedupeKey === `user:${fam.id}:welcome`);
      expect(item).toEqual({
        id: expect.any(String),
        kind: 'account.welcome',
        recipientEmail: fam.email,
        locale: 'en',
        status: 'sent',
        attempts: 1,
        nextAttemptAt: expect.any(String),
        lastError: null,
        messageId: expect.stringContaining(item.id),
        smtpResponse: expect.stringMatching(/^250/),
        dedupeKey: `user:${fam.id}:welcome`,
        createdAt: expect.any(String),
        sentAt: expect.any(String),
      });
      const created = res.body.items.map((i: { createdAt: string }) => i.createdAt);
      expect([...created].sort().reverse()).toEqual(created);
    });

    it('should filter by status and kind, and page', async () => {
      for (let i = 0; i < 3; i++) await createUser(t);
      const sent = await (async () => {
        const until = Date.now() + 10_000;
        for (;;) {
          const r = await request(t.http)
            .get('/api/v1/notifications?kind=account.welcome&status=sent&limit=100')
            .set(bearer(admin))
            .expect(200);
          if (r.body.total >= 5 || Date.now() > until) return r;
          await sleep(100);
        }
      })();
      expect(sent.body.total).toBeGreaterThanOrEqual(5);
      expect(
        sent.body.items.every(
          (i: { kind: string; status: string }) => i.kind === 'account.welcome' && i.status === 'sent',
        ),
      ).toBe(true);

      const p1 = await request(t.http).get('/api/v1/notifications?page=1&limit=2').set(bearer(admin)).expect(200);
      const p2 = await request(t.http).get('/api/v1/notifications?page=2&limit=2').set(bearer(admin)).expect(200);
      expect(p1.body.items).toHaveLength(2);
      expect(p2.body).toMatchObject({ page: 2, limit: 2, total: p1.body.total });
      expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);
      const far = await request(t.http).get('/api/v1/notifications?page=1000&limit=2').set(bearer(admin)).expect(200);
      expect(far.body.items).toEqual([]);

      const none = await request(t.http)
        .get('/api/v1/notifications?status=failed&kind=event.message')
        .set(bearer(admin))
        .expect(200);
      expect(none.body).toMatchObject({ items: [], total: 0 });
    }, 30_000);

    it('should refuse bad filters and pages out of bounds', async () => {
      for (const q of ['page=0', 'limit=0', 'limit=101', 'page=abc', 'status=lost', 'kind=account.nope', 'extra=1']) {
        expectProblem(
          await request(t.http).get(`/api/v1/notifications?${q}`).set(bearer(admin)),
          400,
          'invalid_request',
        );
      }
    });
  });

  describe('POST /notifications/:id/retry', () => {
    it('should send a failed mail again when an admin retries it, once', async () => {
      const victim = `refused-${Date.now()}@example.org`;
      sink.refuse = ({ to }) => (to === victim ? { code: 550, message: '5.1.1 mailbox unavailable' } : null);
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email: victim, password: 'a long enough password', name: 'Refused' })
        .expect(201);
      const key = `user:${res.body.user.id}:welcome`;
      const failed = await waitForStatus(t, key, 'failed');
      expect(failed.last_error).toMatch(/550/);

      const listed = await request(t.http).get('/api/v1/notifications?status=failed').set(bearer(admin)).expect(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(failed.id);

      expectProblem(
        await request(t.http).post(`/api/v1/notifications/${failed.id}/retry`).set(bearer(fam)),
        403,
        'forbidden',
      );
      expectProblem(await request(t.http).post(`/api/v1/notifications/${failed.id}/retry`), 401, 'unauthenticated');

      sink.refuse = () => null;
      const retried = await request(t.http)
        .post(`/api/v1/notifications/${failed.id}/retry`)
        .set(bearer(admin))
        .expect(200);
      expect(retried.body).toMatchObject({ id: failed.id, attempts: 0 });
      expect(['pending', 'sending', 'sent']).toContain(retried.body.status);

      await sink.waitFor(1);
      const sent = await waitForStatus(t, key, 'sent');
      expect(sent.attempts).toBe(1);
      await sleep(500);
      expect(sink.to(victim)).toHaveLength(1);

      const again = await request(t.http).post(`/api/v1/notifications/${failed.id}/retry`).set(bearer(admin));
      expectProblem(again, 409, 'invalid_transition');
    }, 30_000);

    it('should answer 404 for an unknown or malformed id', async () => {
      expectProblem(
        await request(t.http)
          .post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/retry')
          .set(bearer(admin)),
        404,
        'not_found',
      );
      expectProblem(
        await request(t.http).post('/api/v1/notifications/nope/retry').set(bearer(admin)),
        404,
        'not_found',
      );
    });
  });

  describe('/admin/queues', () => {
    it('should ask for credentials, and refuse those of a non-admin or a wrong password', async () => {
      for (const auth of [
        undefined,
        basic(fam.email, fam.password),
        basic(admin.email, 'wrong password'),
        'Bearer x',
      ]) {
        const req = request(t.http).get('/admin/queues');
        const res = await (auth ? req.set('Authorization', auth) : req);
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Basic realm="Kinship queues"/);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      // A bearer token of an admin is not enough: the dashboard takes HTTP basic only.
      const res = await request(t.http).get('/admin/queues').set(bearer(admin));
      expect(res.status).toBe(401);
    });

    it("should show the dashboard of the mail queue to an admin's credentials", async () => {
      const page = await request(t.http)
        .get('/admin/queues')
        .set('Authorization', basic(admin.email.toUpperCase(), admin.password))
        .expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toMatch(/<html/i);
      const api = await request(t.http)
        .get('/admin/queues/api/queues')
        .set('Authorization', basic(admin.email, admin.password))
        .expect(200);
      expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(['mail']);
    });

    it('should answer 429 after repeated wrong passwords, counted with the login limiter', async () => {
      for (let i = 0; i < 3; i++) {
        await request(t.http)
          .get('/admin/queues')
          .set('Authorization', basic(admin.email, `wrong ${i}`))
          .expect(401);
      }
      const res = await request(t.http).get('/admin/queues').set('Authorization', basic(admin.email, admin.password));
      expectProblem(res, 429, 'rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // The same counter guards the login endpoint.
      expectProblem(
        await request(t.http).post('/api/v1/auth/login').send({ email: admin.email, password: admin.password }),
        429,
        'rate_limited',
      );
    });
  });
});
