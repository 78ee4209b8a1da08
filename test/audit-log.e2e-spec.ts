import request from 'supertest';
import { bearer, createUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { captureLogs } from './utils/log-capture';
import { resetDb } from './utils/reset-db';

describe('the log as an audit trail', () => {
  let t: TestApp;
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    logs = captureLogs();
    t = await createApp({ LOG_LEVEL: 'info' });
    await resetDb(t.db);
  });
  afterAll(async () => {
    logs.stop();
    await t.close();
  });

  it('should log every role change with the actor, the target and the roles before and after, ids only', async () => {
    const admin = await createUser(t, ['admin']);
    const u = await createUser(t, ['family'], { name: 'Private Person Name' });
    await request(t.http)
      .put(`/api/v1/users/${u.id}/roles`)
      .set(bearer(admin))
      .set('X-Request-Id', 'roles-change-1')
      .send({ roles: ['organizer', 'sponsor'] })
      .expect(200);
    const lines = logs.lines().filter((l) => l.msg === 'roles changed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      actorId: admin.id,
      targetId: u.id,
      from: ['family'],
      to: expect.arrayContaining(['family', 'organizer', 'sponsor']),
      req: { id: 'roles-change-1' },
    });
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain(u.email);
    expect(text).not.toContain('Private Person Name');
    expect(text).not.toContain(admin.email);
  });

  it('should name the signed-in caller on the request line, and nobody for an anonymous one', async () => {
    const u = await createUser(t);
    await request(t.http).get('/api/v1/me').set(bearer(u)).set('X-Request-Id', 'who-is-it-1').expect(200);
    await request(t.http).get('/api/v1/events').set('X-Request-Id', 'who-is-it-2').expect(200);
    const line = (id: string) => logs.lines().find((l) => l.req?.id === id && l.res?.statusCode);
    expect(line('who-is-it-1')).toMatchObject({ userId: u.id, res: { statusCode: 200 } });
    expect(line('who-is-it-2')).toBeDefined();
    expect(line('who-is-it-2')!.userId).toBeUndefined();
  });
});
