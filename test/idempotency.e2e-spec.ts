import { Body, Controller, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Idempotent } from '../src/common/idempotency/idempotent.decorator';
import { REDIS } from '../src/redis/redis.module';
import { eventBody } from './factories/events';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb, resetRateLimits } from './utils/reset-db';

const KEY = 'Idempotency-Key';
const REPLAYED = 'idempotent-replayed';

/** Test-only endpoints: a handler that fails on demand, and one that waits until told to go on. */
const probe = { runs: 0, failures: 0, gates: [] as Promise<void>[] };

@Controller('idempotency-probe')
class ProbeController {
  @Post('flaky')
  @Idempotent()
  flaky(@Body() body: unknown) {
    probe.runs += 1;
    if (probe.failures > 0) {
      probe.failures -= 1;
      throw new Error('an unexpected fault');
    }
    return { run: probe.runs, body };
  }

  @Post('slow')
  @Idempotent()
  async slow() {
    probe.runs += 1;
    const run = probe.runs;
    const gate = probe.gates.shift();
    if (gate) await gate;
    return { run };
  }
}

function opened(): { gate: Promise<void>; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
}

describe('Idempotency-Key', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createApp({}, [ProbeController]);
    await resetDb(t.db);
    // Listening once, so concurrent supertest requests share one server address.
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', () => resolve()));
    org = await createUser(t, ['organizer']);
  });
  beforeEach(async () => {
    await resetRateLimits(t.app.get(REDIS));
    Object.assign(probe, { runs: 0, failures: 0, gates: [] });
  });
  afterAll(async () => t.close());

  const countEvents = async (title: string): Promise<number> =>
    (await t.db.query('SELECT count(*)::int AS n FROM events WHERE title = $1', [title]))[0].n;
  const countUsers = async (email: string): Promise<number> =>
    (await t.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]))[0].n;
  const keyRows = async (key: string): Promise<{ status: string; scope: string }[]> =>
    t.db.query('SELECT status, scope FROM idempotency_keys WHERE key = $1', [key]);
  const postEvent = (u: TestUser, body: object, key?: string) => {
    const req = request(t.http).post('/api/v1/events').set(bearer(u));
    return (key === undefined ? req : req.set(KEY, key)).send(body);
  };
  const signup = (body: object, key: string) => request(t.http).post('/api/v1/auth/signup').set(KEY, key).send(body);

  describe('POST /events (signed in)', () => {
    it('should create one event for sequential repeats and replay the first status and body', async () => {
      const key = randomUUID();
      const body = eventBody();
      const first = await postEvent(org, body, key).expect(201);
      expect(first.headers[REPLAYED]).toBeUndefined();
      const again = await postEvent(org, body, key).expect(201);
      const third = await postEvent(org, body, key).expect(201);
      for (const res of [again, third]) {
        expect(res.headers[REPLAYED]).toBe('true');
        expect(res.headers['content-type']).toBe(first.headers['content-type']);
        expect(res.body).toEqual(first.body);
      }
      expect(await countEvents(body.title as string)).toBe(1);
      expect(await keyRows(key)).toEqual([{ status: 'done', scope: `user:${org.id} POST /api/v1/events` }]);
    });

    it('should run concurrent repeats once: each answer is the replay or 409 idempotency_in_flight', async () => {
      const key = randomUUID();
      const body = eventBody();
      const answers = await Promise.all(Array.from({ length: 10 }, () => postEvent(org, body, key)));
      expect(await countEvents(body.title as string)).toBe(1);
      const created = answers.filter((r) => r.status === 201);
      expect(created.filter((r) => r.headers[REPLAYED] === undefined)).toHaveLength(1);
      const id = created[0].body.id;
      for (const res of answers) {
        if (res.status === 201) expect(res.body.id).toBe(id);
        else expectProblem(res, 409, 'idempotency_in_flight');
      }
      const later = await postEvent(org, body, key).expect(201);
      expect(later.headers[REPLAYED]).toBe('true');
      expect(later.body.id).toBe(id);
    });

    it('should refuse the same key with another body (422), whatever the key order of the same body', async () => {
      const key = randomUUID();
      const body = eventBody({ questions: [{ id: 'q1', label: 'Languages', type: 'text', required: false }] });
      const first = await postEvent(org, body, key).expect(201);
      // The same members in reverse order, at every depth, are the same body.
      const reversed = Object.fromEntries(
        Object.entries(body)
          .reverse()
          .map(([k, v]) => [
            k,
            Array.isArray(v) ? v.map((q) => Object.fromEntries(Object.entries(q as object).reverse())) : v,
          ]),
      );
      expect(Object.keys(reversed)[0]).not.toBe(Object.keys(body)[0]);
      const replay = await postEvent(org, reversed, key).expect(201);
      expect(replay.headers[REPLAYED]).toBe('true');
      expect(replay.body.id).toBe(first.body.id);
      const other = await postEvent(org, { ...body, capacity: 99 }, key);
      expectProblem(other, 422, 'idempotency_key_reused');
      expect(await countEvents(body.title as string)).toBe(1);
    });

    it('should scope keys per caller: two users with one key make two events', async () => {
      const other = await createUser(t, ['organizer']);
      const key = 'shared-key-1';
      const body = eventBody();
      const mine = await postEvent(org, body, key).expect(201);
      const theirs = await postEvent(other, body, key).expect(201);
      expect(theirs.headers[REPLAYED]).toBeUndefined();
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(await countEvents(body.title as string)).toBe(2);
      expect((await postEvent(other, body, key).expect(201)).body.id).toBe(theirs.body.id);
    });

    it('should scope keys per endpoint: one key on POST /programs and POST /events makes both', async () => {
      const key = randomUUID();
      const program = await request(t.http)
        .post('/api/v1/programs')
        .set(bearer(org))
        .set(KEY, key)
        .send({ name: `Program ${key}`, kind: 'events' })
        .expect(201);
      const body = eventBody();
      const event = await postEvent(org, body, key).expect(201);
      expect(event.headers[REPLAYED]).toBeUndefined();
      expect(event.body.title).toBe(body.title);
      const again = await request(t.http)
        .post('/api/v1/programs')
        .set(bearer(org))
        .set(KEY, key)
        .send({ kind: 'events', name: `Program ${key}` })
        .expect(201);
      expect(again.headers[REPLAYED]).toBe('true');
      expect(again.body.id).toBe(program.body.id);
    });

    it('should ignore an expired key, and purge expired keys as new ones arrive', async () => {
      const key = randomUUID();
      const body = eventBody();
      const first = await postEvent(org, body, key).expect(201);
      await t.db.query("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1", [key]);
      const second = await postEvent(org, body, key).expect(201);
      expect(second.headers[REPLAYED]).toBeUndefined();
      expect(second.body.id).not.toBe(first.body.id);
      expect(await countEvents(body.title as string)).toBe(2);
      // The new row lives 24 h from now.
      const [row] = await t.db.query(
        "SELECT expires_at > now() + interval '23 hours 59 minutes' AS fresh FROM idempotency_keys WHERE key = $1",
        [key],
      );
      expect(row.fresh).toBe(true);

      await t.db.query("UPDATE idempotency_keys SET expires_at = now() - interval '1 hour' WHERE key = $1", [key]);
      await postEvent(org, eventBody(), randomUUID()).expect(201);
      expect(await keyRows(key)).toEqual([]);
    });

    it('should refuse a bad header with 400 invalid_request naming it, and create nothing', async () => {
      const body = eventBody();
      for (const bad of ['', 'x'.repeat(201), 'tab\there', 'clé']) {
        const res = await postEvent(org, body, bad);
        expect(expectProblem(res, 400, 'invalid_request').errors).toEqual([
          { field: 'Idempotency-Key', message: expect.stringContaining('Idempotency-Key') },
        ]);
      }
      expect(await countEvents(body.title as string)).toBe(0);
      await postEvent(org, body, 'x'.repeat(200)).expect(201);
      await postEvent(org, eventBody(), ' spaces and ~!@#$%^&*() are printable ').expect(201);
    });

    it('should behave as before without the header: each request creates', async () => {
      const body = eventBody();
      const a = await postEvent(org, body).expect(201);
      const b = await postEvent(org, body).expect(201);
      expect(b.headers[REPLAYED]).toBeUndefined();
      expect(b.body.id).not.toBe(a.body.id);
      expect(await countEvents(body.title as string)).toBe(2);
    });

    it('should not keep a validation failure: the corrected body may use the same key', async () => {
      const key = randomUUID();
      const body = eventBody();
      expectProblem(await postEvent(org, { ...body, capacity: -1 }, key), 400, 'invalid_request');
      expectProblem(await postEvent(org, { ...body, endsAt: body.startsAt }, key), 400, 'invalid_request');
      expect(await keyRows(key)).toEqual([]);
      const fixed = await postEvent(org, body, key).expect(201);
      expect(fixed.headers[REPLAYED]).toBeUndefined();
      expect((await postEvent(org, body, key).expect(201)).body.id).toBe(fixed.body.id);
      expect(await countEvents(body.title as string)).toBe(1);
    });

    it('should still answer 401 before looking at the key', async () => {
      expectProblem(
        await request(t.http).post('/api/v1/events').set(KEY, randomUUID()).send(eventBody()),
        401,
        'unauthenticated',
      );
    });
  });

  describe('POST /auth/signup (anonymous)', () => {
    const account = (email: string) => ({ email, password: 'a long enough password', name: 'Idem Potent' });

    it('should create one account for sequential repeats and replay the same user and token', async () => {
      const key = randomUUID();
      const first = await signup(account('once@example.org'), key).expect(201);
      const again = await signup(account('once@example.org'), key).expect(201);
      expect(again.headers[REPLAYED]).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await countUsers('once@example.org')).toBe(1);
      const [row] = await keyRows(key);
      expect(row.scope).toMatch(/^anon:[\w-]{22} POST \/api\/v1\/auth\/signup$/);
    });

    it("should not replay one anonymous caller's answer to another address sending the same key", async () => {
      const key = randomUUID();
      const body = account('mine-alone@example.org');
      const first = await signup(body, key).set('X-Forwarded-For', '203.0.113.10').expect(201);
      // The same key and body from elsewhere: its own run (the email is taken now), never the first answer.
      const other = await signup(body, key).set('X-Forwarded-For', '203.0.113.11');
      expectProblem(other, 409, 'email_taken');
      expect(other.headers[REPLAYED]).toBeUndefined();
      expect(JSON.stringify(other.body)).not.toContain(first.body.accessToken);
      // The first address still gets its replay.
      const again = await signup(body, key).set('X-Forwarded-For', '203.0.113.10').expect(201);
      expect(again.headers[REPLAYED]).toBe('true');
      expect(await keyRows(key)).toHaveLength(2);
    });

    it('should not keep the access token in the clear', async () => {
      const key = randomUUID();
      const res = await signup(account('sealed@example.org'), key).expect(201);
      const [row] = await t.db.query('SELECT response, request_hash FROM idempotency_keys WHERE key = $1', [key]);
      expect(Buffer.isBuffer(row.response)).toBe(true);
      expect(row.response.toString('latin1')).not.toContain(res.body.accessToken);
      expect(row.response.toString('latin1')).not.toContain('sealed@example.org');
      expect(row.request_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('should run concurrent repeats once', async () => {
      const key = randomUUID();
      const answers = await Promise.all(Array.from({ length: 10 }, () => signup(account('rush@example.org'), key)));
      expect(await countUsers('rush@example.org')).toBe(1);
      const created = answers.filter((r) => r.status === 201);
      expect(created.filter((r) => r.headers[REPLAYED] === undefined)).toHaveLength(1);
      for (const res of answers) {
        if (res.status === 201) expect(res.body.user.id).toBe(created[0].body.user.id);
        else expectProblem(res, 409, 'idempotency_in_flight');
      }
    });

    it('should keep and replay a refusal that came after processing (409 email_taken) as problem+json', async () => {
      await signup(account('taken@example.org'), randomUUID()).expect(201);
      const key = randomUUID();
      const first = await signup(account('TAKEN@example.org'), key);
      expectProblem(first, 409, 'email_taken');
      const again = await signup(account('TAKEN@example.org'), key);
      expectProblem(again, 409, 'email_taken');
      expect(again.headers[REPLAYED]).toBe('true');
      expect(again.body).toEqual(first.body);
      // Kept means kept: another body under this key is refused rather than run.
      expectProblem(await signup(account('fresh@example.org'), key), 422, 'idempotency_key_reused');
      expect(await countUsers('fresh@example.org')).toBe(0);
    });
  });

  describe('POST /me/household/members', () => {
    it('should add one member for repeats', async () => {
      const fam = await createUser(t);
      const key = randomUUID();
      const body = { name: 'Lin', birthDate: '2019-04-02', relationship: 'child' };
      const send = () => request(t.http).post('/api/v1/me/household/members').set(bearer(fam)).set(KEY, key).send(body);
      const first = await send().expect(201);
      const again = await send().expect(201);
      expect(again.headers[REPLAYED]).toBe('true');
      expect(again.body).toEqual(first.body);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM household_members WHERE owner_id = $1', [
        fam.id,
      ]);
      expect(n).toBe(1);
    });
  });

  describe('faults and abandoned requests', () => {
    it('should not keep a 500: the key is released and a retry runs the handler again', async () => {
      const key = randomUUID();
      probe.failures = 1;
      const send = () => request(t.http).post('/api/v1/idempotency-probe/flaky').set(KEY, key).send({ a: 1 });
      expectProblem(await send(), 500, 'internal_error');
      expect(await keyRows(key)).toEqual([]);
      const retry = await send().expect(201);
      expect(retry.body).toEqual({ run: 2, body: { a: 1 } });
      const replay = await send().expect(201);
      expect(replay.headers[REPLAYED]).toBe('true');
      expect(replay.body).toEqual({ run: 2, body: { a: 1 } });
      expect(probe.runs).toBe(2);
    });

    it('should answer 409 idempotency_in_flight while the first runs, then replay it', async () => {
      const key = randomUUID();
      const { gate, open } = opened();
      probe.gates.push(gate);
      const send = () => request(t.http).post('/api/v1/idempotency-probe/slow').set(KEY, key).send({});
      const first = send().then((r) => r);
      await waitForRow(key);
      expectProblem(await send(), 409, 'idempotency_in_flight');
      open();
      expect((await first).status).toBe(201);
      const replay = await send().expect(201);
      expect(replay.headers[REPLAYED]).toBe('true');
      expect(replay.body).toEqual({ run: 1 });
      expect(probe.runs).toBe(1);
    });

    it('should let a retry take over a key whose first request died (in flight for over 60 s)', async () => {
      const key = randomUUID();
      const { gate, open } = opened();
      probe.gates.push(gate);
      const send = () => request(t.http).post('/api/v1/idempotency-probe/slow').set(KEY, key).send({});
      const first = send().then((r) => r);
      await waitForRow(key);
      await t.db.query("UPDATE idempotency_keys SET locked_at = now() - interval '61 seconds' WHERE key = $1", [key]);
      const retry = await send().expect(201);
      expect(retry.body).toEqual({ run: 2 });
      // The first finally ends; its answer is no longer the key's.
      open();
      expect((await first).body).toEqual({ run: 1 });
      const replay = await send().expect(201);
      expect(replay.body).toEqual({ run: 2 });
      expect(replay.headers[REPLAYED]).toBe('true');
    });
  });

  describe('OpenAPI', () => {
    it('should document the header and the 409 and 422 problems on every creating POST', async () => {
      const doc = (await request(t.http).get('/docs-json').expect(200)).body;
      for (const path of [
        '/api/v1/auth/signup',
        '/api/v1/events',
        '/api/v1/programs',
        '/api/v1/me/household/members',
      ]) {
        const op = doc.paths[path].post;
        expect(op.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: KEY, required: false }));
        expect(op.responses['409'].description).toContain('idempotency_in_flight');
        expect(op.responses['422'].description).toContain('idempotency_key_reused');
      }
      // The handler's own 409 is still described.
      expect(doc.paths['/api/v1/auth/signup'].post.responses['409'].description).toContain('email_taken');
    });
  });

  async function waitForRow(key: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if ((await keyRows(key)).length) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the first request never claimed its key');
  }
});
