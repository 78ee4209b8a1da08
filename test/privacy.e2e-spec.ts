import request from 'supertest';
import { daysFromNow, createPublishedEvent, TestEvent } from './factories/events';
import { adult, child, register, TestRegistration } from './factories/registrations';
import { createProgram } from './factories/programs';
import { createSponsorship, createStudent, recordPayment, sponsorshipProgram } from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb, resetRateLimits } from './utils/reset-db';
import { PersonalDataErasure1796548385303 } from '../migrations/1796548385303-PersonalDataErasure';
import { REDIS } from '../src/redis/redis.module';

const api = '/api/v1';

/**
 * Every place a value could hide: each text, varchar, char, array, json and jsonb column of each
 * table, found in information_schema (so a column added later is searched too). Answers
 * `table.column` for each column holding any of `needles` (case-insensitively).
 */
async function whereFound(t: TestApp, needles: string[]): Promise<string[]> {
  const columns: { table_name: string; column_name: string }[] = await t.db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  expect(columns.length).toBeGreaterThan(40);
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE ANY($1::text[])`,
      [needles.map((s) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`)],
    );
    if (n) found.push(`${table}.${column}`);
  }
  return found;
}

/** Every item of a paginated list the account sees. */
async function all(t: TestApp, u: TestUser, path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const res = await request(t.http).get(`${api}${path}?page=${page}&limit=100`).set(bearer(u)).expect(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total) return items;
  }
}

describe('personal data: export and erasure', () => {
  let t: TestApp;
  let organizer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    await resetRateLimits(t.app.get(REDIS));
    organizer = await createUser(t, ['organizer']);
    admin = await createUser(t, ['admin']);
  });
  afterAll(async () => t.close());

  /** An event that took place: registered and checked in while upcoming, then moved into the past. */
  async function pastEventWith(
    families: { caller?: TestUser; r?: Parameters<typeof register>[2] }[],
    overrides: Record<string, unknown> = {},
  ) {
    const event = await createPublishedEvent(t, organizer, { capacity: 20, ...overrides });
    const regs: TestRegistration[] = [];
    for (const f of families) regs.push(await register(t, event.id, { ...f.r, caller: f.caller }));
    for (const r of regs) {
      await request(t.http)
        .post(`${api}/events/${event.id}/check-ins`)
        .set(bearer(organizer))
        .send({ code: r.code })
        .expect(200);
    }
    await t.db.query(
      `UPDATE events SET starts_at = now() - interval '40 days', ends_at = now() - interval '40 days' + interval '4 hours',
         registration_opens_at = NULL, registration_closes_at = NULL WHERE id = $1`,
      [event.id],
    );
    return { event, regs };
  }

  const stats = async (e: TestEvent) =>
    (await request(t.http).get(`${api}/events/${e.id}/stats`).set(bearer(organizer)).expect(200)).body;

  describe('DELETE /me', () => {
    it('should leave no trace of the person in any column, keep the past event’s counts, and promote the waitlist', async () => {
      const tag = `Zq${Date.now().toString(36)}`;
      const name = `Meiling ${tag}-Zhou`;
      const childName = `Xiaobao ${tag}child`;
      const phone = `+86 139 ${String(Date.now()).slice(-8)}`;
      const u = await createUser(t, ['sponsor'], { name, email: `meiling.${tag}@example.org` });
      const member = await request(t.http)
        .post(`${api}/me/household/members`)
        .set(bearer(u))
        .send({ name: childName, birthDate: '2017-03-09', relationship: 'child' })
        .expect(201);
      const contact = { name, email: u.email, phone };
      const party = [adult(name), { memberId: member.body.id }];

      // Its mail went to another address of theirs: erasure finds it by the registration.
      const series = await createProgram(t, organizer);
      const { event: past } = await pastEventWith(
        [
          { caller: u, r: { contact: { ...contact, email: `meiling.${tag}.work@example.org` }, attendees: party } },
          { r: { attendees: [adult('Another Parent'), child('Another Child')] } },
        ],
        { programId: series.id },
      );
      const pastBefore = await stats(past);
      const report = async () =>
        (await request(t.http).get(`${api}/programs/${series.id}/report`).set(bearer(organizer)).expect(200)).body;
      const reportBefore = await report();
      expect(reportBefore.totals).toMatchObject({ families: 2, persons: 4, children: 2, checkedInPersons: 4 });

      const upcoming = await createPublishedEvent(t, organizer, { capacity: 3 });
      const mine = await register(t, upcoming.id, {
        caller: u,
        contact,
        attendees: [...party, adult('Grandpa ' + tag)],
      });
      expect(mine.status).toBe('confirmed');
      const waiting = await register(t, upcoming.id, { attendees: [adult('Waiting Parent'), child('Waiting Kid')] });
      expect(waiting.status).toBe('waitlisted');

      const program = await sponsorshipProgram(t, organizer);
      const student = await createStudent(t, organizer, program.id);
      const s = await createSponsorship(t, organizer, {
        studentId: student.id,
        sponsorUserId: u.id,
        programId: program.id,
      });
      await recordPayment(t, organizer, s.id, { reference: `Transfer from ${name}` });
      await recordPayment(t, organizer, s.id, { reference: 'BANK-REF-778' });

      const needles = [u.email, tag, phone];
      expect((await whereFound(t, needles)).length).toBeGreaterThan(5); // the scan sees them while they exist

      // A wrong password refuses and changes nothing.
      expectProblem(
        await request(t.http).delete(`${api}/me`).set(bearer(u)).send({ password: 'not the password' }),
        403,
        'forbidden',
      );
      await request(t.http).get(`${api}/me`).set(bearer(u)).expect(200);
      expect(
        (await request(t.http).get(`${api}/registrations/${mine.id}`).set(bearer(u)).expect(200)).body.status,
      ).toBe('confirmed');
      expect((await stats(upcoming)).seatsTaken).toBe(3);

      const res = await request(t.http).delete(`${api}/me`).set(bearer(u)).send({ password: u.password }).expect(200);
      expect(res.body).toMatchObject({
        subject: 'account',
        account: true,
        registrations: 2,
        cancelled: 1,
        sponsorships: 1,
      });
      expect(res.body.mails).toBeGreaterThan(0);

      expect(await whereFound(t, needles)).toEqual([]);
      // Nor the former account's id, in the trail of who sponsored whom or anywhere else in text.
      expect(await whereFound(t, [u.id])).toEqual([]);

      // Sessions are gone with the account.
      expectProblem(await request(t.http).get(`${api}/me`).set(bearer(u)), 401, 'unauthenticated');
      // The past event's figures did not move; the upcoming one's seats went to the waitlist.
      expect(await stats(past)).toEqual(pastBefore);
      expect(await report()).toEqual(reportBefore);
      const promoted = await request(t.http)
        .get(`${api}/registrations/${waiting.id}`)
        .set('X-Manage-Token', waiting.manageToken!)
        .expect(200);
      expect(promoted.body.status).toBe('confirmed');
      const [{ n: promotedMail }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`,
        [`registration:${waiting.id}:promoted`],
      );
      expect(promotedMail).toBe(1);
      expect(await stats(upcoming)).toMatchObject({ seatsTaken: 2, confirmed: 1, waitlisted: 0, cancelled: 1 });
      // The organizer still sees the past family as a nameless checked-in party of two.
      const list = await request(t.http)
        .get(`${api}/events/${past.id}/registrations`)
        .set(bearer(organizer))
        .expect(200);
      const erased = list.body.items.find((r: { contact: { name: string } }) => r.contact.name === '');
      expect(erased).toMatchObject({ status: 'confirmed', partySize: 2 });
      // The sponsorship ended and keeps its money without its sponsor.
      const after = await request(t.http).get(`${api}/sponsorships/${s.id}`).set(bearer(organizer)).expect(200);
      expect(after.body).toMatchObject({ sponsorUserId: null, status: 'ended' });
      expect(
        after.body.payments.map((p: { amount: number; reference: string }) => [p.amount, p.reference]).sort(),
      ).toEqual([
        [3000, ''],
        [3000, 'BANK-REF-778'],
      ]);
      expect((await request(t.http).get(`${api}/students/${student.id}`).set(bearer(organizer))).body.status).toBe(
        'waiting',
      );
      const [erasure] = await t.db.query(`SELECT subject, subject_id, actor_id FROM erasures WHERE id = $1`, [
        res.body.id,
      ]);
      expect(erasure).toEqual({ subject: 'account', subject_id: u.id, actor_id: null });
    });

    it('should refuse without the password, without a session, and for an account others rely on', async () => {
      const u = await createUser(t);
      await createPublishedEvent(t, organizer); // an event names its creator
      expectProblem(await request(t.http).delete(`${api}/me`).set(bearer(u)).send({}), 400, 'invalid_request');
      expectProblem(await request(t.http).delete(`${api}/me`).send({ password: u.password }), 401, 'unauthenticated');
      expectProblem(
        await request(t.http).delete(`${api}/me`).set(bearer(organizer)).send({ password: organizer.password }),
        409,
        'invalid_transition',
      );
      await request(t.http).get(`${api}/me`).set(bearer(u)).expect(200);
      await request(t.http).get(`${api}/me`).set(bearer(organizer)).expect(200);
    });

    it('should count wrong passwords as failed logins, so a borrowed session cannot guess it', async () => {
      const u = await createUser(t);
      const erase = (password: string) => request(t.http).delete(`${api}/me`).set(bearer(u)).send({ password });
      for (let i = 0; i < 5; i++) expectProblem(await erase(`guess ${i}`), 403, 'forbidden');
      expectProblem(await erase(u.password), 429, 'rate_limited');
      await request(t.http).get(`${api}/me`).set(bearer(u)).expect(200);
    });
  });

  describe('GET /me/export', () => {
    it('should hold what the account’s own endpoints show, as one download', async () => {
      const u = await createUser(t, ['sponsor']);
      await request(t.http)
        .post(`${api}/me/household/members`)
        .set(bearer(u))
        .send({ name: 'Export Child', birthDate: '2016-05-01', relationship: 'child' })
        .expect(201);
      const e1 = await createPublishedEvent(t, organizer);
      const e2 = await createPublishedEvent(t, organizer, { startsAt: daysFromNow(40), endsAt: daysFromNow(40, 3) });
      await register(t, e1.id, { caller: u, contact: { email: u.email, phone: '+977 1 5550000' } });
      await register(t, e2.id, {
        caller: u,
        contact: { email: u.email },
        consents: { dataProcessing: true, photos: true },
      });
      const program = await sponsorshipProgram(t, organizer);
      const student = await createStudent(t, organizer, program.id);
      const s = await createSponsorship(t, organizer, {
        studentId: student.id,
        sponsorUserId: u.id,
        programId: program.id,
      });
      await recordPayment(t, organizer, s.id);

      const res = await request(t.http).get(`${api}/me/export`).set(bearer(u)).expect(200);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="kinship-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(res.headers['cache-control']).toBe('no-store');
      const out = res.body;
      expect(out.profile).toEqual((await request(t.http).get(`${api}/me`).set(bearer(u)).expect(200)).body);
      expect(out.household.members).toEqual(await all(t, u, '/me/household/members'));
      expect(out.registrations).toEqual(await all(t, u, '/me/registrations'));
      expect(out.registrations).toHaveLength(2);
      expect(out.sponsorships).toEqual(await all(t, u, '/me/sponsorships'));
      expect(out.sponsorships[0].payments).toHaveLength(1);
      expect(out.statements).toEqual([
        (
          await request(t.http)
            .get(`${api}/sponsorships/${s.id}/statement?year=${new Date().getUTCFullYear()}`)
            .set(bearer(u))
        ).body,
      ]);
      expect(out.consents).toEqual(
        expect.arrayContaining([expect.objectContaining({ eventId: e2.id, dataProcessing: true, photos: true })]),
      );
      expect(out.mails.map((m: { kind: string }) => m.kind)).toEqual(
        expect.arrayContaining(['account.welcome', 'registration.confirmed']),
      );
      expect(out.mails[0]).toEqual({
        id: expect.any(String),
        kind: expect.any(String),
        status: 'pending',
        subject: null,
        locale: 'en',
        createdAt: expect.any(String),
        sentAt: null,
      });
      // Nobody else's: another family's export has none of it.
      const other = await createUser(t);
      const theirs = (await request(t.http).get(`${api}/me/export`).set(bearer(other)).expect(200)).body;
      expect(theirs).toMatchObject({ household: { members: [] }, registrations: [], sponsorships: [], statements: [] });
      expect(theirs.mails.map((m: { kind: string }) => m.kind)).toEqual(['account.welcome']);
      expectProblem(await request(t.http).get(`${api}/me/export`), 401, 'unauthenticated');
    });
  });

  describe('DELETE /registrations/:id/personal-data', () => {
    it('should let a guest erase through the manage link, and no one else', async () => {
      const event = await createPublishedEvent(t, organizer);
      const tag = `Gx${Date.now().toString(36)}`;
      const phone = `+977 98 ${String(Date.now()).slice(-8)}`;
      const r = await register(t, event.id, {
        contact: { name: `Guest ${tag}`, email: `guest.${tag}@example.org`, phone },
        attendees: [adult(`Guest ${tag}`), child(`Kid ${tag}`)],
      });
      const stranger = await createUser(t);
      const erase = () => request(t.http).delete(`${api}/registrations/${r.id}/personal-data`);
      expectProblem(await erase(), 404, 'not_found');
      expectProblem(await erase().set('X-Manage-Token', 'forged'), 404, 'not_found');
      expectProblem(await erase().set(bearer(stranger)), 404, 'not_found');
      expectProblem(await erase().set(bearer(organizer)), 403, 'forbidden');
      expect((await stats(event)).seatsTaken).toBe(2);

      const res = await erase().set('X-Manage-Token', r.manageToken!).expect(200);
      expect(res.body).toMatchObject({ subject: 'registration', account: false, registrations: 1, cancelled: 1 });
      expect(await whereFound(t, [tag, phone])).toEqual([]);
      expect(await stats(event)).toMatchObject({ seatsTaken: 0, cancelled: 1 });
      // The link is dead: nothing personal is left to manage.
      expectProblem(
        await request(t.http).get(`${api}/registrations/${r.id}`).set('X-Manage-Token', r.manageToken!),
        404,
        'not_found',
      );
    });
  });

  describe('POST /admin/erasures', () => {
    it('should erase an account and the guest registrations of its email for an admin, and for no one else', async () => {
      const tag = `Ad${Date.now().toString(36)}`;
      const u = await createUser(t, ['family'], { name: `Lost ${tag}`, email: `lost.${tag}@example.org` });
      const event = await createPublishedEvent(t, organizer);
      const asGuest = await register(t, event.id, { contact: { name: `Lost ${tag}`, email: u.email } });
      expectProblem(
        await request(t.http).post(`${api}/admin/erasures`).set(bearer(organizer)).send({ email: u.email }),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http).post(`${api}/admin/erasures`).set(bearer(admin)).send({ email: 'not an email' }),
        400,
        'invalid_request',
      );
      expect(await whereFound(t, [tag])).not.toEqual([]);

      const res = await request(t.http)
        .post(`${api}/admin/erasures`)
        .set(bearer(admin))
        .send({ email: u.email.toUpperCase() })
        .expect(201);
      expect(res.body).toMatchObject({ subject: 'account', account: true, registrations: 1, cancelled: 1 });
      expect(await whereFound(t, [tag])).toEqual([]);
      expectProblem(await request(t.http).get(`${api}/me`).set(bearer(u)), 401, 'unauthenticated');
      const log = await request(t.http).get(`${api}/admin/erasures?limit=100`).set(bearer(admin)).expect(200);
      expect(log.body.items.find((e: { id: string }) => e.id === res.body.id)).toEqual({
        id: res.body.id,
        subject: 'account',
        subjectId: u.id,
        actorId: admin.id,
        registrations: 1,
        cancelled: 1,
        mails: res.body.mails,
        sponsorships: 0,
        at: res.body.at,
      });
      expectProblem(await request(t.http).get(`${api}/admin/erasures`).set(bearer(organizer)), 403, 'forbidden');
      const seen = await request(t.http).get(`${api}/registrations/${asGuest.id}`).set(bearer(organizer)).expect(200);
      expect(seen.body).toMatchObject({
        status: 'cancelled',
        contact: { name: '', phone: null },
        attendees: [{ name: '' }],
      });
    });
  });

  describe('the students’ audit trail', () => {
    it('should record that a sensitive field changed, never what it held', async () => {
      const program = await sponsorshipProgram(t, organizer);
      const st = await createStudent(t, organizer, program.id);
      const oldPhone = st.guardian.phone as string;
      await request(t.http)
        .patch(`${api}/students/${st.id}`)
        .set(bearer(organizer))
        .send({ guardian: { ...st.guardian, phone: '+977 980 0000001' }, region: 'Bagmati', gradeLevel: 'Grade 9' })
        .expect(200);
      const audit = await request(t.http).get(`${api}/students/${st.id}/audit`).set(bearer(organizer)).expect(200);
      expect(audit.body.items[0].changes).toEqual({
        guardian: { changed: true },
        region: { changed: true },
        gradeLevel: { from: 'Grade 8', to: 'Grade 9' },
      });
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM student_audit WHERE student_id = $1 AND (changes::text LIKE $2 OR changes::text LIKE $3)`,
        [st.id, `%${oldPhone}%`, '%Sita%'],
      );
      expect(n).toBe(0);
    });

    it('should have rewritten the entries written before, keeping what a former sponsor’s view needs', async () => {
      const program = await sponsorshipProgram(t, organizer);
      const st = await createStudent(t, organizer, program.id);
      // As the trail used to keep them.
      await t.db.query(
        `INSERT INTO student_audit (student_id, actor_id, action, changes) VALUES
           ($1, $2, 'updated', $3), ($1, $2, 'consent.granted', $4)`,
        [
          st.id,
          organizer.id,
          JSON.stringify({
            guardian: { from: { name: 'Old Guardian', phone: '+977 1 111' }, to: { name: 'New', phone: '+977 1 222' } },
            fullName: { from: 'Old Full Name', to: 'New Full Name' },
            gradeLevel: { from: 'Grade 7', to: 'Grade 8' },
          }),
          JSON.stringify({
            purpose: 'photos',
            grantedBy: 'Old Guardian (mother)',
            grantedAt: '2025-01-01T00:00:00.000Z',
          }),
        ],
      );
      await new PersonalDataErasure1796548385303().scrubAuditTrail(t.db);
      const rows: { action: string; changes: unknown }[] = await t.db.query(
        `SELECT action, changes FROM student_audit WHERE student_id = $1 AND action IN ('updated', 'consent.granted') ORDER BY id`,
        [st.id],
      );
      expect(rows.map((r) => r.changes)).toEqual([
        { purpose: 'share_progress', grantedAt: '2025-01-10T00:00:00.000Z', expiresAt: null },
        {
          guardian: { changed: true },
          fullName: { changed: true },
          gradeLevel: { from: 'Grade 7', to: 'Grade 8' },
        },
        { purpose: 'photos', grantedAt: '2025-01-01T00:00:00.000Z' },
      ]);
      expect(await whereFound(t, ['Old Guardian', 'Old Full Name', '+977 1 111'])).toEqual([]);
    });
  });
});
