import request from 'supertest';
import { createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb, resetRateLimits } from './utils/reset-db';
import { REDIS } from '../src/redis/redis.module';

const ORIGIN = 'http://kinship.test';

/** The session cookie a Set-Cookie header sets, as `name=value` for a Cookie header. */
function sessionCookie(res: request.Response): string {
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = set.find((c) => c.startsWith('kinship_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return cookie.split(';')[0];
}

describe('browser sessions', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    user = await createUser(t);
  });
  beforeEach(async () => resetRateLimits(t.app.get(REDIS)));
  afterAll(async () => t.close());

  const login = () =>
    request(t.http).post('/api/v1/auth/login').send({ email: user.email, password: user.password, session: 'cookie' });

  it('should set an HttpOnly, SameSite=Lax session cookie and keep the token out of the answer', async () => {
    const res = await login().expect(200);
    expect(res.body).toEqual({ user: expect.objectContaining({ id: user.id, email: user.email }) });
    const set = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('kinship_session='))!;
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).toMatch(/; Path=\//);
    expect(set).not.toMatch(/; Secure/);
    const me = await request(t.http).get('/api/v1/me').set('Cookie', sessionCookie(res)).expect(200);
    expect(me.body.id).toBe(user.id);
  });

  it('should sign up with a cookie session as well', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/signup')
      .send({
        email: 'cookie.family@example.org',
        password: 'a long password',
        name: 'Cookie Family',
        session: 'cookie',
      })
      .expect(201);
    expect(res.body.accessToken).toBeUndefined();
    const session = await request(t.http).get('/api/v1/auth/session').set('Cookie', sessionCookie(res)).expect(200);
    expect(session.body.user.email).toBe('cookie.family@example.org');
  });

  it('should keep answering bearer tokens to API clients that ask for no cookie', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('should refuse an unsafe request with the cookie from another site, or with no Origin, with 403', async () => {
    const cookie = sessionCookie(await login());
    const evil = await request(t.http)
      .patch('/api/v1/me')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .send({ name: 'Hacked' });
    expectProblem(evil, 403, 'forbidden');
    const none = await request(t.http).patch('/api/v1/me').set('Cookie', cookie).send({ name: 'Hacked' });
    expectProblem(none, 403, 'forbidden');
    const [row] = await t.db.query('SELECT name FROM users WHERE id = $1', [user.id]);
    expect(row.name).toBe(user.name);
    const mine = await request(t.http)
      .patch('/api/v1/me')
      .set('Cookie', cookie)
      .set('Origin', ORIGIN)
      .send({ name: 'Renamed' })
      .expect(200);
    expect(mine.body.name).toBe('Renamed');
  });

  it('should treat a stale cookie as no session: public pages work, private ones answer 401', async () => {
    const cookie = 'kinship_session=not.a.token';
    await request(t.http).get('/api/v1/events').set('Cookie', cookie).expect(200);
    expect((await request(t.http).get('/api/v1/auth/session').set('Cookie', cookie).expect(200)).body).toEqual({
      user: null,
    });
    expectProblem(await request(t.http).get('/api/v1/me').set('Cookie', cookie), 401, 'unauthenticated');
  });

  it('should end the session when the password changes (every token issued before stops working)', async () => {
    const cookie = sessionCookie(await login());
    await t.db.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [user.id]);
    expect((await request(t.http).get('/api/v1/auth/session').set('Cookie', cookie).expect(200)).body).toEqual({
      user: null,
    });
  });

  it('should clear the cookie on logout', async () => {
    const res = await request(t.http).post('/api/v1/auth/logout').set('Origin', ORIGIN).expect(204);
    const set = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('kinship_session='))!;
    expect(set).toMatch(/^kinship_session=;/);
    expect(set).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('should refuse a session kind it does not know', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password, session: 'token' });
    expectProblem(res, 400, 'invalid_request');
    expect(fieldsOf(res)).toEqual(['session']);
  });
});

describe('browser sessions on https', () => {
  it('should mark the cookie Secure when PUBLIC_URL is https', async () => {
    const t = await createApp({ PUBLIC_URL: 'https://kinship.example.org' });
    try {
      await resetDb(t.db);
      const u = await createUser(t);
      const res = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: u.password, session: 'cookie' })
        .expect(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await t.close();
    }
  });
});

describe('GET and PATCH /me', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    user = await createUser(t);
  });
  afterAll(async () => t.close());

  it('should change the name and the language, and nothing else', async () => {
    const res = await request(t.http)
      .patch('/api/v1/me')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ name: '  Mei Chen  ', locale: 'zh-CN' })
      .expect(200);
    expect(res.body).toMatchObject({ id: user.id, name: 'Mei Chen', locale: 'zh-CN', roles: ['family'] });
  });

  it('should refuse an unknown language, an empty or null name, and unknown fields, changing nothing', async () => {
    const res = await request(t.http)
      .patch('/api/v1/me')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ name: '', locale: 'fr', roles: ['admin'] });
    expectProblem(res, 400, 'invalid_request');
    expect(fieldsOf(res).sort()).toEqual(['locale', 'name', 'roles']);
    const nul = await request(t.http)
      .patch('/api/v1/me')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ name: null });
    expectProblem(nul, 400, 'invalid_request');
    const [row] = await t.db.query('SELECT name, roles FROM users WHERE id = $1', [user.id]);
    expect(row).toEqual({ name: 'Mei Chen', roles: ['family'] });
  });

  it('should need a signed-in caller', async () => {
    expectProblem(await request(t.http).patch('/api/v1/me').send({ name: 'X' }), 401, 'unauthenticated');
  });
});
