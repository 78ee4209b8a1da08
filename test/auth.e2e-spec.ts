import request from 'supertest';
import { createPublishedEvent, eventBody } from './factories/events';
import { register } from './factories/registrations';
import { bearer, createUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb, resetRateLimits } from './utils/reset-db';
import { REDIS } from '../src/redis/redis.module';

describe('accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '60' });
    await resetDb(t.db);
  });
  beforeEach(async () => resetRateLimits(t.app.get(REDIS)));
  afterAll(async () => t.close());

  describe('POST /auth/signup', () => {
    it('should create a family account and answer a token that works', async () => {
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email: 'Mei.Chen@Example.org', password: 'correct horse battery', name: 'Mei Chen', locale: 'zh-CN' })
        .expect(201);
      expect(res.body).toEqual({
        user: {
          id: expect.any(String),
          email: 'mei.chen@example.org',
          name: 'Mei Chen',
          roles: ['family'],
          locale: 'zh-CN',
          createdAt: expect.any(String),
        },
        accessToken: expect.any(String),
      });
      const me = await request(t.http)
        .get('/api/v1/me')
        .set(bearer({ token: res.body.accessToken }))
        .expect(200);
      expect(me.body.email).toBe('mei.chen@example.org');
      const [row] = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [res.body.user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('should refuse an email that differs only in case with 409 email_taken', async () => {
      await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email: 'dup@example.org', password: 'password 123', name: 'A' })
        .expect(201);
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email: 'DUP@example.ORG', password: 'password 123', name: 'B' });
      expectProblem(res, 409, 'email_taken');
      const [{ n }] = await t.db.query("SELECT count(*)::int AS n FROM users WHERE email = 'dup@example.org'");
      expect(n).toBe(1);
    });

    it('should list every bad field at once', async () => {
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email: 'not-an-email', password: 'short', name: '', locale: 'fr', extra: 1 });
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['email', 'extra', 'locale', 'name', 'password']);
    });

    it('should refuse fields over their maximum length', async () => {
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email: 'long@example.org', password: 'x'.repeat(201), name: 'n'.repeat(201) });
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['name', 'password']);
    });

    it('should say a missing field is required', async () => {
      const res = await request(t.http).post('/api/v1/auth/signup').send({ email: 'x@example.org', name: 'X' });
      expect(expectProblem(res, 400, 'invalid_request').errors).toEqual([
        { field: 'password', message: 'password is required' },
      ]);
    });

    it('should refuse a JSON body that is not an object', async () => {
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .set('Content-Type', 'application/json')
        .send('[1,2]');
      expectProblem(res, 400, 'invalid_request');
    });
  });

  describe('POST /auth/login', () => {
    it('should log in with any case of the email', async () => {
      const u = await createUser(t, ['family'], { email: 'login@example.org' });
      const res = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: 'LOGIN@example.org', password: u.password })
        .expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        user: expect.objectContaining({ id: u.id, email: 'login@example.org' }),
      });
    });

    it('should answer 401 for a wrong password and for an unknown email alike', async () => {
      const u = await createUser(t);
      const wrong = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: 'not the password' });
      const unknown = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@example.org', password: 'whatever 123' });
      expect(expectProblem(wrong, 401, 'unauthenticated').detail).toBe(
        expectProblem(unknown, 401, 'unauthenticated').detail,
      );
    });

    it('should answer 429 after repeated failures for one email, counted across api processes', async () => {
      const u = await createUser(t);
      const other = await createApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '60' });
      try {
        for (let i = 0; i < 3; i++) {
          const server = i % 2 ? other.http : t.http;
          expectProblem(
            await request(server).post('/api/v1/auth/login').send({ email: u.email, password: 'wrong password' }),
            401,
            'unauthenticated',
          );
        }
        // Even the right password is refused now, on either process.
        const res = await request(other.http)
          .post('/api/v1/auth/login')
          .send({ email: u.email.toUpperCase(), password: u.password });
        expectProblem(res, 429, 'rate_limited');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expectProblem(
          await request(t.http).post('/api/v1/auth/login').send({ email: u.email, password: u.password }),
          429,
          'rate_limited',
        );
        // Another email is not affected.
        const v = await createUser(t);
        await request(t.http).post('/api/v1/auth/login').send({ email: v.email, password: v.password }).expect(200);
      } finally {
        await other.close();
      }
    });

    it('should refuse a malformed login body', async () => {
      expectProblem(await request(t.http).post('/api/v1/auth/login').send({ email: 42 }), 400, 'invalid_request');
    });
  });

  describe('GET /me', () => {
    it('should answer 401 without a token, with a bad token and with a malformed header', async () => {
      expectProblem(await request(t.http).get('/api/v1/me'), 401, 'unauthenticated');
      expectProblem(
        await request(t.http).get('/api/v1/me').set('Authorization', 'Bearer not.a.jwt'),
        401,
        'unauthenticated',
      );
      expectProblem(await request(t.http).get('/api/v1/me').set('Authorization', 'Basic abc'), 401, 'unauthenticated');
    });

    it('should refuse a token once its user is gone', async () => {
      const u = await createUser(t);
      await t.db.query('DELETE FROM users WHERE id = $1', [u.id]);
      expectProblem(await request(t.http).get('/api/v1/me').set(bearer(u)), 401, 'unauthenticated');
    });
  });

  describe('GET /users and PUT /users/:id/roles', () => {
    it('should list users for admins only, paginated', async () => {
      const admin = await createUser(t, ['admin']);
      const fam = await createUser(t);
      expectProblem(await request(t.http).get('/api/v1/users').set(bearer(fam)), 403, 'forbidden');
      expectProblem(await request(t.http).get('/api/v1/users'), 401, 'unauthenticated');
      const res = await request(t.http).get('/api/v1/users?page=1&limit=2').set(bearer(admin)).expect(200);
      expect(res.body).toMatchObject({ page: 1, limit: 2, total: expect.any(Number) });
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0]).not.toHaveProperty('passwordHash');
      const found = await request(t.http)
        .get(`/api/v1/users?q=${encodeURIComponent(fam.email)}`)
        .set(bearer(admin))
        .expect(200);
      expect(found.body.items.map((x: { id: string }) => x.id)).toEqual([fam.id]);
    });

    it('should refuse pages out of bounds', async () => {
      const admin = await createUser(t, ['admin']);
      for (const q of ['page=0', 'limit=0', 'limit=101', 'page=abc', 'limit=1.5', 'role=king']) {
        expectProblem(await request(t.http).get(`/api/v1/users?${q}`).set(bearer(admin)), 400, 'invalid_request');
      }
    });

    it('should let an admin grant roles, which take effect on the next request', async () => {
      const admin = await createUser(t, ['admin']);
      const u = await createUser(t);
      const res = await request(t.http)
        .put(`/api/v1/users/${u.id}/roles`)
        .set(bearer(admin))
        .send({ roles: ['organizer'] })
        .expect(200);
      expect(res.body.roles.sort()).toEqual(['family', 'organizer']);
      const me = await request(t.http).get('/api/v1/me').set(bearer(u)).expect(200);
      expect(me.body.roles.sort()).toEqual(['family', 'organizer']);
    });

    it('should apply a removed role at once, to the token already held, on every endpoint that needs it', async () => {
      const admin = await createUser(t, ['admin']);
      const u = await createUser(t, ['organizer', 'sponsor']);
      const other = await createUser(t, ['admin']);
      // Each role works (and anything a process might remember about these callers is fresh).
      const own = await createPublishedEvent(t, u, { capacity: 5 });
      const family = await register(t, own.id, {
        attendees: [{ name: 'Kid', category: 'child', birthDate: '2018-06-01' }],
      });
      await request(t.http).get(`/api/v1/registrations/${family.id}`).set(bearer(u)).expect(200);
      await request(t.http).get(`/api/v1/events/${own.id}/registrations`).set(bearer(u)).expect(200);
      await request(t.http).get('/api/v1/me/sponsorships').set(bearer(u)).expect(200);
      await request(t.http).get('/api/v1/users').set(bearer(other)).expect(200);

      await request(t.http)
        .put(`/api/v1/users/${u.id}/roles`)
        .set(bearer(admin))
        .send({ roles: ['family'] })
        .expect(200);
      await request(t.http)
        .put(`/api/v1/users/${other.id}/roles`)
        .set(bearer(admin))
        .send({ roles: ['family'] })
        .expect(200);

      // Still signed in, with the same token, but no longer an organizer, a sponsor or an admin.
      const me = await request(t.http).get('/api/v1/me').set(bearer(u)).expect(200);
      expect(me.body.roles).toEqual(['family']);
      expectProblem(await request(t.http).post('/api/v1/events').set(bearer(u)).send(eventBody()), 403, 'forbidden');
      expectProblem(
        await request(t.http).patch(`/api/v1/events/${own.id}`).set(bearer(u)).send({ title: 'Taken over' }),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http).get(`/api/v1/events/${own.id}/registrations`).set(bearer(u)),
        403,
        'forbidden',
      );
      // Her former event's families are no longer hers to see.
      expectProblem(await request(t.http).get(`/api/v1/registrations/${family.id}`).set(bearer(u)), 404, 'not_found');
      expectProblem(await request(t.http).get('/api/v1/me/sponsorships').set(bearer(u)), 403, 'forbidden');
      expectProblem(await request(t.http).get('/api/v1/users').set(bearer(other)), 403, 'forbidden');
      expectProblem(
        await request(t.http)
          .put(`/api/v1/users/${u.id}/roles`)
          .set(bearer(other))
          .send({ roles: ['admin'] }),
        403,
        'forbidden',
      );
      // Nothing was changed by the refused calls.
      const [event] = await t.db.query('SELECT title FROM events WHERE id = $1', [own.id]);
      expect(event.title).toBe(own.title);
      const [{ events }] = await t.db.query('SELECT count(*)::int AS events FROM events WHERE created_by = $1', [u.id]);
      expect(events).toBe(1);
      const [row] = await t.db.query('SELECT roles FROM users WHERE id = $1', [u.id]);
      expect(row.roles).toEqual(['family']);
    });

    it('should refuse bad roles, unknown users, non-admins and an admin demoting themselves', async () => {
      const admin = await createUser(t, ['admin']);
      const u = await createUser(t);
      expectProblem(
        await request(t.http)
          .put(`/api/v1/users/${u.id}/roles`)
          .set(bearer(admin))
          .send({ roles: ['king'] }),
        400,
        'invalid_request',
      );
      expectProblem(
        await request(t.http).put(`/api/v1/users/${u.id}/roles`).set(bearer(admin)).send({ roles: [] }),
        400,
        'invalid_request',
      );
      expectProblem(
        await request(t.http)
          .put(`/api/v1/users/${u.id}/roles`)
          .set(bearer(u))
          .send({ roles: ['admin'] }),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http)
          .put('/api/v1/users/00000000-0000-4000-8000-000000000000/roles')
          .set(bearer(admin))
          .send({ roles: ['family'] }),
        404,
        'not_found',
      );
      expectProblem(
        await request(t.http)
          .put('/api/v1/users/not-a-uuid/roles')
          .set(bearer(admin))
          .send({ roles: ['family'] }),
        404,
        'not_found',
      );
      expectProblem(
        await request(t.http)
          .put(`/api/v1/users/${admin.id}/roles`)
          .set(bearer(admin))
          .send({ roles: ['family'] }),
        403,
        'forbidden',
      );
      const [row] = await t.db.query('SELECT roles FROM users WHERE id = $1', [admin.id]);
      expect(row.roles).toContain('admin');
    });
  });

  describe('admin from the environment', () => {
    it('should ensure the admin named by ADMIN_EMAIL at startup, and log in with ADMIN_PASSWORD', async () => {
      const app = await createApp({ ADMIN_EMAIL: 'Boss@Kinship.test', ADMIN_PASSWORD: 'admin password 1' });
      try {
        const res = await request(app.http)
          .post('/api/v1/auth/login')
          .send({ email: 'boss@kinship.test', password: 'admin password 1' })
          .expect(200);
        expect(res.body.user.roles).toContain('admin');
        await request(app.http)
          .get('/api/v1/users')
          .set(bearer({ token: res.body.accessToken }))
          .expect(200);
      } finally {
        await app.close();
      }
      // A second start does not duplicate it.
      const again = await createApp({ ADMIN_EMAIL: 'boss@kinship.test', ADMIN_PASSWORD: 'admin password 1' });
      await again.close();
      const [{ n }] = await t.db.query("SELECT count(*)::int AS n FROM users WHERE email = 'boss@kinship.test'");
      expect(n).toBe(1);
    });
  });
});
