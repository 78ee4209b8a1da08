import request from 'supertest';
import { createProgram } from './factories/programs';
import {
  createSponsorship,
  createStudent,
  recordPayment,
  sponsorshipProgram,
  studentBody,
  today,
} from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb } from './utils/reset-db';

const api = '/api/v1';

/** Every value a sponsor must never receive, searched for in the whole serialized body. */
function forbiddenValues(student: Record<string, any>): string[] {
  return [
    student.fullName,
    student.birthDate,
    student.region,
    student.guardian.name,
    student.guardian.phone,
    student.guardian.relationship === 'mother' ? 'Sita' : student.guardian.relationship,
  ];
}

function expectNoneOf(body: unknown, values: string[]) {
  const text = JSON.stringify(body);
  for (const v of values) {
    // A number counts as found on its own, not inside an id or a time (a uuid may hold "2733").
    const found = /^\d+$/.test(v) ? new RegExp(`(?<![0-9A-Za-z-])${v}(?![0-9A-Za-z-])`).test(text) : text.includes(v);
    expect({ leaked: v, found }).toEqual({ leaked: v, found: false });
  }
}

describe('education sponsorship', () => {
  let t: TestApp;
  let organizer: TestUser;
  let coOrganizer: TestUser;
  let otherOrganizer: TestUser;
  let sponsorA: TestUser;
  let sponsorB: TestUser;
  let family: TestUser;
  let programId: string;

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    organizer = await createUser(t, ['organizer']);
    coOrganizer = await createUser(t, ['organizer']);
    otherOrganizer = await createUser(t, ['organizer']);
    sponsorA = await createUser(t, ['sponsor'], { name: 'Margaret Alpha-Sponsor' });
    sponsorB = await createUser(t, ['sponsor'], { name: 'Beatrice Beta-Sponsor' });
    family = await createUser(t, ['family']);
    programId = (await sponsorshipProgram(t, organizer)).id;
    await request(t.http)
      .put(`${api}/programs/${programId}/organizers`)
      .set(bearer(organizer))
      .send({ userIds: [coOrganizer.id] })
      .expect(200);
    await sponsorshipProgram(t, otherOrganizer);
  });
  afterAll(async () => t.close());

  describe('POST /students', () => {
    it('should add a waiting student with every field and her consents', async () => {
      const body = studentBody(programId);
      const res = await request(t.http).post(`${api}/students`).set(bearer(coOrganizer)).send(body).expect(201);
      expect(res.body).toMatchObject({
        programId,
        fullName: body.fullName,
        preferredName: body.preferredName,
        birthDate: '2011-04-02',
        region: body.region,
        school: { name: 'Shree Janata Secondary School', town: 'Dhulikhel' },
        annualNeed: { amount: 36000, currency: 'USD' },
        guardian: body.guardian,
        status: 'waiting',
        daysWaiting: 0,
        activeSponsorships: 0,
        consents: [{ purpose: 'share_progress', grantedBy: 'Sita (mother)', holds: true, withdrawnAt: null }],
      });
      expect(res.body.statusDates.waitingSince).toEqual(expect.any(String));
      expect(res.body.funding[0]).toMatchObject({
        need: { amount: 36000, currency: 'USD' },
        committed: [],
        unfunded: { amount: 36000, currency: 'USD' },
      });
    });

    it('should refuse bad input with 400 problems naming the fields', async () => {
      const res = await request(t.http)
        .post(`${api}/students`)
        .set(bearer(organizer))
        .send(
          studentBody(programId, {
            birthDate: '2011-02-30',
            annualNeed: { amount: 12.5, currency: 'usd' },
            guardian: { name: '', relationship: 'mother', phone: 'call me' },
            consents: [{ purpose: 'gossip', grantedBy: 'x', grantedAt: 'soon' }],
            extra: 1,
          }),
        );
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(
        expect.arrayContaining([
          'birthDate',
          'annualNeed.amount',
          'annualNeed.currency',
          'guardian.name',
          'guardian.phone',
          'consents[0].purpose',
          'consents[0].grantedAt',
        ]),
      );
      expectProblem(
        await request(t.http)
          .post(`${api}/students`)
          .set(bearer(organizer))
          .send(studentBody(programId, { fullName: null })),
        400,
        'invalid_request',
      );
      expectProblem(
        await request(t.http)
          .post(`${api}/students`)
          .set(bearer(organizer))
          .send(
            studentBody(programId, {
              consents: [{ purpose: 'photos', grantedBy: 'x', grantedAt: '2026-01-02', expiresAt: '2026-01-01' }],
            }),
          ),
        400,
        'invalid_request',
      );
    });

    it('should refuse a program that is not a sponsorship program, or that the caller does not organize', async () => {
      const events = await createProgram(t, organizer, { kind: 'events' });
      const res = await request(t.http).post(`${api}/students`).set(bearer(organizer)).send(studentBody(events.id));
      expect(fieldsOf(expectProblem(res, 400, 'invalid_request') && res)).toEqual(['programId']);
      expectProblem(
        await request(t.http).post(`${api}/students`).set(bearer(otherOrganizer)).send(studentBody(programId)),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http).post(`${api}/students`).set(bearer(sponsorA)).send(studentBody(programId)),
        403,
        'forbidden',
      );
      expectProblem(await request(t.http).post(`${api}/students`).send(studentBody(programId)), 401, 'unauthenticated');
    });
  });

  describe('student access, changes, transitions and audit', () => {
    it('should show a student only to her program’s organizers (404 to other organizers, 403 to other roles)', async () => {
      const st = await createStudent(t, organizer, programId);
      await request(t.http).get(`${api}/students/${st.id}`).set(bearer(coOrganizer)).expect(200);
      for (const path of [`/students/${st.id}`, `/students/${st.id}/audit`]) {
        expectProblem(
          await request(t.http)
            .get(api + path)
            .set(bearer(otherOrganizer)),
          404,
          'not_found',
        );
        expectProblem(
          await request(t.http)
            .get(api + path)
            .set(bearer(sponsorA)),
          403,
          'forbidden',
        );
        expectProblem(
          await request(t.http)
            .get(api + path)
            .set(bearer(family)),
          403,
          'forbidden',
        );
        expectProblem(await request(t.http).get(api + path), 401, 'unauthenticated');
      }
      for (const [path, body] of [
        [`/students/${st.id}/consents`, { purpose: 'photos', grantedBy: 'x', grantedAt: '2026-01-01' }],
        [`/students/${st.id}/consents/share_progress/withdraw`, undefined],
        [
          `/students/${st.id}/disbursements`,
          { category: 'books', amount: 100, currency: 'NPR', paidOn: today(), payee: 'School' },
        ],
        [
          `/students/${st.id}/reports`,
          { term: 'T1', gradeLevel: 'G8', subjects: [], attendanceRate: 1, promoted: true },
        ],
      ] as const) {
        expectProblem(
          await request(t.http)
            .post(api + path)
            .set(bearer(otherOrganizer))
            .send(body),
          404,
          'not_found',
        );
        expectProblem(
          await request(t.http)
            .post(api + path)
            .set(bearer(sponsorA))
            .send(body),
          403,
          'forbidden',
        );
      }
      expectProblem(
        await request(t.http).patch(`${api}/students/${st.id}`).set(bearer(otherOrganizer)).send({ gradeLevel: 'x' }),
        404,
        'not_found',
      );
      const list = await request(t.http).get(`${api}/students`).set(bearer(otherOrganizer)).expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(st.id);
      expectProblem(await request(t.http).get(`${api}/students/not-a-uuid`).set(bearer(organizer)), 404, 'not_found');
    });

    it('should record who changed what in the audit trail', async () => {
      const st = await createStudent(t, organizer, programId);
      const res = await request(t.http)
        .patch(`${api}/students/${st.id}`)
        .set(bearer(coOrganizer))
        .send({ gradeLevel: 'Grade 9', school: { name: 'New School', town: 'Banepa' } })
        .expect(200);
      expect(res.body).toMatchObject({ gradeLevel: 'Grade 9', school: { name: 'New School', town: 'Banepa' } });
      const audit = await request(t.http).get(`${api}/students/${st.id}/audit`).set(bearer(organizer)).expect(200);
      expect(audit.body.items[0]).toMatchObject({
        action: 'updated',
        actor: { id: coOrganizer.id, name: coOrganizer.name },
        changes: {
          gradeLevel: { from: 'Grade 8', to: 'Grade 9' },
          school: {
            from: { name: 'Shree Janata Secondary School', town: 'Dhulikhel' },
            to: { name: 'New School', town: 'Banepa' },
          },
        },
      });
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining(['created', 'consent.granted']),
      );
      expect(audit.body.total).toBe(audit.body.items.length);
    });

    it('should refuse status moves outside the allowed ones with 409 invalid_transition', async () => {
      const st = await createStudent(t, organizer, programId);
      const patch = (status: string) =>
        request(t.http).patch(`${api}/students/${st.id}`).set(bearer(organizer)).send({ status });
      expectProblem(await patch('graduated'), 409, 'invalid_transition');
      expectProblem(await patch('sponsored'), 409, 'invalid_transition'); // only a sponsorship sponsors her
      const s = await createSponsorship(t, organizer, { studentId: st.id, sponsorUserId: sponsorA.id, programId });
      expect((await request(t.http).get(`${api}/students/${st.id}`).set(bearer(organizer))).body.status).toBe(
        'sponsored',
      );
      expectProblem(await patch('waiting'), 409, 'invalid_transition'); // still sponsored
      await request(t.http).post(`${api}/sponsorships/${s.id}/end`).set(bearer(organizer)).expect(200);
      const back = await request(t.http).get(`${api}/students/${st.id}`).set(bearer(organizer)).expect(200);
      expect(back.body.status).toBe('waiting');
      await patch('withdrawn').expect(200);
      expectProblem(await patch('waiting'), 409, 'invalid_transition');
      expectProblem(await patch('sponsored'), 409, 'invalid_transition');
      expectProblem(
        await request(t.http)
          .post(`${api}/sponsorships`)
          .set(bearer(organizer))
          .send({
            studentId: st.id,
            sponsorUserId: sponsorA.id,
            programId,
            commitment: { amount: 100, currency: 'USD', period: 'month' },
            startDate: today(),
          }),
        409,
        'invalid_transition',
      );
      expectProblem(await patch('bogus'), 400, 'invalid_request');
    });

    it('should list waiting students longest waiting first', async () => {
      const p = (await sponsorshipProgram(t, organizer)).id;
      const a = await createStudent(t, organizer, p);
      const b = await createStudent(t, organizer, p);
      const c = await createStudent(t, organizer, p);
      await t.db.query(`UPDATE students SET waiting_since = now() - interval '10 days' WHERE id = $1`, [a.id]);
      await t.db.query(`UPDATE students SET waiting_since = now() - interval '40 days' WHERE id = $1`, [b.id]);
      await t.db.query(`UPDATE students SET waiting_since = now() - interval '2 days' WHERE id = $1`, [c.id]);
      const res = await request(t.http)
        .get(`${api}/students?status=waiting&programId=${p}`)
        .set(bearer(organizer))
        .expect(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([b.id, a.id, c.id]);
      expect(res.body.items.map((s: { daysWaiting: number }) => s.daysWaiting)).toEqual([40, 10, 2]);
      expectProblem(
        await request(t.http).get(`${api}/students?status=nope`).set(bearer(organizer)),
        400,
        'invalid_request',
      );
    });
  });

  describe('sponsorships, money and the sponsor’s view', () => {
    it('should refuse a sponsor without the sponsor role, a student of another program, and bad money', async () => {
      const st = await createStudent(t, organizer, programId);
      const other = await sponsorshipProgram(t, otherOrganizer);
      const theirs = await createStudent(t, otherOrganizer, other.id);
      const post = (body: Record<string, unknown>) =>
        request(t.http)
          .post(`${api}/sponsorships`)
          .set(bearer(organizer))
          .send({
            studentId: st.id,
            sponsorUserId: sponsorA.id,
            programId,
            commitment: { amount: 3000, currency: 'USD', period: 'month' },
            startDate: today(),
            ...body,
          });
      expect(fieldsOf(await post({ sponsorUserId: family.id }))).toEqual(['sponsorUserId']);
      expect(fieldsOf(await post({ studentId: theirs.id }))).toEqual(['studentId']);
      expect(fieldsOf(await post({ commitment: { amount: 0, currency: 'XXY', period: 'week' } }))).toEqual([
        'commitment.amount',
        'commitment.currency',
        'commitment.period',
      ]);
      expect(fieldsOf(await post({ endDate: '2000-01-01' }))).toEqual(['endDate']);
      expectProblem(await post({ programId: other.id, studentId: theirs.id }), 403, 'forbidden');
    });

    it('should compute due and overdue for month, term and year commitments with partial payments', async () => {
      const cases = [
        // Month from 75 days ago: three due dates (about 75, 45 and 14 days ago); 4000 paid.
        { period: 'month', amount: 3000, start: today(-75), paid: [4000], due: 5000, overdue: 2000 },
        // Term from 130 days ago: two (130 and about 8 days ago); 70000 paid settles the first whole.
        { period: 'term', amount: 60000, start: today(-130), paid: [50000, 20000], due: 50000, overdue: 0 },
        // The same with 20000 paid: the first is 40000 short and overdue.
        { period: 'term', amount: 60000, start: today(-130), paid: [20000], due: 100000, overdue: 40000 },
        // Year from 400 days ago: two (400 and about 35 days ago), both late; 10000 paid.
        { period: 'year', amount: 50000, start: today(-400), paid: [10000], due: 90000, overdue: 90000 },
      ];
      for (const c of cases) {
        const st = await createStudent(t, organizer, programId);
        const s = await createSponsorship(t, organizer, {
          studentId: st.id,
          sponsorUserId: sponsorA.id,
          programId,
          commitment: { amount: c.amount, currency: 'USD', period: c.period },
          startDate: c.start,
        });
        for (const amount of c.paid) await recordPayment(t, organizer, s.id, { amount, receivedOn: today(-1) });
        await recordPayment(t, organizer, s.id, { amount: 999, currency: 'EUR' }); // settles no USD due
        const res = await request(t.http).get(`${api}/sponsorships/${s.id}`).set(bearer(sponsorA)).expect(200);
        expect({ period: c.period, due: res.body.due, overdue: res.body.overdue }).toEqual({
          period: c.period,
          due: { amount: c.due, currency: 'USD' },
          overdue: { amount: c.overdue, currency: 'USD' },
        });
        expect(res.body.paidToDate).toEqual([
          { amount: 999, currency: 'EUR' },
          { amount: c.paid.reduce((a, b) => a + b, 0), currency: 'USD' },
        ]);
      }
    });

    it('should refuse bad payments, and payments by anyone but the program’s organizers', async () => {
      const st = await createStudent(t, organizer, programId);
      const s = await createSponsorship(t, organizer, { studentId: st.id, sponsorUserId: sponsorA.id, programId });
      const pay = (who: TestUser, body: Record<string, unknown> = {}) =>
        request(t.http)
          .post(`${api}/sponsorships/${s.id}/payments`)
          .set(bearer(who))
          .send({ amount: 100, currency: 'USD', receivedOn: today(), method: 'cash', ...body });
      expect(fieldsOf(await pay(organizer, { receivedOn: today(3) }))).toEqual(['receivedOn']);
      expect(fieldsOf(await pay(organizer, { amount: -5, currency: 'dollars', method: 'barter' }))).toEqual([
        'amount',
        'currency',
        'method',
      ]);
      expectProblem(await pay(otherOrganizer), 404, 'not_found');
      expectProblem(await pay(sponsorA), 403, 'forbidden');
      expectProblem(await pay(family), 403, 'forbidden');
      expectProblem(
        await request(t.http).post(`${api}/sponsorships/${s.id}/end`).set(bearer(otherOrganizer)),
        404,
        'not_found',
      );
      await pay(coOrganizer).expect(201);
    });

    it('should let two sponsors share a student, each seeing only their own money, never her identity', async () => {
      const st = await createStudent(t, organizer, programId);
      const a = await createSponsorship(t, organizer, {
        studentId: st.id,
        sponsorUserId: sponsorA.id,
        programId,
        commitment: { amount: 1511, currency: 'USD', period: 'month' },
      });
      const b = await createSponsorship(t, organizer, {
        studentId: st.id,
        sponsorUserId: sponsorB.id,
        programId,
        commitment: { amount: 2733, currency: 'USD', period: 'month' },
      });
      await recordPayment(t, organizer, a.id, { amount: 1511, reference: 'REF-ALPHA-7731' });
      await recordPayment(t, organizer, b.id, { amount: 2733, reference: 'REF-BETA-9917' });

      const student = await request(t.http).get(`${api}/students/${st.id}`).set(bearer(organizer)).expect(200);
      expect(student.body.activeSponsorships).toBe(2);
      expect(student.body.status).toBe('sponsored');

      const forbiddenForA = [
        ...forbiddenValues(st),
        sponsorB.name,
        sponsorB.email,
        sponsorB.id,
        '2733',
        'REF-BETA-9917',
        b.id,
      ];
      const forbiddenForB = [
        ...forbiddenValues(st),
        sponsorA.name,
        sponsorA.email,
        sponsorA.id,
        '1511',
        'REF-ALPHA-7731',
        a.id,
      ];

      const mineA = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(sponsorA)).expect(200);
      const itemA = mineA.body.items.find((x: { id: string }) => x.id === a.id);
      expect(itemA).toMatchObject({
        student: {
          id: st.id,
          preferredName: st.preferredName,
          country: 'Nepal',
          gradeLevel: 'Grade 8',
          schoolTown: 'Dhulikhel',
        },
        commitment: { amount: 1511, currency: 'USD', period: 'month' },
        paidToDate: [{ amount: 1511, currency: 'USD' }],
        due: { amount: 0, currency: 'USD' },
        overdue: { amount: 0, currency: 'USD' },
      });
      expect(itemA.student.age).toBeGreaterThanOrEqual(14);
      expect(Object.keys(itemA.student).sort()).toEqual([
        'age',
        'country',
        'gradeLevel',
        'id',
        'preferredName',
        'schoolTown',
      ]);
      expectNoneOf(mineA.body, forbiddenForA);
      expectNoneOf(
        (await request(t.http).get(`${api}/sponsorships/${a.id}`).set(bearer(sponsorA)).expect(200)).body,
        forbiddenForA,
      );
      const year = Number(today().slice(0, 4));
      for (const q of ['', '&format=csv']) {
        const sa = await request(t.http)
          .get(`${api}/sponsorships/${a.id}/statement?year=${year}${q}`)
          .set(bearer(sponsorA))
          .expect(200);
        expectNoneOf(q ? sa.text : sa.body, forbiddenForA);
        const sb = await request(t.http)
          .get(`${api}/sponsorships/${b.id}/statement?year=${year}${q}`)
          .set(bearer(sponsorB))
          .expect(200);
        expectNoneOf(q ? sb.text : sb.body, forbiddenForB);
      }
      const mineB = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(sponsorB)).expect(200);
      expectNoneOf(mineB.body, forbiddenForB);

      // Each other's sponsorship does not exist for them; nor for families or other organizers.
      for (const [who, id] of [
        [sponsorA, b.id],
        [sponsorB, a.id],
        [family, a.id],
        [otherOrganizer, a.id],
      ] as const) {
        expectProblem(await request(t.http).get(`${api}/sponsorships/${id}`).set(bearer(who)), 404, 'not_found');
        expectProblem(
          await request(t.http).get(`${api}/sponsorships/${id}/statement?year=${year}`).set(bearer(who)),
          404,
          'not_found',
        );
      }
      expectProblem(await request(t.http).get(`${api}/sponsorships/${a.id}`), 401, 'unauthenticated');
      expectProblem(await request(t.http).get(`${api}/me/sponsorships`).set(bearer(family)), 403, 'forbidden');
      expectProblem(await request(t.http).get(`${api}/me/sponsorships`), 401, 'unauthenticated');
      // The program's organizers see the sponsorship too.
      await request(t.http).get(`${api}/sponsorships/${b.id}`).set(bearer(coOrganizer)).expect(200);
    });

    it('should tell the sponsor her age on 1 January, which her birthday does not change', async () => {
      // Born on today's date (or the 2nd of January, on the 1st), 12 years ago: today she turned 12,
      // but on 1 January she was 11, and that is what the sponsor sees all year.
      const now = today();
      const year = Number(now.slice(0, 4));
      const birthDate = `${year - 12}-${now.slice(5) === '01-01' ? '01-02' : now.slice(5)}`;
      const st = await createStudent(t, organizer, programId, { birthDate });
      const s = await createSponsorship(t, organizer, { studentId: st.id, sponsorUserId: sponsorA.id, programId });
      const res = await request(t.http).get(`${api}/sponsorships/${s.id}`).set(bearer(sponsorA)).expect(200);
      expect(res.body.student.age).toBe(11);
      const mine = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(sponsorA)).expect(200);
      expect(mine.body.items.find((x: { id: string }) => x.id === s.id).student.age).toBe(11);
    });

    it('should show a former sponsor nothing about the student from after the sponsorship ended', async () => {
      const st = await createStudent(t, organizer, programId, { gradeLevel: 'Grade 7' });
      const s = await createSponsorship(t, organizer, { studentId: st.id, sponsorUserId: sponsorB.id, programId });
      const report = (term: string, published: boolean) =>
        request(t.http)
          .post(`${api}/students/${st.id}/reports`)
          .set(bearer(organizer))
          .send({
            term,
            gradeLevel: 'Grade 7',
            subjects: [{ name: 'Maths', grade: 'A' }],
            attendanceRate: 0.9,
            promoted: true,
            summary: `Summary of ${term}`,
            published,
          })
          .expect(201);
      const before = (await report('Term before the end', true)).body;
      const draft = (await report('Term drafted before, published after', false)).body;
      await request(t.http).post(`${api}/sponsorships/${s.id}/end`).set(bearer(organizer)).expect(200);

      // After the end: a report written and published, the draft published, the record updated.
      await report('Term after the end', true);
      await request(t.http)
        .post(`${api}/students/${st.id}/reports/${draft.id}/publish`)
        .set(bearer(organizer))
        .expect(200);
      await request(t.http)
        .patch(`${api}/students/${st.id}`)
        .set(bearer(organizer))
        .send({
          gradeLevel: 'Grade 11 After',
          school: { name: 'New School After', town: 'Newtown After' },
          preferredName: 'Renamed After',
        })
        .expect(200);

      const year = Number(today().slice(0, 4));
      const view = await request(t.http).get(`${api}/sponsorships/${s.id}`).set(bearer(sponsorB)).expect(200);
      expect(view.body.status).toBe('ended');
      expect(view.body.latestReport).toMatchObject({ id: before.id, term: 'Term before the end' });
      expect(view.body.student).toMatchObject({
        preferredName: st.preferredName,
        gradeLevel: 'Grade 7',
        schoolTown: 'Dhulikhel',
      });
      const mine = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(sponsorB)).expect(200);
      const statement = await request(t.http)
        .get(`${api}/sponsorships/${s.id}/statement?year=${year}`)
        .set(bearer(sponsorB))
        .expect(200);
      expect(statement.body.reports.map((r: { id: string }) => r.id)).toEqual([before.id]);
      expect(statement.body.studentName).toBe(st.preferredName);
      const csv = await request(t.http)
        .get(`${api}/sponsorships/${s.id}/statement?year=${year}&format=csv`)
        .set(bearer(sponsorB))
        .expect(200);
      expect(csv.text).toContain('Term before the end');
      for (const body of [view.body, mine.body, statement.body, csv.text]) {
        expectNoneOf(body, [
          'Term after the end',
          'Term drafted before, published after',
          'Grade 11 After',
          'Newtown After',
          'Renamed After',
        ]);
      }
      // The program's organizers still see everything.
      const record = await request(t.http).get(`${api}/students/${st.id}`).set(bearer(organizer)).expect(200);
      expect(record.body).toMatchObject({ gradeLevel: 'Grade 11 After', preferredName: 'Renamed After' });
    });

    it('should give the statement as JSON and CSV, with totals per currency', async () => {
      const st = await createStudent(t, organizer, programId);
      const s = await createSponsorship(t, organizer, {
        studentId: st.id,
        sponsorUserId: sponsorA.id,
        programId,
        startDate: '2025-01-15',
      });
      await recordPayment(t, organizer, s.id, { amount: 12550, receivedOn: '2025-03-01', reference: '=HYPERLINK(1)' });
      await recordPayment(t, organizer, s.id, { amount: 3000, receivedOn: '2025-06-01', currency: 'JPY' });
      await recordPayment(t, organizer, s.id, { amount: 100, receivedOn: '2026-01-02' });
      const json = await request(t.http)
        .get(`${api}/sponsorships/${s.id}/statement?year=2025`)
        .set(bearer(sponsorA))
        .expect(200);
      expect(json.body).toMatchObject({
        year: 2025,
        studentName: st.preferredName,
        totals: [
          { amount: 3000, currency: 'JPY' },
          { amount: 12550, currency: 'USD' },
        ],
      });
      expect(json.body.payments.map((p: { receivedOn: string }) => p.receivedOn)).toEqual(['2025-03-01', '2025-06-01']);
      const csv = await request(t.http)
        .get(`${api}/sponsorships/${s.id}/statement?year=2025&format=csv`)
        .set(bearer(sponsorA))
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text).toContain('2025-03-01,Payment,125.50,USD,bank_transfer');
      expect(csv.text).toContain("'=HYPERLINK(1)");
      expect(csv.text).toContain(',Total 2025,3000,JPY');
      for (const q of ['year=1999', 'year=abc', '', 'year=2025&format=pdf']) {
        expectProblem(
          await request(t.http).get(`${api}/sponsorships/${s.id}/statement?${q}`).set(bearer(sponsorA)),
          400,
          'invalid_request',
        );
      }
    });

    it('should show organizers the program’s funds per student and currency', async () => {
      const p = (await sponsorshipProgram(t, organizer)).id;
      const st = await createStudent(t, organizer, p, { annualNeed: { amount: 120000, currency: 'NPR' } });
      const s = await createSponsorship(t, organizer, {
        studentId: st.id,
        sponsorUserId: sponsorA.id,
        programId: p,
        commitment: { amount: 10000, currency: 'NPR', period: 'month' },
        startDate: today(-75),
      });
      await recordPayment(t, organizer, s.id, { amount: 25000, currency: 'NPR' });
      const d = await request(t.http)
        .post(`${api}/students/${st.id}/disbursements`)
        .set(bearer(organizer))
        .send({
          category: 'tuition',
          amount: 18000,
          currency: 'NPR',
          paidOn: today(),
          payee: 'Shree School',
          receiptReference: 'R-1',
        })
        .expect(201);
      expect(d.body).toMatchObject({ category: 'tuition', amount: 18000, currency: 'NPR', payee: 'Shree School' });
      expectProblem(
        await request(t.http)
          .post(`${api}/students/${st.id}/disbursements`)
          .set(bearer(organizer))
          .send({ category: 'party', amount: 1.5, currency: 'NPR', paidOn: 'today', payee: '' }),
        400,
        'invalid_request',
      );
      const funds = await request(t.http).get(`${api}/programs/${p}/funds`).set(bearer(organizer)).expect(200);
      expect(funds.body.students).toEqual([
        expect.objectContaining({
          studentId: st.id,
          totals: [{ currency: 'NPR', committed: 30000, received: 25000, disbursed: 18000, balance: 7000 }],
        }),
      ]);
      expect(funds.body.totals).toEqual([
        { currency: 'NPR', committed: 30000, received: 25000, disbursed: 18000, balance: 7000 },
      ]);
      const student = await request(t.http).get(`${api}/students/${st.id}`).set(bearer(organizer)).expect(200);
      expect(student.body.funding[0].need).toEqual({ amount: 120000, currency: 'NPR' });
      expectProblem(
        await request(t.http).get(`${api}/programs/${p}/funds`).set(bearer(otherOrganizer)),
        403,
        'forbidden',
      );
      expectProblem(await request(t.http).get(`${api}/programs/${p}/funds`).set(bearer(sponsorA)), 403, 'forbidden');
      expectProblem(
        await request(t.http).get(`${api}/programs/00000000-0000-4000-8000-000000000000/funds`).set(bearer(organizer)),
        404,
        'not_found',
      );
    });
  });
});
