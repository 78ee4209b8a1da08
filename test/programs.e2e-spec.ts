import request from 'supertest';
import { createEvent, eventBody } from './factories/events';
import { createProgram, setProgramOrganizers } from './factories/programs';
import { admin, bearer, createUser, family, organizer } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb } from './utils/reset-db';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('programs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
  });
  afterAll(async () => t.close());

  describe('POST /programs', () => {
    it('should create a program with a slug from its name and the caller as its organizer', async () => {
      const org = await organizer(t);
      const res = await request(t.http)
        .post('/api/v1/programs')
        .set(bearer(org))
        .send({ name: '  Empowering Girls with Science & Technology ', description: 'Saturday labs', kind: 'events' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        slug: 'empowering-girls-with-science-technology',
        name: 'Empowering Girls with Science & Technology',
        description: 'Saturday labs',
        kind: 'events',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        organizers: [{ id: org.id, name: org.name }],
      });
      const [row] = await t.db.query('SELECT slug, created_by, kind FROM programs WHERE id = $1', [res.body.id]);
      expect(row).toEqual({ slug: 'empowering-girls-with-science-technology', created_by: org.id, kind: 'events' });
    });

    it('should add -2, -3 when the slug is taken, and fall back to "program" for a name without ascii letters', async () => {
      const org = await organizer(t);
      const slugs: string[] = [];
      for (let i = 0; i < 3; i++) slugs.push((await createProgram(t, org, { name: 'She Loves Tech' })).slug);
      expect(slugs).toEqual(['she-loves-tech', 'she-loves-tech-2', 'she-loves-tech-3']);
      expect((await createProgram(t, org, { name: '助学计划' })).slug).toBe('program');
      expect((await createProgram(t, org, { name: '助学计划' })).slug).toBe('program-2');
      expect((await createProgram(t, org, { name: 'Café Crème', kind: 'sponsorship' })).slug).toBe('cafe-creme');
    });

    it('should keep slugs unique when programs with one name are created at the same time', async () => {
      const org = await organizer(t);
      const made = await Promise.all(
        Array.from({ length: 5 }, () => createProgram(t, org, { name: 'Racing Program' })),
      );
      expect(made.map((p) => p.slug).sort()).toEqual([
        'racing-program',
        'racing-program-2',
        'racing-program-3',
        'racing-program-4',
        'racing-program-5',
      ]);
    });

    it('should take a given slug, and refuse one that is taken or malformed', async () => {
      const org = await organizer(t);
      expect((await createProgram(t, org, { name: 'Fund', slug: 'girls-education-fund' })).slug).toBe(
        'girls-education-fund',
      );
      const taken = await request(t.http)
        .post('/api/v1/programs')
        .set(bearer(org))
        .send({ name: 'Other', slug: 'girls-education-fund', kind: 'sponsorship' });
      expect(expectProblem(taken, 400, 'invalid_request').errors).toEqual([
        { field: 'slug', message: 'slug is already in use' },
      ]);
      for (const slug of ['Has Spaces', 'UPPER', 'double--hyphen', '-lead', 'x'.repeat(121), NO_SUCH_ID, '']) {
        const res = await request(t.http)
          .post('/api/v1/programs')
          .set(bearer(org))
          .send({ name: 'Other', slug, kind: 'events' });
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual(['slug']);
      }
      const [{ n }] = await t.db.query("SELECT count(*)::int AS n FROM programs WHERE name = 'Other'");
      expect(n).toBe(0);
    });

    it('should list every bad field at once', async () => {
      const org = await organizer(t);
      const res = await request(t.http)
        .post('/api/v1/programs')
        .set(bearer(org))
        .send({ name: '', kind: 'charity', description: 'd'.repeat(5001), slug: null, extra: true });
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['description', 'extra', 'kind', 'name', 'slug']);
      const long = await request(t.http)
        .post('/api/v1/programs')
        .set(bearer(org))
        .send({ name: 'n'.repeat(201), kind: 'events' });
      expect(fieldsOf(long)).toEqual(['name']);
      const missing = await request(t.http).post('/api/v1/programs').set(bearer(org)).send({});
      expect(expectProblem(missing, 400, 'invalid_request').errors).toEqual([
        { field: 'name', message: 'name is required' },
        { field: 'kind', message: 'kind is required' },
      ]);
    });

    it('should let admins create, refuse families with 403 and anonymous callers with 401', async () => {
      const boss = await admin(t);
      await request(t.http)
        .post('/api/v1/programs')
        .set(bearer(boss))
        .send({ name: 'Admin Program', kind: 'events' })
        .expect(201);
      const fam = await family(t);
      expectProblem(
        await request(t.http)
          .post('/api/v1/programs')
          .set(bearer(fam))
          .send({ name: 'Family Program', kind: 'events' }),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http).post('/api/v1/programs').send({ name: 'Anonymous Program', kind: 'events' }),
        401,
        'unauthenticated',
      );
      const [{ n }] = await t.db.query(
        "SELECT count(*)::int AS n FROM programs WHERE name IN ('Family Program', 'Anonymous Program')",
      );
      expect(n).toBe(0);
    });
  });

  describe('GET /programs', () => {
    let org: Awaited<ReturnType<typeof organizer>>;
    beforeAll(async () => {
      org = await organizer(t);
      await createProgram(t, org, { name: 'Zeta B 100% Club', kind: 'sponsorship', description: 'fund' });
      await createProgram(t, org, { name: 'Zeta A 100 Club', kind: 'events' });
      await createProgram(t, org, { name: 'Zeta C snake_case days', kind: 'events' });
      await createProgram(t, org, { name: 'Zeta D snakeXcase days', kind: 'events', description: 'about zeta' });
    });

    it('should list programs to anyone, by name, without organizers', async () => {
      const res = await request(t.http).get('/api/v1/programs?q=zeta&limit=100').expect(200);
      expect(res.body).toMatchObject({ total: 4, page: 1, limit: 100 });
      expect(res.body.items.map((p: { name: string }) => p.name)).toEqual([
        'Zeta A 100 Club',
        'Zeta B 100% Club',
        'Zeta C snake_case days',
        'Zeta D snakeXcase days',
      ]);
      expect(res.body.items[0]).not.toHaveProperty('organizers');
      const asOrganizer = await request(t.http).get('/api/v1/programs?q=zeta').set(bearer(org)).expect(200);
      expect(asOrganizer.body.items[0]).not.toHaveProperty('organizers');
    });

    it('should filter by kind, and match % and _ in q literally', async () => {
      const kind = await request(t.http).get('/api/v1/programs?q=zeta&kind=sponsorship').expect(200);
      expect(kind.body.items.map((p: { name: string }) => p.name)).toEqual(['Zeta B 100% Club']);
      const percent = await request(t.http)
        .get(`/api/v1/programs?q=${encodeURIComponent('100%')}`)
        .expect(200);
      expect(percent.body.items.map((p: { name: string }) => p.name)).toEqual(['Zeta B 100% Club']);
      const underscore = await request(t.http)
        .get(`/api/v1/programs?q=${encodeURIComponent('snake_case')}`)
        .expect(200);
      expect(underscore.body.items.map((p: { name: string }) => p.name)).toEqual(['Zeta C snake_case days']);
    });

    it('should paginate', async () => {
      const first = await request(t.http).get('/api/v1/programs?q=zeta&limit=3').expect(200);
      const second = await request(t.http).get('/api/v1/programs?q=zeta&limit=3&page=2').expect(200);
      expect(first.body).toMatchObject({ total: 4, page: 1, limit: 3 });
      expect(first.body.items).toHaveLength(3);
      expect(second.body).toMatchObject({ total: 4, page: 2, limit: 3 });
      expect(second.body.items.map((p: { name: string }) => p.name)).toEqual(['Zeta D snakeXcase days']);
    });

    it('should refuse bad pages and filters', async () => {
      for (const q of [
        'page=0',
        'limit=0',
        'limit=101',
        'page=x',
        'kind=charity',
        'q=' + 'x'.repeat(201),
        'sort=name',
      ]) {
        expectProblem(await request(t.http).get(`/api/v1/programs?${q}`), 400, 'invalid_request');
      }
    });
  });

  describe('GET /programs/:id', () => {
    it('should show the organizers (creator first) to them and to admins only', async () => {
      const creator = await createUser(t, ['organizer'], { name: 'Zoe Creator' });
      const co = await createUser(t, ['organizer'], { name: 'Amy Helper' });
      const other = await organizer(t);
      const boss = await admin(t);
      const p = await createProgram(t, creator, { name: 'Family Days', description: 'Every May' });
      await setProgramOrganizers(t, creator, p.id, [co.id]);

      const pub = await request(t.http).get(`/api/v1/programs/${p.id}`).expect(200);
      expect(pub.body).toEqual({
        id: p.id,
        slug: p.slug,
        name: 'Family Days',
        description: 'Every May',
        kind: 'events',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      for (const u of [other, await family(t)]) {
        const res = await request(t.http).get(`/api/v1/programs/${p.id}`).set(bearer(u)).expect(200);
        expect(res.body).not.toHaveProperty('organizers');
      }
      for (const u of [creator, co, boss]) {
        const res = await request(t.http).get(`/api/v1/programs/${p.id}`).set(bearer(u)).expect(200);
        expect(res.body.organizers).toEqual([
          { id: creator.id, name: 'Zoe Creator' },
          { id: co.id, name: 'Amy Helper' },
        ]);
      }
    });

    it('should answer 404 for an unknown or malformed id', async () => {
      expectProblem(await request(t.http).get(`/api/v1/programs/${NO_SUCH_ID}`), 404, 'not_found');
      expectProblem(await request(t.http).get('/api/v1/programs/not-a-uuid'), 404, 'not_found');
      expectProblem(await request(t.http).get("/api/v1/programs/1'%20OR%201=1"), 404, 'not_found');
    });
  });

  describe('PUT /programs/:id/organizers', () => {
    it('should let the creator replace the co-organizers, who may then add events to the program', async () => {
      const creator = await organizer(t);
      const a = await createUser(t, ['organizer'], { name: 'Ann Organizer' });
      const b = await createUser(t, ['organizer'], { name: 'Bob Organizer' });
      const p = await createProgram(t, creator);

      const res = await request(t.http)
        .put(`/api/v1/programs/${p.id}/organizers`)
        .set(bearer(creator))
        .send({ userIds: [a.id, b.id.toUpperCase(), creator.id] })
        .expect(200);
      expect(res.body.organizers.map((o: { id: string }) => o.id)).toEqual([creator.id, a.id, b.id]);
      const rows = await t.db.query('SELECT user_id FROM program_organizers WHERE program_id = $1 ORDER BY user_id', [
        p.id,
      ]);
      expect(rows.map((r: { user_id: string }) => r.user_id)).toEqual([a.id, b.id].sort());
      await createEvent(t, a, { programId: p.id });

      // Replacing drops whoever is not named again; an empty list drops every co-organizer.
      await setProgramOrganizers(t, creator, p.id, [b.id]);
      const after = await request(t.http)
        .post('/api/v1/events')
        .set(bearer(a))
        .send(eventBody({ title: 'Not mine any more', programId: p.id }));
      expectProblem(after, 403, 'forbidden');
      await createEvent(t, b, { programId: p.id });
      await setProgramOrganizers(t, creator, p.id, []);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM program_organizers WHERE program_id = $1', [
        p.id,
      ]);
      expect(n).toBe(0);
    });

    it('should let an admin change any program, and refuse co-organizers and other organizers with 403', async () => {
      const creator = await organizer(t);
      const co = await organizer(t);
      const other = await organizer(t);
      const boss = await admin(t);
      const p = await createProgram(t, creator);
      await setProgramOrganizers(t, boss, p.id, [co.id]);
      for (const u of [co, other]) {
        expectProblem(
          await request(t.http)
            .put(`/api/v1/programs/${p.id}/organizers`)
            .set(bearer(u))
            .send({ userIds: [u.id] }),
          403,
          'forbidden',
        );
      }
      expectProblem(
        await request(t.http)
          .put(`/api/v1/programs/${p.id}/organizers`)
          .set(bearer(await family(t)))
          .send({ userIds: [] }),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http).put(`/api/v1/programs/${p.id}/organizers`).send({ userIds: [] }),
        401,
        'unauthenticated',
      );
      const rows = await t.db.query('SELECT user_id FROM program_organizers WHERE program_id = $1', [p.id]);
      expect(rows).toEqual([{ user_id: co.id }]);
    });

    it('should name each userIds entry that is not an existing organizer', async () => {
      const creator = await organizer(t);
      const ok = await organizer(t);
      const fam = await family(t);
      const boss = await admin(t);
      const p = await createProgram(t, creator);
      const res = await request(t.http)
        .put(`/api/v1/programs/${p.id}/organizers`)
        .set(bearer(creator))
        .send({ userIds: [ok.id, fam.id, NO_SUCH_ID, 'not-a-uuid', boss.id] });
      expect(expectProblem(res, 400, 'invalid_request').errors).toEqual([
        { field: 'userIds[1]', message: 'userIds[1] names a user without the organizer role' },
        { field: 'userIds[2]', message: 'userIds[2] names no user' },
        { field: 'userIds[3]', message: 'userIds[3] must be a uuid' },
      ]);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM program_organizers WHERE program_id = $1', [
        p.id,
      ]);
      expect(n).toBe(0);
      for (const body of [
        { userIds: [ok.id, ok.id] },
        { userIds: 'x' },
        {},
        { userIds: [1] },
        { userIds: [ok.id], x: 1 },
      ]) {
        expectProblem(
          await request(t.http).put(`/api/v1/programs/${p.id}/organizers`).set(bearer(creator)).send(body),
          400,
          'invalid_request',
        );
      }
      const many = Array.from({ length: 51 }, () => NO_SUCH_ID.replace(/0$/, String(Math.floor(Math.random() * 10))));
      expectProblem(
        await request(t.http).put(`/api/v1/programs/${p.id}/organizers`).set(bearer(creator)).send({ userIds: many }),
        400,
        'invalid_request',
      );
    });

    it('should answer 404 for an unknown or malformed program id', async () => {
      const creator = await organizer(t);
      for (const id of [NO_SUCH_ID, 'nope']) {
        expectProblem(
          await request(t.http).put(`/api/v1/programs/${id}/organizers`).set(bearer(creator)).send({ userIds: [] }),
          404,
          'not_found',
        );
      }
    });
  });
});
