import request from 'supertest';
import { createEvent, createPublishedEvent, eventBody, setEventOrganizers } from './factories/events';
import { createProgram, setProgramOrganizers } from './factories/programs';
import { admin, bearer, family, organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb } from './utils/reset-db';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('events: create, read, list', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    org = await organizer(t);
  });
  afterAll(async () => t.close());

  const post = (u: TestUser | null, body: Record<string, unknown>) => {
    const req = request(t.http).post('/api/v1/events');
    return u ? req.set(bearer(u)).send(body) : req.send(body);
  };

  describe('POST /events', () => {
    it('should create a draft with every field, answered in full to its organizer', async () => {
      const program = await createProgram(t, org);
      const body = {
        title: 'International Day of Families 2027',
        summary: 'A day for every family',
        description: 'Games, food, music and a family photo booth.',
        kind: 'celebration',
        format: 'hybrid',
        venue: 'Community Hall',
        onlineUrl: 'https://meet.example.org/idf-2027',
        timezone: 'asia/shanghai',
        startsAt: '2099-05-15T10:00:00+08:00',
        endsAt: '2099-05-15T16:00:00+08:00',
        registrationOpensAt: '2099-04-01T09:00:00+08:00',
        registrationClosesAt: '2099-05-14T23:59:59.500+08:00',
        capacity: 120,
        waitlistEnabled: false,
        maxPartySize: 8,
        childAgeMin: 3,
        childAgeMax: 12,
        programId: program.id,
        questions: [
          { id: 'dietary', label: 'Dietary needs?', type: 'text', required: false, maxLength: 200 },
          { id: 'shirt_size', label: 'T-shirt size', type: 'choice', required: true, options: ['S', 'M', 'L'] },
          { id: 'photos-ok', label: 'Photos OK?', type: 'boolean', required: true },
        ],
      };
      const res = await post(org, body).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        slug: 'international-day-of-families-2027',
        title: 'International Day of Families 2027',
        summary: 'A day for every family',
        description: 'Games, food, music and a family photo booth.',
        locale: 'en',
        availableLocales: ['en'],
        contentLocale: 'en',
        kind: 'celebration',
        format: 'hybrid',
        venue: 'Community Hall',
        onlineUrl: 'https://meet.example.org/idf-2027',
        timezone: 'Asia/Shanghai',
        startsAt: '2099-05-15T02:00:00.000Z',
        endsAt: '2099-05-15T08:00:00.000Z',
        registrationOpensAt: '2099-04-01T01:00:00.000Z',
        registrationClosesAt: '2099-05-14T15:59:59.500Z',
        capacity: 120,
        seatsTaken: 0,
        seatsRemaining: 120,
        waitlistCount: 0,
        waitlistEnabled: false,
        maxPartySize: 8,
        childAgeMin: 3,
        childAgeMax: 12,
        programId: program.id,
        questions: body.questions,
        status: 'draft',
        publishedAt: null,
        cancelledAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        organizerIds: [org.id],
        base: {
          title: 'International Day of Families 2027',
          summary: 'A day for every family',
          description: 'Games, food, music and a family photo booth.',
          venue: 'Community Hall',
        },
        translations: {},
      });
      const [row] = await t.db.query(
        'SELECT status, created_by, timezone, questions, change_version FROM events WHERE id = $1',
        [res.body.id],
      );
      expect(row).toEqual({
        status: 'draft',
        created_by: org.id,
        timezone: 'Asia/Shanghai',
        questions: body.questions,
        change_version: 0,
      });
    });

    it('should fill defaults for the optional fields', async () => {
      const res = await post(
        org,
        eventBody({
          title: 'Webinar: Raising Readers',
          format: 'online',
          venue: undefined,
          onlineUrl: 'http://x.org/w',
        }),
      ).expect(201);
      expect(res.body).toMatchObject({
        description: '',
        venue: null,
        registrationOpensAt: null,
        registrationClosesAt: null,
        waitlistEnabled: true,
        maxPartySize: 6,
        childAgeMin: null,
        childAgeMax: null,
        programId: null,
        questions: [],
      });
    });

    it('should make slugs from titles, with -2, -3 on clashes and "event" for titles without ascii letters', async () => {
      const slugs: string[] = [];
      for (let i = 0; i < 3; i++) slugs.push((await createEvent(t, org, { title: 'Science Saturday!' })).slug);
      expect(slugs).toEqual(['science-saturday', 'science-saturday-2', 'science-saturday-3']);
      expect((await createEvent(t, org, { title: '国际家庭日' })).slug).toBe('event');
      expect((await createEvent(t, org, { title: '国际家庭日' })).slug).toBe('event-2');
      expect((await createEvent(t, org, { title: '国际家庭日 2031' })).slug).toBe('event-2031');
      expect((await createEvent(t, org, { title: 'Fête des Familles — Ålesund' })).slug).toBe(
        'fete-des-familles-alesund',
      );
      const long = await createEvent(t, org, { title: 'Long '.repeat(40).trim() });
      expect(long.slug.length).toBeLessThanOrEqual(100);
      const long2 = await createEvent(t, org, { title: 'Long '.repeat(40).trim() });
      expect(long2.slug).toBe(`${long.slug}-2`);
    });

    it('should keep slugs unique when events with one title are created at the same time', async () => {
      const made = await Promise.all(Array.from({ length: 6 }, () => createEvent(t, org, { title: 'Rush Hour' })));
      expect(made.map((e) => e.slug).sort()).toEqual([
        'rush-hour',
        'rush-hour-2',
        'rush-hour-3',
        'rush-hour-4',
        'rush-hour-5',
        'rush-hour-6',
      ]);
    });

    it('should take a given slug and refuse one that is taken, malformed or shaped like a uuid', async () => {
      expect((await createEvent(t, org, { slug: 'my-own-slug' })).slug).toBe('my-own-slug');
      const taken = await post(org, eventBody({ slug: 'my-own-slug' }));
      expect(expectProblem(taken, 400, 'invalid_request').errors).toEqual([
        { field: 'slug', message: 'slug is already in use' },
      ]);
      for (const slug of ['My Slug', 'a--b', 'trailing-', 's'.repeat(121), NO_SUCH_ID, '', 42]) {
        const res = await post(org, eventBody({ slug }));
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual(['slug']);
      }
    });

    const question = (o: Record<string, unknown>) => [{ id: 'q', label: 'Q', type: 'text', required: true, ...o }];
    const choice = (options: unknown) => question({ type: 'choice', options });
    it.each([
      ['title', 'empty', ''],
      ['title', 'over 200', 't'.repeat(201)],
      ['title', 'null', null],
      ['summary', 'over 500', 's'.repeat(501)],
      ['summary', 'null', null],
      ['description', 'over 20000', 'd'.repeat(20001)],
      ['kind', 'unknown', 'party'],
      ['format', 'unknown', 'virtual'],
      ['venue', 'over 500', 'v'.repeat(501)],
      ['onlineUrl', 'ftp', 'ftp://files.example.org/x'],
      ['onlineUrl', 'not a URL', 'not a url'],
      ['onlineUrl', 'over 2000', `https://example.org/${'u'.repeat(2000)}`],
      ['timezone', 'unknown zone', 'Mars/Olympus'],
      ['timezone', 'an offset', '+08:00'],
      ['timezone', 'empty', ''],
      ['startsAt', 'no offset', '2099-05-15T10:00:00'],
      ['startsAt', 'a date only', '2099-05-15'],
      ['startsAt', 'impossible day', '2099-02-30T10:00:00Z'],
      ['startsAt', 'impossible hour', '2099-05-15T25:00:00Z'],
      ['startsAt', 'words', 'tomorrow'],
      ['startsAt', 'a number', 1800000000000],
      ['endsAt', 'null', null],
      ['registrationOpensAt', 'no T and offset', '2099-04-01 09:00'],
      ['registrationClosesAt', 'offset out of range', '2099-05-14T10:00:00+25:00'],
      ['capacity', 'negative', -1],
      ['capacity', 'fraction', 1.5],
      ['capacity', 'a string', '10'],
      ['capacity', 'over 100000', 100001],
      ['waitlistEnabled', 'a string', 'yes'],
      ['waitlistEnabled', 'null', null],
      ['maxPartySize', '0', 0],
      ['maxPartySize', '21', 21],
      ['childAgeMin', 'negative', -1],
      ['childAgeMax', 'over 120', 121],
      ['programId', 'not a uuid', 'not-a-uuid'],
      ['questions', 'a string', 'none'],
      ['questions', 'null', null],
      ['questions', '51 of them', Array.from({ length: 51 }, (_, i) => question({ id: `q${i}` })[0])],
      ['questions[0].id', 'with a space', question({ id: 'Has Space' })],
      ['questions[0].id', 'over 64', question({ id: 'q'.repeat(65) })],
      ['questions[0].label', 'over 500', question({ label: 'l'.repeat(501) })],
      ['questions[0].label', 'empty', question({ label: ' ' })],
      ['questions[0].type', 'unknown', question({ type: 'file' })],
      ['questions[0].required', 'missing', question({ required: undefined })],
      ['questions[0].options', 'empty', choice([])],
      ['questions[0].options', 'repeated', choice(['a', 'a'])],
      ['questions[0].options', 'blank', choice(['a', ' '])],
      ['questions[0].options', 'over 200', choice(['o'.repeat(201)])],
      ['questions[0].options', '51 of them', choice(Array.from({ length: 51 }, (_, i) => `${i}`))],
      ['questions[0].maxLength', '0', question({ maxLength: 0 })],
      ['questions[0].extra', 'unknown', question({ extra: 1 })],
      ['unknownField', 'unknown', 1],
    ])('should refuse a bad %s (%s)', async (field, _why, value) => {
      const top = field.startsWith('questions[') ? 'questions' : field;
      const res = await post(org, eventBody({ [top]: value }));
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual([field]);
    });

    it('should say which required fields are missing, all at once', async () => {
      const res = await post(org, {});
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['capacity', 'endsAt', 'format', 'kind', 'startsAt', 'timezone', 'title']);
      expect(res.body.errors).toContainEqual({ field: 'title', message: 'title is required' });
    });

    it.each([
      ['endsAt', { startsAt: '2099-05-15T10:00:00Z', endsAt: '2099-05-15T10:00:00Z' }, 'endsAt must be after startsAt'],
      [
        'registrationClosesAt',
        {
          startsAt: '2099-05-15T10:00:00Z',
          endsAt: '2099-05-15T12:00:00Z',
          registrationClosesAt: '2099-05-15T10:00:01Z',
        },
        'registrationClosesAt must be no later than startsAt',
      ],
      [
        'registrationOpensAt',
        {
          startsAt: '2099-05-15T10:00:00Z',
          endsAt: '2099-05-15T12:00:00Z',
          registrationOpensAt: '2099-05-10T00:00:00Z',
          registrationClosesAt: '2099-05-10T00:00:00Z',
        },
        'registrationOpensAt must be before registrationClosesAt',
      ],
      [
        'registrationOpensAt',
        {
          startsAt: '2099-05-15T10:00:00Z',
          endsAt: '2099-05-15T12:00:00Z',
          registrationOpensAt: '2099-05-16T00:00:00Z',
        },
        'registrationOpensAt must be before startsAt',
      ],
      ['venue', { format: 'in_person', venue: null }, 'venue is required for in_person events'],
      ['venue', { format: 'in_person', venue: '   ' }, 'venue is required for in_person events'],
      ['onlineUrl', { format: 'online', venue: null }, 'onlineUrl is required for online events'],
      ['childAgeMax', { childAgeMin: 10, childAgeMax: 9 }, 'childAgeMax must be at least childAgeMin'],
      [
        'questions[1].id',
        {
          questions: [
            { id: 'q', label: 'A', type: 'text', required: true },
            { id: 'q', label: 'B', type: 'number', required: true },
          ],
        },
        'questions[1].id repeats an earlier question id',
      ],
      [
        'questions[0].options',
        { questions: [{ id: 'q', label: 'Q', type: 'multi_choice', required: true }] },
        'questions[0].options is required for multi_choice questions',
      ],
      [
        'questions[0].options',
        { questions: [{ id: 'q', label: 'Q', type: 'text', required: true, options: ['a'] }] },
        'questions[0].options is only for choice and multi_choice questions',
      ],
      [
        'questions[0].maxLength',
        { questions: [{ id: 'q', label: 'Q', type: 'choice', required: true, options: ['a'], maxLength: 5 }] },
        'questions[0].maxLength is only for text and textarea questions',
      ],
    ])('should refuse a bad %s across fields', async (field, overrides, message) => {
      const res = await post(org, eventBody(overrides));
      expect(expectProblem(res, 400, 'invalid_request').errors).toEqual([{ field, message }]);
    });

    it('should list every cross-field problem at once, and create nothing', async () => {
      const before = await t.db.query('SELECT count(*)::int AS n FROM events');
      const res = await post(
        org,
        eventBody({
          title: 'Broken Everything',
          format: 'hybrid',
          venue: null,
          startsAt: '2099-05-15T10:00:00Z',
          endsAt: '2099-05-15T09:00:00Z',
          registrationOpensAt: '2099-05-15T11:00:00Z',
          registrationClosesAt: '2099-05-15T11:00:00Z',
          childAgeMin: 12,
          childAgeMax: 3,
          programId: NO_SUCH_ID,
        }),
      );
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual([
        'childAgeMax',
        'endsAt',
        'onlineUrl',
        'programId',
        'registrationClosesAt',
        'registrationOpensAt',
        'venue',
      ]);
      expect(await t.db.query('SELECT count(*)::int AS n FROM events')).toEqual(before);
    });

    it('should allow a program the caller organizes (as creator or co-organizer) and refuse others with 403', async () => {
      const owner = await organizer(t);
      const co = await organizer(t);
      const stranger = await organizer(t);
      const program = await createProgram(t, owner);
      await setProgramOrganizers(t, owner, program.id, [co.id]);
      expect((await createEvent(t, owner, { programId: program.id })).programId).toBe(program.id);
      expect((await createEvent(t, co, { programId: program.id })).programId).toBe(program.id);
      expect((await createEvent(t, await admin(t), { programId: program.id })).programId).toBe(program.id);
      expectProblem(
        await post(stranger, eventBody({ title: 'Gate Crasher', programId: program.id })),
        403,
        'forbidden',
      );
      const [{ n }] = await t.db.query("SELECT count(*)::int AS n FROM events WHERE title = 'Gate Crasher'");
      expect(n).toBe(0);
    });

    it('should refuse families with 403 and anonymous callers with 401', async () => {
      expectProblem(await post(await family(t), eventBody({ title: 'Family Made' })), 403, 'forbidden');
      expectProblem(await post(await family(t), {}), 403, 'forbidden');
      expectProblem(await post(null, eventBody({ title: 'Anonymous Made' })), 401, 'unauthenticated');
      const [{ n }] = await t.db.query(
        "SELECT count(*)::int AS n FROM events WHERE title IN ('Family Made', 'Anonymous Made')",
      );
      expect(n).toBe(0);
    });

    it('should refuse a body that is not JSON', async () => {
      const res = await request(t.http)
        .post('/api/v1/events')
        .set(bearer(org))
        .set('Content-Type', 'text/plain')
        .send('title=x');
      expectProblem(res, 415, 'unsupported_media_type');
    });
  });

  describe('GET /events/:idOrSlug', () => {
    it('should show a published event by id and by slug, with seats from the event row', async () => {
      const e = await createPublishedEvent(t, org, {
        title: 'Seat Counting Day',
        format: 'hybrid',
        onlineUrl: 'https://meet.example.org/seats',
        capacity: 50,
      });
      await t.db.query('UPDATE events SET seats_taken = 12, waitlist_count = 3 WHERE id = $1', [e.id]);
      for (const key of [e.id, e.id.toUpperCase(), 'seat-counting-day', 'SEAT-Counting-Day']) {
        const res = await request(t.http).get(`/api/v1/events/${key}`).expect(200);
        expect(res.body).toMatchObject({
          id: e.id,
          slug: 'seat-counting-day',
          status: 'published',
          capacity: 50,
          seatsTaken: 12,
          seatsRemaining: 38,
          waitlistCount: 3,
          onlineUrl: null,
          publishedAt: expect.any(String),
        });
        expect(res.body).not.toHaveProperty('organizerIds');
      }
    });

    it('should show the online link and organizer ids to organizers and admins only', async () => {
      const co = await organizer(t);
      const e = await createPublishedEvent(t, org, { format: 'online', venue: null, onlineUrl: 'https://x.org/live' });
      await setEventOrganizers(t, org, e.id, [co.id]);
      for (const u of [org, co, await admin(t)]) {
        const res = await request(t.http).get(`/api/v1/events/${e.id}`).set(bearer(u)).expect(200);
        expect(res.body.onlineUrl).toBe('https://x.org/live');
        expect(res.body.organizerIds).toEqual([org.id, co.id]);
      }
      for (const u of [await organizer(t), await family(t)]) {
        const res = await request(t.http).get(`/api/v1/events/${e.slug}`).set(bearer(u)).expect(200);
        expect(res.body.onlineUrl).toBeNull();
        expect(res.body).not.toHaveProperty('organizerIds');
      }
    });

    it('should hide a draft from everyone but its organizers and admins', async () => {
      const co = await organizer(t);
      const draft = await createEvent(t, org, { title: 'Secret Draft' });
      await setEventOrganizers(t, org, draft.id, [co.id]);
      for (const key of [draft.id, draft.slug]) {
        expectProblem(await request(t.http).get(`/api/v1/events/${key}`), 404, 'not_found');
        for (const u of [await organizer(t), await family(t)]) {
          expectProblem(await request(t.http).get(`/api/v1/events/${key}`).set(bearer(u)), 404, 'not_found');
        }
        for (const u of [org, co, await admin(t)]) {
          const res = await request(t.http).get(`/api/v1/events/${key}`).set(bearer(u)).expect(200);
          expect(res.body).toMatchObject({ id: draft.id, status: 'draft' });
        }
      }
    });

    it('should keep a cancelled event readable, and read an ended published event as completed', async () => {
      const cancelled = await createPublishedEvent(t, org, { title: 'Rained Out' });
      await request(t.http).post(`/api/v1/events/${cancelled.id}/cancel`).set(bearer(org)).expect(200);
      const c = await request(t.http).get(`/api/v1/events/${cancelled.slug}`).expect(200);
      expect(c.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });

      const past = await createPublishedEvent(t, org, { title: 'Already Over' });
      await t.db.query(
        "UPDATE events SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1",
        [past.id],
      );
      const p = await request(t.http).get(`/api/v1/events/${past.id}`).expect(200);
      expect(p.body.status).toBe('completed');
      const [row] = await t.db.query('SELECT status FROM events WHERE id = $1', [past.id]);
      expect(row.status).toBe('published');
    });

    it('should answer 404 for unknown ids and slugs, and for anything else', async () => {
      for (const key of [NO_SUCH_ID, 'no-such-event', 'not a slug', '%27%20OR%201=1', 'x'.repeat(200)]) {
        expectProblem(await request(t.http).get(`/api/v1/events/${key}`), 404, 'not_found');
      }
    });
  });

  describe('OpenAPI', () => {
    it('should describe every events and programs operation with its body and problem responses', async () => {
      const doc = (await request(t.http).get('/docs-json').expect(200)).body;
      const expected: Record<string, string[]> = {
        'post /api/v1/events': ['201', '400', '401', '403', '409', '413', '415', '422'],
        'get /api/v1/events': ['200', '400', '401', '403'],
        'get /api/v1/events/{idOrSlug}': ['200', '400', '404'],
        'patch /api/v1/events/{id}': ['200', '400', '401', '403', '404', '409', '413', '415'],
        'post /api/v1/events/{id}/publish': ['200', '400', '401', '403', '404', '409'],
        'post /api/v1/events/{id}/cancel': ['200', '400', '401', '403', '404', '409'],
        'put /api/v1/events/{id}/organizers': ['200', '400', '401', '403', '404', '413', '415'],
        'post /api/v1/programs': ['201', '400', '401', '403', '409', '413', '415', '422'],
        'get /api/v1/programs': ['200', '400', '401', '403'],
        'get /api/v1/programs/{id}': ['200', '404'],
        'get /api/v1/programs/{id}/report': ['200', '401', '403', '404'],
        'put /api/v1/programs/{id}/organizers': ['200', '400', '401', '403', '404', '413', '415'],
      };
      for (const [op, codes] of Object.entries(expected)) {
        const [method, path] = op.split(' ');
        const operation = doc.paths[path]?.[method];
        expect({ op, codes: Object.keys(operation?.responses ?? {}).sort() }).toEqual({ op, codes });
        for (const code of codes.filter((c) => Number(c) >= 400)) {
          expect(JSON.stringify(operation.responses[code])).toContain('ProblemSchema');
        }
        if (['post /api/v1/events', 'patch /api/v1/events/{id}', 'post /api/v1/programs'].includes(op)) {
          expect(operation.requestBody).toBeDefined();
        }
      }
      const event = doc.components.schemas.EventResponse.properties;
      for (const f of ['seatsTaken', 'seatsRemaining', 'waitlistCount', 'status', 'organizerIds', 'questions']) {
        expect(event).toHaveProperty(f);
      }
    });
  });
});
