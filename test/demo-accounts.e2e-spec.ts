import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { hashPassword } from '../src/auth/passwords';
import { DEMO_PASSWORD } from '../src/config/known-secrets';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

/**
 * In production the demo password opens nothing: a database seeded for a demo (or an account
 * given that password by hand) cannot be logged into, nor can an account be given it.
 */
describe('demo accounts in production', () => {
  let t: TestApp;
  const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

  beforeAll(async () => {
    t = await createApp({
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      JWT_SECRET: randomBytes(24).toString('hex'),
    });
    await resetDb(t.db);
    // As `npm run seed` leaves them.
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.db.query(
      `INSERT INTO users (email, name, password_hash, roles, locale) VALUES
         ('admin@kinship.local', 'Administrator', $1, '{family,admin}', 'en'),
         ('family@kinship.local', 'Mei Chen', $1, '{family}', 'en')`,
      [hash],
    );
  });
  afterAll(async () => t.close());

  it('should refuse a login with the demo password, as wrong credentials', async () => {
    for (const email of ['admin@kinship.local', 'family@kinship.local']) {
      expectProblem(
        await request(t.http).post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }),
        401,
        'unauthenticated',
      );
    }
    expectProblem(
      await request(t.http).get('/admin/queues').set('Authorization', basic('admin@kinship.local', DEMO_PASSWORD)),
      401,
      'unauthenticated',
    );
  });

  it('should let no account take the demo password', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/signup')
      .send({ email: 'newcomer@example.org', password: DEMO_PASSWORD, name: 'New Comer' });
    expect(expectProblem(res, 400, 'invalid_request').errors).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(await t.db.query("SELECT 1 FROM users WHERE email = 'newcomer@example.org'")).toHaveLength(0);
  });

  it('should still let the account in once its password is changed', async () => {
    await t.db.query("UPDATE users SET password_hash = $1 WHERE email = 'family@kinship.local'", [
      await hashPassword('a password of her own'),
    ]);
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'family@kinship.local', password: 'a password of her own' })
      .expect(200);
  });
});
