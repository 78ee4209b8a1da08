import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { loadEnv } from '../src/config/env';
import { createPublishedEvent } from './factories/events';
import { createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { exitOf, startApis, Started } from './utils/processes';
import { expectProblem } from './utils/problem';
import { resetDb, resetRateLimits } from './utils/reset-db';

/**
 * Rate limits are counted and checked in one Redis step, shared by every api process: requests in
 * parallel cannot slip past them. Client addresses come from X-Forwarded-For here, which the api
 * believes from loopback (TRUST_PROXY's default), as it would from a load balancer.
 */
const login = (t: TestApp, email: string, password: string, from: string) =>
  request(t.http).post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

function statuses(list: { status: number }[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const { status } of list) out[status] = (out[status] ?? 0) + 1;
  return out;
}

describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '8',
      LOGIN_MAX_FAILURES_PER_EMAIL: '7',
      LOGIN_WINDOW_SECONDS: '600',
    });
    await resetDb(t.db);
  });
  beforeEach(async () => resetRateLimits(t.app.get(REDIS)));
  afterAll(async () => t.close());

  describe('60 wrong passwords in parallel, across two api processes', () => {
    let apis: Started[] = [];
    let ports: number[] = [];
    let victim: TestUser;

    beforeAll(async () => {
      victim = await createUser(t);
      ({ apis, ports } = await startApis(2, { LOGIN_MAX_FAILURES: '5', LOG_LEVEL: 'warn' }));
    }, 60_000);
    afterAll(async () => {
      for (const a of apis) a.child.kill('SIGTERM');
      await Promise.all(apis.map((a) => exitOf(a.child)));
    });

    it('should let at most the limit through to a 401 and refuse the rest with 429', async () => {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          fetch(`http://127.0.0.1:${ports[i % 2]}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: victim.email, password: `guess number ${i}` }),
          }).then(async (res) => ({
            status: res.status,
            type: res.headers.get('content-type'),
            retryAfter: res.headers.get('retry-after'),
            body: (await res.json()) as { code: string },
          })),
        ),
      );
      const counts = statuses(answers);
      expect(Object.keys(counts).sort()).toEqual(['401', '429']);
      expect(counts[401]).toBeLessThanOrEqual(5);
      expect(counts[401] + counts[429]).toBe(60);
      for (const a of answers.filter((x) => x.status === 429)) {
        expect(a.type).toMatch(/^application\/problem\+json/);
        expect(a.body.code).toBe('rate_limited');
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
    }, 60_000);
  });

  describe('failed logins', () => {
    it('should lock one address out of one email without locking the owner out elsewhere', async () => {
      const owner = await createUser(t);
      for (let i = 0; i < 3; i++) {
        expectProblem(await login(t, owner.email, `stranger ${i}`, '203.0.113.66'), 401, 'unauthenticated');
      }
      // The stranger's address is refused now, even with the right password...
      expectProblem(await login(t, owner.email, owner.password, '203.0.113.66'), 429, 'rate_limited');
      // ... and the owner, elsewhere, signs in.
      await login(t, owner.email, owner.password, '198.51.100.7').expect(200);
    });

    it('should count one address across emails (one password tried against many accounts)', async () => {
      const users = [];
      for (let i = 0; i < 5; i++) users.push(await createUser(t));
      const tries = users.flatMap((u) => [
        login(t, u.email, 'Password1', '203.0.113.70'),
        login(t, u.email, 'Password2', '203.0.113.70'),
      ]);
      const answers = [];
      for (const tr of tries) answers.push(await tr);
      expect(statuses(answers)).toEqual({ 401: 8, 429: 2 });
      // Another address is not affected.
      await login(t, users[4].email, users[4].password, '198.51.100.70').expect(200);
    });

    it('should count one email across addresses, high enough that many addresses are needed to reach it', async () => {
      const owner = await createUser(t);
      // Seven failures from three addresses (within each address's three): the email's limit.
      const plan = [
        '203.0.113.1',
        '203.0.113.1',
        '203.0.113.1',
        '203.0.113.2',
        '203.0.113.2',
        '203.0.113.2',
        '203.0.113.3',
      ];
      for (const from of plan) expectProblem(await login(t, owner.email, 'a guess', from), 401, 'unauthenticated');
      expectProblem(await login(t, owner.email, owner.password, '198.51.100.8'), 429, 'rate_limited');
      // The defaults keep it at ten addresses' worth of failures or more.
      const defaults = loadEnv({});
      expect(defaults.LOGIN_MAX_FAILURES_PER_EMAIL).toBeGreaterThanOrEqual(10 * defaults.LOGIN_MAX_FAILURES);
    });

    it('should not count a refused try against the email (a stranger hammering from one address)', async () => {
      const owner = await createUser(t);
      const answers = [];
      for (let i = 0; i < 30; i++) answers.push(await login(t, owner.email, `hammer ${i}`, '203.0.113.99'));
      expect(statuses(answers)).toEqual({ 401: 3, 429: 27 });
      await login(t, owner.email, owner.password, '198.51.100.9').expect(200);
    });

    it('should count the queue dashboard’s logins with the same limits, in parallel too', async () => {
      const admin = await createUser(t, ['admin']);
      const basic = (password: string) => `Basic ${Buffer.from(`${admin.email}:${password}`).toString('base64')}`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          request(t.http)
            .get('/admin/queues')
            .set('X-Forwarded-For', '203.0.113.80')
            .set('Authorization', basic(`guess ${i}`)),
        ),
      );
      const counts = statuses(answers);
      expect(counts[401]).toBeLessThanOrEqual(3);
      expect(counts[401] + counts[429]).toBe(20);
      await request(t.http)
        .get('/admin/queues')
        .set('X-Forwarded-For', '198.51.100.80')
        .set('Authorization', basic(admin.password))
        .expect(200);
    });
  });

  describe('signups', () => {
    let strict: TestApp;

    beforeAll(async () => {
      strict = await createApp({ SIGNUPS_PER_ADDRESS_PER_HOUR: '3' });
    });
    afterAll(async () => strict.close());

    it('should allow SIGNUPS_PER_ADDRESS_PER_HOUR signups from one address, then 429', async () => {
      const signup = (n: number, from: string) =>
        request(strict.http)
          .post('/api/v1/auth/signup')
          .set('X-Forwarded-For', from)
          .send({
            email: `signup-limit-${n}-${Date.now()}@example.org`,
            password: 'a long enough password',
            name: 'S',
          });
      for (let i = 0; i < 3; i++) await signup(i, '203.0.113.50').expect(201);
      const refused = await signup(3, '203.0.113.50');
      expectProblem(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await signup(4, '198.51.100.50').expect(201);
    });
  });

  describe('registrations', () => {
    let strict: TestApp;

    beforeAll(async () => {
      strict = await createApp({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '4' });
    });
    afterAll(async () => strict.close());

    it('should take REGISTRATIONS_PER_ADDRESS_PER_MINUTE registrations from one address, in parallel, then 429 and store nothing more', async () => {
      const organizer = await createUser(strict, ['organizer']);
      const event = await createPublishedEvent(strict, organizer, { capacity: 100 });
      const family = (n: number) => ({
        contact: { name: `Limited ${n}`, email: `limited-${n}@example.org` },
        attendees: [{ name: `Limited ${n}`, category: 'adult' }],
        consents: { dataProcessing: true },
      });
      const post = (n: number, from: string) =>
        request(strict.http)
          .post(`/api/v1/events/${event.id}/registrations`)
          .set('X-Forwarded-For', from)
          .send(family(n));

      const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => post(n, '203.0.113.120')));
      expect(statuses(answers)).toEqual({ 201: 4, 429: 6 });
      for (const refused of answers.filter((a) => a.status === 429)) {
        expectProblem(refused, 429, 'rate_limited');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Another address is not affected.
      const elsewhere = await post(10, '198.51.100.120').expect(201);

      // Stored: the families answered 201, and nothing of the refused ones (no row, no seat, no mail).
      const taken = [...answers.filter((a) => a.status === 201).map((a) => a.body.id), elsewhere.body.id].sort();
      const rows = await strict.db.query('SELECT id FROM registrations WHERE event_id = $1', [event.id]);
      expect(rows.map((r: { id: string }) => r.id).sort()).toEqual(taken);
      const [counts] = await strict.db.query('SELECT seats_taken FROM events WHERE id = $1', [event.id]);
      expect(counts.seats_taken).toBe(5);
      const refusedEmails = answers.flatMap((a, n) => (a.status === 429 ? [`limited-${n}@example.org`] : []));
      const mails = await strict.db.query('SELECT id FROM notifications WHERE recipient_email = ANY($1)', [
        refusedEmails,
      ]);
      expect(mails).toEqual([]);
    });
  });
});
