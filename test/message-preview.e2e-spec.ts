import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createEvent, createPublishedEvent, TestEvent } from './factories/events';
import { register } from './factories/registrations';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb, resetQueues } from './utils/reset-db';

describe('POST /events/:id/messages/preview', () => {
  let t: TestApp;
  let organizer: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let family: TestUser;
  let event: TestEvent;

  const preview = (eventId: string, who: TestUser | null, body: unknown) => {
    const req = request(t.http).post(`/api/v1/events/${eventId}/messages/preview`);
    return (who ? req.set(bearer(who)) : req).send(body as object);
  };
  const notifications = async (): Promise<number> => {
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM notifications');
    return n;
  };

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    organizer = await createUser(t, ['organizer'], { name: 'Maya Gurung' });
    other = await createUser(t, ['organizer']);
    admin = await createUser(t, ['admin']);
    family = await createUser(t, ['family']);
    event = await createPublishedEvent(t, organizer, {
      title: 'Lantern Walk',
      translations: { 'zh-CN': { title: '灯笼漫步' }, ne: { title: 'लालटिन यात्रा' } },
    });
    await register(t, event.id, { locale: 'zh-CN' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should render the message in every language, as the mail would read, and queue nothing', async () => {
    const before = await notifications();
    const res = await preview(event.id, organizer, {
      subject: '  Parking on the day ',
      body: 'Use the car park behind the hall.\nDoors open at 9.',
    }).expect(200);
    expect(res.body.items.map((i: { locale: string }) => i.locale)).toEqual(['en', 'zh-CN', 'ne']);
    const [en, zh, ne] = res.body.items;
    expect(en.subject).toBe('[Lantern Walk] Parking on the day');
    expect(en.text).toContain('Hello [family’s name],');
    expect(en.text).toContain('Maya Gurung, organizer of Lantern Walk');
    expect(en.text).toContain('Use the car park behind the hall.\nDoors open at 9.');
    expect(zh.subject).toBe('【灯笼漫步】组织者消息：Parking on the day');
    expect(zh.text).toContain('Use the car park behind the hall.');
    expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
    expect(ne.subject).toBe('[लालटिन यात्रा] आयोजकको सन्देश: Parking on the day');
    expect(ne.text).toMatch(/[\u0900-\u097f]/);
    expect(await notifications()).toBe(before);
  });

  it('should preview a draft too (nothing is sent from a preview)', async () => {
    const draft = await createEvent(t, organizer, { title: 'Spring Quiz' });
    const res = await preview(draft.id, organizer, { subject: 's', body: 'b' }).expect(200);
    expect(res.body.items[0].subject).toBe('[Spring Quiz] s');
  });

  it('should let an admin preview any event', async () => {
    await preview(event.id, admin, { subject: 's', body: 'b' }).expect(200);
  });

  it("should refuse another organizer's event as the other organizer endpoints do (403 published, 404 draft)", async () => {
    expectProblem(await preview(event.id, other, { subject: 's', body: 'b' }), 403, 'forbidden');
    const draft = await createEvent(t, organizer);
    expectProblem(await preview(draft.id, other, { subject: 's', body: 'b' }), 404, 'not_found');
  });

  it('should refuse a family (403), a visitor (401), an unknown event and a malformed id (404)', async () => {
    expectProblem(await preview(event.id, family, { subject: 's', body: 'b' }), 403, 'forbidden');
    expectProblem(await preview(event.id, null, { subject: 's', body: 'b' }), 401, 'unauthenticated');
    expectProblem(
      await preview('00000000-0000-4000-8000-000000000000', organizer, { subject: 's', body: 'b' }),
      404,
      'not_found',
    );
    expectProblem(await preview('not-a-uuid', organizer, { subject: 's', body: 'b' }), 404, 'not_found');
  });

  it.each([
    ['a subject over 200 characters', { subject: 'x'.repeat(201), body: 'b' }, ['subject']],
    ['a body over 10,000 characters', { subject: 's', body: 'x'.repeat(10_001) }, ['body']],
    ['a blank subject', { subject: '  ', body: 'b' }, ['subject']],
    ['no body', { subject: 's' }, ['body']],
    ['an unknown field', { subject: 's', body: 'b', to: 'everyone' }, ['to']],
  ])('should refuse %s (400 problem+json) and queue nothing', async (_label, body, fields) => {
    const before = await notifications();
    const res = await preview(event.id, organizer, body);
    expectProblem(res, 400, 'invalid_request');
    expect(fieldsOf(res)).toEqual(fields);
    expect(await notifications()).toBe(before);
  });

  it('should refuse a body that is not JSON (415)', async () => {
    const res = await request(t.http)
      .post(`/api/v1/events/${event.id}/messages/preview`)
      .set(bearer(organizer))
      .set('Content-Type', 'text/plain')
      .send('hello');
    expectProblem(res, 415, 'unsupported_media_type');
  });
});
