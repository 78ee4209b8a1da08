import request from 'supertest';
import { createEvent, createPublishedEvent, daysFromNow, setEventOrganizers } from './factories/events';
import { admin, bearer, family, organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

/** Its own file: an admin's list is every event, so no other test's events may be in the tables. */
describe('GET /events?mine=true (the console’s list)', () => {
  let t: TestApp;
  let owner: TestUser;
  let helper: TestUser;
  let stranger: TestUser;
  const titles = (res: request.Response) => res.body.items.map((e: { title: string }) => e.title);

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    [owner, helper, stranger] = await Promise.all([organizer(t), organizer(t), organizer(t)]);
    const at = (days: number) => ({ startsAt: daysFromNow(days), endsAt: daysFromNow(days, 3) });
    await createPublishedEvent(t, owner, { title: 'Later Picnic', ...at(40) });
    await createEvent(t, owner, { title: 'Draft Workshop', ...at(20) });
    const cancelled = await createPublishedEvent(t, owner, { title: 'Cancelled Fair', ...at(30) });
    await request(t.http).post(`/api/v1/events/${cancelled.id}/cancel`).set(bearer(owner)).expect(200);
    const oldest = await createPublishedEvent(t, owner, { title: 'Old Gala', ...at(10) });
    const recent = await createPublishedEvent(t, owner, { title: 'Recent Quiz', ...at(11) });
    await t.db.query(
      "UPDATE events SET starts_at = now() - interval '60 days', ends_at = now() - interval '59 days' WHERE id = $1",
      [oldest.id],
    );
    await t.db.query(
      "UPDATE events SET starts_at = now() - interval '5 days', ends_at = now() - interval '4 days' WHERE id = $1",
      [recent.id],
    );
    const shared = await createPublishedEvent(t, stranger, { title: 'Shared Concert', ...at(25) });
    await setEventOrganizers(t, stranger, shared.id, [helper.id]);
    await createPublishedEvent(t, stranger, { title: 'Stranger Market', ...at(5) });
  });
  afterAll(async () => t.close());

  it('should list an organizer’s own events in every status, upcoming first by start, then past ones latest first', async () => {
    const res = await request(t.http).get('/api/v1/events?mine=true').set(bearer(owner)).expect(200);
    expect(titles(res)).toEqual(['Draft Workshop', 'Cancelled Fair', 'Later Picnic', 'Recent Quiz', 'Old Gala']);
    expect(res.body).toMatchObject({ total: 5, page: 1, limit: 20 });
    expect(res.body.items.map((e: { status: string }) => e.status)).toEqual([
      'draft',
      'cancelled',
      'published',
      'completed',
      'completed',
    ]);
    expect(res.body.items[2]).toMatchObject({ capacity: 100, seatsTaken: 0, organizerIds: [owner.id] });
  });

  it('should page the list and keep the public filters', async () => {
    const second = await request(t.http).get('/api/v1/events?mine=true&limit=2&page=2').set(bearer(owner)).expect(200);
    expect(titles(second)).toEqual(['Later Picnic', 'Recent Quiz']);
    expect(second.body.total).toBe(5);
    const found = await request(t.http).get('/api/v1/events?mine=true&q=quiz').set(bearer(owner)).expect(200);
    expect(titles(found)).toEqual(['Recent Quiz']);
  });

  it('should give a co-organizer the events they were added to, and an admin every event', async () => {
    const co = await request(t.http).get('/api/v1/events?mine=true').set(bearer(helper)).expect(200);
    expect(titles(co)).toEqual(['Shared Concert']);
    const all = await request(t.http)
      .get('/api/v1/events?mine=true')
      .set(bearer(await admin(t)))
      .expect(200);
    expect(all.body.total).toBe(7);
    expect(titles(all).slice(0, 2)).toEqual(['Stranger Market', 'Draft Workshop']);
  });

  it('should leave the public list as it was with mine=false', async () => {
    const res = await request(t.http).get('/api/v1/events?mine=false').set(bearer(owner)).expect(200);
    expect(titles(res)).toEqual(['Old Gala', 'Recent Quiz', 'Stranger Market', 'Shared Concert', 'Later Picnic']);
  });

  it('should refuse a visitor (401), a family (403) and a bad value (400)', async () => {
    expectProblem(await request(t.http).get('/api/v1/events?mine=true'), 401, 'unauthenticated');
    expectProblem(
      await request(t.http)
        .get('/api/v1/events?mine=true')
        .set(bearer(await family(t))),
      403,
      'forbidden',
    );
    expectProblem(await request(t.http).get('/api/v1/events?mine=yes').set(bearer(owner)), 400, 'invalid_request');
  });
});
