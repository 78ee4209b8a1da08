import request from 'supertest';
import { createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { resetDb } from './utils/reset-db';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";
/** Swagger UI styles with inline <style>: allowed there, and only there. */
const CSP_INLINE_STYLES = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const directives = (policy: string | undefined) => (policy ?? '').split(';').map((d) => d.trim());

describe('security headers on every answer', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    admin = await createUser(t, ['admin']);
  });
  afterAll(async () => t.close());

  const basic = () => `Basic ${Buffer.from(`${admin.email}:${admin.password}`).toString('base64')}`;
  const answers: [string, () => request.Test, number, string][] = [
    ['the API', () => request(t.http).get('/api/v1/events'), 200, CSP],
    ['an API error', () => request(t.http).get('/api/v1/no-such-thing'), 404, CSP],
    ['a refused body', () => request(t.http).post('/api/v1/auth/login').send({ email: 1 }), 400, CSP],
    ['a page outside the API', () => request(t.http).get('/nothing-here'), 404, CSP],
    ['liveness', () => request(t.http).get('/health/live'), 200, CSP],
    ['readiness', () => request(t.http).get('/health/ready'), 200, CSP],
    ['the OpenAPI document', () => request(t.http).get('/docs-json'), 200, CSP],
    ['Swagger UI', () => request(t.http).get('/docs'), 200, CSP_INLINE_STYLES],
    ['a Swagger UI asset', () => request(t.http).get('/docs/swagger-ui-init.js'), 200, CSP_INLINE_STYLES],
    ['the queue dashboard, signed out', () => request(t.http).get('/admin/queues'), 401, CSP],
    ['the queue dashboard', () => request(t.http).get('/admin/queues').set('Authorization', basic()), 200, CSP],
  ];

  it.each(answers)('should send them on %s', async (_name, send, status, csp) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(directives(res.headers['content-security-policy'])).toEqual(directives(csp));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    // PUBLIC_URL is http here: no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('should add HSTS when PUBLIC_URL is https', async () => {
    const https = await createApp({ PUBLIC_URL: 'https://kinship.example.org' });
    try {
      for (const path of ['/api/v1/events', '/health/live', '/docs']) {
        const res = await request(https.http).get(path).expect(200);
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    } finally {
      await https.close();
    }
  });
});
