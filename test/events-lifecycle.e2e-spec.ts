import request from 'supertest';
import { createEvent, createPublishedEvent, setEventOrganizers } from './factories/events';
import { createProgram } from './factories/programs';
import { admin, bearer, family, organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb } from './utils/reset-db';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('events: change, publish, cancel, organizers', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    org = await organizer(t);
  });
  afterAll(async () => t.close());

  const patch = (u: TestUser | null, id: string, body: Record<string, unknown>) => {
    const req = request(t.http).patch(`/api/v1/events/${id}`);
    return u ? req.set(bearer(u)).send(body) : req.send(body);
  };
  const action = (u: TestUser | null, id: string, what: 'publish' | 'cancel') => {
    const req = request(t.http).post(`/api/v1/events/${id}/${what}`);
    return u ? req.set(bearer(u)) : req;
  };
  const row = async (id: string) =>
    (
      await t.db.query(
        'SELECT status, slug, title, capacity, change_version, venue, published_at, cancelled_at FROM events WHERE id = $1',
        [id],
      )
    )[0];
  /** Moves an event into the past, as if it had ended yesterday. */
  const endYesterday = (id: string) =>
    t.db.query(
      "UPDATE events SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1",
      [id],
    );

  describe('PATCH /events/:id', () => {
    it('should change the fields sent, keep the others and the slug, and clear nullable ones with null', async () => {
      const e = await createEvent(t, org, {
        title: 'Spring Fair',
        childAgeMin: 3,
        childAgeMax: 10,
        registrationClosesAt: '2099-01-01T00:00:00Z',
        startsAt: '2099-05-01T10:00:00Z',
        endsAt: '2099-05-01T14:00:00Z',
      });
      const res = await patch(org, e.id, {
        title: 'Spring Fair (moved indoors)',
        venue: 'Gym',
        capacity: 80,
        childAgeMin: null,
        registrationClosesAt: null,
        questions: [{ id: 'allergies', label: 'Allergies', type: 'textarea', required: false, maxLength: 1000 }],
        timezone: 'europe/london',
      }).expect(200);
      expect(res.body).toMatchObject({
        id: e.id,
        slug: 'spring-fair',
        title: 'Spring Fair (moved indoors)',
        venue: 'Gym',
        capacity: 80,
        seatsRemaining: 80,
        childAgeMin: null,
        childAgeMax: 10,
        registrationClosesAt: null,
        timezone: 'Europe/London',
        summary: e.summary,
        startsAt: '2099-05-01T10:00:00.000Z',
        status: 'draft',
        organizerIds: [org.id],
        questions: [{ id: 'allergies', label: 'Allergies', type: 'textarea', required: false, maxLength: 1000 }],
      });
      expect(await row(e.id)).toMatchObject({
        title: 'Spring Fair (moved indoors)',
        slug: 'spring-fair',
        capacity: 80,
        venue: 'Gym',
        change_version: 0,
      });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(e.updatedAt as string).getTime());
    });

    it('should change the slug to a free one and refuse a taken or malformed one', async () => {
      await createEvent(t, org, { slug: 'already-here' });
      const e = await createEvent(t, org, { slug: 'movable' });
      expect((await patch(org, e.id, { slug: 'moved' }).expect(200)).body.slug).toBe('moved');
      expect((await patch(org, e.id, { slug: 'moved' }).expect(200)).body.slug).toBe('moved');
      expect(expectProblem(await patch(org, e.id, { slug: 'already-here' }), 400, 'invalid_request').errors).toEqual([
        { field: 'slug', message: 'slug is already in use' },
      ]);
      expectProblem(await patch(org, e.id, { slug: 'Not OK' }), 400, 'invalid_request');
      expect((await row(e.id)).slug).toBe('moved');
      await request(t.http).get('/api/v1/events/movable').set(bearer(org)).expect(404);
    });

    it('should give a contested slug to one of two concurrent changes and refuse the other', async () => {
      const a = await createEvent(t, org);
      const b = await createEvent(t, org);
      const results = await Promise.all([a, b].map((e) => patch(org, e.id, { slug: 'contested' })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      const loser = results.find((r) => r.status === 400)!;
      expect(expectProblem(loser, 400, 'invalid_request').errors).toEqual([
        { field: 'slug', message: 'slug is already in use' },
      ]);
      const [{ n }] = await t.db.query("SELECT count(*)::int AS n FROM events WHERE slug = 'contested'");
      expect(n).toBe(1);
    });

    it('should check the cross-field rules against the merged event', async () => {
      const e = await createEvent(t, org, {
        format: 'in_person',
        startsAt: '2099-05-01T10:00:00Z',
        endsAt: '2099-05-01T14:00:00Z',
        childAgeMin: 5,
      });
      const cases: [Record<string, unknown>, string[]][] = [
        [{ endsAt: '2099-05-01T09:00:00Z' }, ['endsAt']],
        [{ startsAt: '2099-05-01T15:00:00+00:00' }, ['endsAt']],
        [{ registrationClosesAt: '2099-05-02T00:00:00Z' }, ['registrationClosesAt']],
        [{ registrationOpensAt: '2099-05-01T10:00:00Z' }, ['registrationOpensAt']],
        [{ venue: null }, ['venue']],
        [{ format: 'hybrid' }, ['onlineUrl']],
        [{ format: 'online', venue: null }, ['onlineUrl']],
        [{ childAgeMax: 4 }, ['childAgeMax']],
        [{ questions: [{ id: 'c', label: 'C', type: 'choice', required: true }] }, ['questions[0].options']],
        [{ endsAt: '2099-05-01T09:00:00Z', venue: null, childAgeMax: 1, title: '' }, ['title']],
        [{ endsAt: '2099-05-01T09:00:00Z', venue: null, childAgeMax: 1 }, ['childAgeMax', 'endsAt', 'venue']],
      ];
      for (const [body, fields] of cases) {
        const res = await patch(org, e.id, body);
        expectProblem(res, 400, 'invalid_request');
        expect({ body, fields: fieldsOf(res) }).toEqual({ body, fields });
      }
      // Online with a link is fine, and the venue may stay.
      await patch(org, e.id, { format: 'online', onlineUrl: 'https://x.org/now' }).expect(200);
    });

    it('should refuse null for fields that cannot be empty, and unknown or read-only fields', async () => {
      const e = await createEvent(t, org);
      for (const f of ['title', 'kind', 'format', 'timezone', 'startsAt', 'endsAt', 'capacity', 'slug', 'questions']) {
        const res = await patch(org, e.id, { [f]: null });
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual([f]);
      }
      for (const f of ['status', 'seatsTaken', 'waitlistCount', 'createdBy', 'id', 'changeVersion']) {
        const res = await patch(org, e.id, { [f]: 'x' });
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual([f]);
      }
      expect(await row(e.id)).toMatchObject({ status: 'draft', title: e.title });
    });

    it('should refuse to drop capacity below the seats taken with 409 capacity_below_taken', async () => {
      const e = await createPublishedEvent(t, org, { capacity: 10 });
      await t.db.query('UPDATE events SET seats_taken = 6 WHERE id = $1', [e.id]);
      expectProblem(await patch(org, e.id, { capacity: 5 }), 409, 'capacity_below_taken');
      expect((await row(e.id)).capacity).toBe(10);
      const ok = await patch(org, e.id, { capacity: 6 }).expect(200);
      expect(ok.body).toMatchObject({ capacity: 6, seatsTaken: 6, seatsRemaining: 0 });
    });

    it('should count a change of time or place of a published event in change_version, and nothing else', async () => {
      const draft = await createEvent(t, org);
      await patch(org, draft.id, { venue: 'Elsewhere' }).expect(200);
      expect((await row(draft.id)).change_version).toBe(0);

      const e = await createPublishedEvent(t, org, {
        format: 'hybrid',
        onlineUrl: 'https://x.org/a',
        startsAt: '2099-05-01T10:00:00Z',
        endsAt: '2099-05-01T14:00:00Z',
      });
      await patch(org, e.id, { title: 'New title', summary: 'New summary', capacity: 300 }).expect(200);
      // The same instant written in another offset is no change.
      await patch(org, e.id, { startsAt: '2099-05-01T18:00:00+08:00', venue: e.venue }).expect(200);
      expect((await row(e.id)).change_version).toBe(0);
      const changes: Record<string, unknown>[] = [
        { startsAt: '2099-05-01T09:00:00Z' },
        { endsAt: '2099-05-01T15:00:00Z' },
        { venue: 'Another Hall' },
        { onlineUrl: 'https://x.org/b' },
        { timezone: 'Europe/Paris' },
      ];
      for (const [i, body] of changes.entries()) {
        await patch(org, e.id, body).expect(200);
        expect((await row(e.id)).change_version).toBe(i + 1);
      }
    });

    it('should refuse any change to a cancelled or completed event with 409 invalid_transition', async () => {
      const cancelled = await createPublishedEvent(t, org);
      await action(org, cancelled.id, 'cancel').expect(200);
      expectProblem(await patch(org, cancelled.id, { title: 'Back on' }), 409, 'invalid_transition');
      const completed = await createPublishedEvent(t, org);
      await endYesterday(completed.id);
      expectProblem(await patch(org, completed.id, { title: 'Rewrite history' }), 409, 'invalid_transition');
      expect((await row(completed.id)).title).toBe(completed.title);
    });

    it('should let co-organizers and admins change it; others get 404 on a draft and 403 on a published event', async () => {
      const co = await organizer(t);
      const stranger = await organizer(t);
      const boss = await admin(t);
      const draft = await createEvent(t, org);
      const published = await createPublishedEvent(t, org);
      for (const e of [draft, published]) await setEventOrganizers(t, org, e.id, [co.id]);

      await patch(co, draft.id, { title: 'By the co-organizer' }).expect(200);
      await patch(boss, published.id, { title: 'By an admin' }).expect(200);
      expectProblem(await patch(stranger, draft.id, { title: 'Hijack' }), 404, 'not_found');
      expectProblem(await patch(stranger, published.id, { title: 'Hijack' }), 403, 'forbidden');
      expectProblem(await patch(await family(t), published.id, { title: 'Hijack' }), 403, 'forbidden');
      expectProblem(await patch(null, published.id, { title: 'Hijack' }), 401, 'unauthenticated');
      expect((await row(draft.id)).title).toBe('By the co-organizer');
      expect((await row(published.id)).title).toBe('By an admin');

      // A co-organizer who lost the organizer role may no longer act.
      await t.db.query("UPDATE users SET roles = '{family}' WHERE id = $1", [co.id]);
      expectProblem(await patch(co, draft.id, { title: 'Still me?' }), 403, 'forbidden');
    });

    it('should check a new programId like on create', async () => {
      const mine = await createProgram(t, org);
      const theirs = await createProgram(t, await organizer(t));
      const e = await createEvent(t, org);
      expect((await patch(org, e.id, { programId: mine.id }).expect(200)).body.programId).toBe(mine.id);
      expectProblem(await patch(org, e.id, { programId: theirs.id }), 403, 'forbidden');
      expect(expectProblem(await patch(org, e.id, { programId: NO_SUCH_ID }), 400, 'invalid_request').errors).toEqual([
        { field: 'programId', message: 'programId names no program' },
      ]);
      expect((await patch(org, e.id, { programId: null }).expect(200)).body.programId).toBeNull();
    });

    it('should answer 404 for an unknown or malformed id', async () => {
      expectProblem(await patch(org, NO_SUCH_ID, { title: 'x' }), 404, 'not_found');
      expectProblem(await patch(org, 'not-a-uuid', { title: 'x' }), 404, 'not_found');
      const e = await createPublishedEvent(t, org);
      expectProblem(await patch(org, e.slug, { title: 'x' }), 404, 'not_found');
    });
  });

  describe('POST /events/:id/publish', () => {
    it('should publish a draft, which then shows in the public list and to anyone', async () => {
      const e = await createEvent(t, org, { title: 'Going Public' });
      const res = await action(org, e.id, 'publish').expect(200);
      expect(res.body).toMatchObject({ id: e.id, status: 'published', publishedAt: expect.any(String) });
      expect(await row(e.id)).toMatchObject({ status: 'published', published_at: expect.any(Date) });
      await request(t.http).get(`/api/v1/events/${e.slug}`).expect(200);
      const list = await request(t.http).get('/api/v1/events?q=going%20public').expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([e.id]);
    });

    it('should publish only drafts: 409 invalid_transition otherwise', async () => {
      const e = await createPublishedEvent(t, org);
      expectProblem(await action(org, e.id, 'publish'), 409, 'invalid_transition');
      await action(org, e.id, 'cancel').expect(200);
      expectProblem(await action(org, e.id, 'publish'), 409, 'invalid_transition');
      expect((await row(e.id)).status).toBe('cancelled');
    });

    it('should check the whole event again, and refuse one that is already over', async () => {
      const over = await createEvent(t, org, {
        startsAt: '2001-01-01T10:00:00Z',
        endsAt: '2001-01-01T12:00:00Z',
      });
      expect(expectProblem(await action(org, over.id, 'publish'), 400, 'invalid_request').errors).toEqual([
        { field: 'endsAt', message: 'endsAt has passed; an event that is over cannot be published' },
      ]);
      // A row that breaks the rules (written before a rule existed) is caught too.
      const broken = await createEvent(t, org);
      await t.db.query("UPDATE events SET venue = NULL, timezone = 'Mars/Olympus' WHERE id = $1", [broken.id]);
      const res = await action(org, broken.id, 'publish');
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['timezone', 'venue']);
      expect((await row(broken.id)).status).toBe('draft');
    });

    it('should let co-organizers and admins publish; others get 404 on the draft, families 403', async () => {
      const co = await organizer(t);
      const a = await createEvent(t, org);
      const b = await createEvent(t, org);
      const c = await createEvent(t, org);
      await setEventOrganizers(t, org, a.id, [co.id]);
      await action(co, a.id, 'publish').expect(200);
      await action(await admin(t), b.id, 'publish').expect(200);
      expectProblem(await action(await organizer(t), c.id, 'publish'), 404, 'not_found');
      expectProblem(await action(await family(t), c.id, 'publish'), 403, 'forbidden');
      expectProblem(await action(null, c.id, 'publish'), 401, 'unauthenticated');
      expect((await row(c.id)).status).toBe('draft');
      expectProblem(await action(org, 'nope', 'publish'), 404, 'not_found');
      expectProblem(await action(org, NO_SUCH_ID, 'publish'), 404, 'not_found');
    });
  });

  describe('POST /events/:id/cancel', () => {
    it('should cancel a published event and a draft, once', async () => {
      for (const e of [await createPublishedEvent(t, org), await createEvent(t, org)]) {
        const res = await action(org, e.id, 'cancel').expect(200);
        expect(res.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
        expect(await row(e.id)).toMatchObject({ status: 'cancelled', cancelled_at: expect.any(Date) });
        expectProblem(await action(org, e.id, 'cancel'), 409, 'invalid_transition');
      }
    });

    it('should refuse to cancel a completed event', async () => {
      const e = await createPublishedEvent(t, org);
      await endYesterday(e.id);
      expectProblem(await action(org, e.id, 'cancel'), 409, 'invalid_transition');
      expect(await row(e.id)).toMatchObject({ status: 'published', cancelled_at: null });
    });

    it('should refuse other organizers (403 on a published event, 404 on a draft), families and anonymous callers', async () => {
      const published = await createPublishedEvent(t, org);
      const draft = await createEvent(t, org);
      const stranger = await organizer(t);
      expectProblem(await action(stranger, published.id, 'cancel'), 403, 'forbidden');
      expectProblem(await action(stranger, draft.id, 'cancel'), 404, 'not_found');
      expectProblem(await action(await family(t), published.id, 'cancel'), 403, 'forbidden');
      expectProblem(await action(null, published.id, 'cancel'), 401, 'unauthenticated');
      expect((await row(published.id)).status).toBe('published');
      expect((await row(draft.id)).status).toBe('draft');
      await action(await admin(t), published.id, 'cancel').expect(200);
    });
  });

  describe('PUT /events/:id/organizers', () => {
    const put = (u: TestUser | null, id: string, body: Record<string, unknown>) => {
      const req = request(t.http).put(`/api/v1/events/${id}/organizers`);
      return u ? req.set(bearer(u)).send(body) : req.send(body);
    };
    const coRows = async (id: string) =>
      (await t.db.query('SELECT user_id FROM event_organizers WHERE event_id = $1 ORDER BY user_id', [id])).map(
        (r: { user_id: string }) => r.user_id,
      );

    it('should let the creator replace the co-organizers, who then see and change the draft', async () => {
      const a = await organizer(t);
      const b = await organizer(t);
      const e = await createEvent(t, org);
      const res = await put(org, e.id, { userIds: [a.id, b.id, org.id] }).expect(200);
      expect(res.body.organizerIds).toEqual([org.id, a.id, b.id]);
      expect(await coRows(e.id)).toEqual([a.id, b.id].sort());
      await request(t.http).get(`/api/v1/events/${e.id}`).set(bearer(a)).expect(200);
      await patch(b, e.id, { summary: 'from b' }).expect(200);

      await put(org, e.id, { userIds: [b.id] }).expect(200);
      expect(await coRows(e.id)).toEqual([b.id]);
      expectProblem(await request(t.http).get(`/api/v1/events/${e.id}`).set(bearer(a)), 404, 'not_found');
      await put(org, e.id, { userIds: [] }).expect(200);
      expect(await coRows(e.id)).toEqual([]);
    });

    it('should let an admin change them, and refuse co-organizers and others', async () => {
      const co = await organizer(t);
      const stranger = await organizer(t);
      const draft = await createEvent(t, org);
      const published = await createPublishedEvent(t, org);
      for (const e of [draft, published]) await put(await admin(t), e.id, { userIds: [co.id] }).expect(200);
      expectProblem(await put(co, draft.id, { userIds: [co.id, stranger.id] }), 403, 'forbidden');
      expectProblem(await put(stranger, draft.id, { userIds: [stranger.id] }), 404, 'not_found');
      expectProblem(await put(stranger, published.id, { userIds: [stranger.id] }), 403, 'forbidden');
      expectProblem(await put(await family(t), published.id, { userIds: [] }), 403, 'forbidden');
      expectProblem(await put(null, published.id, { userIds: [] }), 401, 'unauthenticated');
      expect(await coRows(draft.id)).toEqual([co.id]);
      expect(await coRows(published.id)).toEqual([co.id]);
    });

    it('should name each userIds entry that is not an existing organizer', async () => {
      const ok = await organizer(t);
      const fam = await family(t);
      const e = await createEvent(t, org);
      const res = await put(org, e.id, { userIds: [fam.id, ok.id, NO_SUCH_ID, 'x'] });
      expect(expectProblem(res, 400, 'invalid_request').errors).toEqual([
        { field: 'userIds[0]', message: 'userIds[0] names a user without the organizer role' },
        { field: 'userIds[2]', message: 'userIds[2] names no user' },
        { field: 'userIds[3]', message: 'userIds[3] must be a uuid' },
      ]);
      expect(await coRows(e.id)).toEqual([]);
      for (const body of [
        { userIds: [ok.id, ok.id.toUpperCase()] },
        { userIds: null },
        {},
        { userIds: [ok.id], more: 1 },
      ]) {
        expectProblem(await put(org, e.id, body), 400, 'invalid_request');
      }
    });

    it('should work on cancelled and completed events too', async () => {
      const co = await organizer(t);
      const e = await createPublishedEvent(t, org);
      await endYesterday(e.id);
      await put(org, e.id, { userIds: [co.id] }).expect(200);
      expect(await coRows(e.id)).toEqual([co.id]);
    });

    it('should answer 404 for an unknown or malformed id', async () => {
      expectProblem(await put(org, NO_SUCH_ID, { userIds: [] }), 404, 'not_found');
      expectProblem(await put(org, 'abc', { userIds: [] }), 404, 'not_found');
    });
  });
});
