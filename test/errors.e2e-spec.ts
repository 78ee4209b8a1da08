import { Controller, Get } from '@nestjs/common';
import request from 'supertest';
import { createPublishedEvent } from './factories/events';
import { adult, register } from './factories/registrations';
import { bearer, createUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { captureLogs } from './utils/log-capture';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

/** A handler with a real bug, to see how a genuine fault is answered. */
@Controller('test-fault')
class FaultController {
  @Get()
  fault(): never {
    const config: { missing?: { value: number } } = {};
    return config.missing!.value as never;
  }

  @Get('db')
  async db(): Promise<never> {
    throw Object.assign(new Error('relation "nope" does not exist'), { code: '42P01' });
  }
}

describe('errors as problem+json', () => {
  let t: TestApp;
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    logs = captureLogs();
    t = await createApp({ LOG_LEVEL: 'info', BODY_LIMIT: '10kb' }, [FaultController]);
    await resetDb(t.db);
  });
  afterAll(async () => {
    logs.stop();
    await t.close();
  });

  it('should answer an unknown route with 404 not_found', async () => {
    expectProblem(await request(t.http).get('/api/v1/no-such-thing'), 404, 'not_found');
    expectProblem(await request(t.http).delete('/api/v1/auth/signup'), 404, 'not_found');
    expectProblem(await request(t.http).get('/nothing-here'), 404, 'not_found');
  });

  it('should answer malformed JSON with 400 invalid_request', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/signup')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expectProblem(res, 400, 'invalid_request');
  });

  it('should answer a body over the limit with 413 payload_too_large and store nothing', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/signup')
      .send({ email: 'big@example.org', password: 'long enough pw', name: 'x'.repeat(20_000) });
    expectProblem(res, 413, 'payload_too_large');
    expect(await t.db.query("SELECT 1 FROM users WHERE email = 'big@example.org'")).toHaveLength(0);
  });

  it('should answer a body that is not JSON with 415 unsupported_media_type', async () => {
    for (const [type, body] of [
      ['text/plain', 'email=a@b.c'],
      ['application/x-www-form-urlencoded', 'email=a%40b.c&password=12345678&name=x'],
      ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
    ]) {
      expectProblem(
        await request(t.http).post('/api/v1/auth/signup').set('Content-Type', type).send(body),
        415,
        'unsupported_media_type',
      );
    }
    expect(await t.db.query("SELECT 1 FROM users WHERE email = 'a@b.c'")).toHaveLength(0);
  });

  it('should answer a genuine fault with 500, an error id that is in the log, and no stack trace', async () => {
    const res = await request(t.http).get('/api/v1/test-fault').set('X-Request-Id', 'fault-req-1');
    expectProblem(res, 500, 'internal_error');
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|TypeError|Cannot read/);
    const line = logs.lines().find((l) => l.errorId === res.body.errorId);
    expect(line).toBeDefined();
    expect(line!.level).toBe(50);
    expect(JSON.stringify(line)).toContain('TypeError');
    expect(line!.req?.id).toBe('fault-req-1');
  });

  it('should not disguise a database fault as a 4xx', async () => {
    expectProblem(await request(t.http).get('/api/v1/test-fault/db'), 500, 'internal_error');
  });

  it('should tag every log line of a request with its request id and echo it', async () => {
    const u = await createUser(t);
    const res = await request(t.http)
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${u.token}`)
      .set('X-Request-Id', 'req-abc-42')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('req-abc-42');
    const mine = logs.lines().filter((l) => l.req?.id === 'req-abc-42');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((l) => l.res?.statusCode === 200)).toBe(true);
    // A made-up id is replaced when it is not a sane token.
    const odd = await request(t.http).get('/health/ready').set('X-Request-Id', 'bad id with spaces');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should keep tokens out of the log', async () => {
    await request(t.http)
      .get('/api/v1/no-such-thing?token=secret-manage-token&x=1')
      .set('Authorization', 'Bearer secret-bearer');
    const text = JSON.stringify(logs.lines());
    expect(text).not.toContain('secret-manage-token');
    expect(text).not.toContain('secret-bearer');
  });

  it('should keep the X-Manage-Token header out of the log, whatever the request and its answer', async () => {
    const organizer = await createUser(t, ['organizer']);
    const event = await createPublishedEvent(t, organizer, { capacity: 5 });
    const guest = await register(t, event.id);
    const token = guest.manageToken!;
    const madeUp = 'made-up-manage-token-5c1e9a';
    const path = `/api/v1/registrations/${guest.id}`;
    const sent = logs.lines().length;
    // Answered 200, 400, 404, 500, and a revoked token; each of them is a line of the log.
    await request(t.http).get(path).set('X-Manage-Token', token).set('X-Request-Id', 'mt-1').expect(200);
    await request(t.http)
      .patch(path)
      .set('X-Manage-Token', token)
      .set('X-Request-Id', 'mt-2')
      .send({ attendees: [adult('Parent'), adult('Grandparent')] })
      .expect(200);
    await request(t.http)
      .patch(path)
      .set('X-Manage-Token', token)
      .set('X-Request-Id', 'mt-3')
      .send({ bogus: 1 })
      .expect(400);
    await request(t.http).get(path).set('X-Manage-Token', madeUp).set('X-Request-Id', 'mt-4').expect(404);
    await request(t.http)
      .get('/api/v1/test-fault')
      .set('X-Manage-Token', token)
      .set('X-Request-Id', 'mt-5')
      .expect(500);
    await request(t.http).post(`${path}/revoke-link`).set(bearer(organizer)).set('X-Manage-Token', token).expect(204);
    await request(t.http).get(path).set('X-Manage-Token', token).set('X-Request-Id', 'mt-6').expect(404);
    const lines = logs.lines().slice(sent);
    const ids = new Set(lines.map((l) => l.req?.id));
    expect(['mt-1', 'mt-2', 'mt-3', 'mt-4', 'mt-5', 'mt-6'].filter((id) => !ids.has(id))).toEqual([]);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(token);
    expect(text).not.toContain(madeUp);
  });
});
