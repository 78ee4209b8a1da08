import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent } from './factories/events';
import { organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb, resetRateLimits } from './utils/reset-db';

/**
 * One client address may register for one event at most REGISTRATIONS_PER_ADDRESS_PER_EVENT_PER_HOUR
 * times an hour, whatever the per-minute limit allows: nobody fills an event from one address by
 * pacing the requests. Addresses come from X-Forwarded-For, which the api believes from loopback.
 */
describe('registrations per address and event', () => {
  let t: TestApp;
  let org: TestUser;
  let n = 0;

  const attempt = (eventId: string, from: string) => {
    n += 1;
    return request(t.http)
      .post(`/api/v1/events/${eventId}/registrations`)
      .set('X-Forwarded-For', from)
      .send({
        contact: { name: `Family ${n}`, email: `limit-family-${n}@example.org` },
        attendees: [{ name: `Parent ${n}`, category: 'adult' }],
        consents: { dataProcessing: true },
      });
  };
  const countOf = async (eventId: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM registrations WHERE event_id = $1`, [eventId]))[0].n);

  beforeAll(async () => {
    t = await createApp({
      REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '1000',
      REGISTRATIONS_PER_ADDRESS_PER_EVENT_PER_HOUR: '4',
    });
    await resetDb(t.db);
    org = await organizer(t);
  });
  beforeEach(async () => resetRateLimits(t.app.get(REDIS)));
  afterAll(async () => t.close());

  it('should refuse the fifth registration for one event from one address, in parallel too, and store none past it', async () => {
    const event = await createPublishedEvent(t, org, { capacity: 50 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => attempt(event.id, '203.0.113.7')));
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 429);
    expect(created).toHaveLength(4);
    expect(refused).toHaveLength(8);
    for (const res of refused) {
      expectProblem(res, 429, 'rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await countOf(event.id)).toBe(4);
  });

  it('should leave the same address free to register for another event, and other addresses for this one', async () => {
    const full = await createPublishedEvent(t, org, { capacity: 50 });
    const other = await createPublishedEvent(t, org, { capacity: 50 });
    for (let i = 0; i < 4; i += 1) expect((await attempt(full.id, '203.0.113.8')).status).toBe(201);
    expect((await attempt(full.id, '203.0.113.8')).status).toBe(429);

    expect((await attempt(other.id, '203.0.113.8')).status).toBe(201);
    expect((await attempt(full.id, '198.51.100.9')).status).toBe(201);
    expect(await countOf(full.id)).toBe(5);
    expect(await countOf(other.id)).toBe(1);
  });
});
