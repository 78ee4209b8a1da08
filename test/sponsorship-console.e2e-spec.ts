import request from 'supertest';
import { createProgram } from './factories/programs';
import { createSponsorship, createStudent, sponsorshipProgram, today } from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb } from './utils/reset-db';

const api = '/api/v1';

/** The reads the organizers' sponsorship console needs beyond the original api. */
describe('sponsorship console reads', () => {
  let t: TestApp;
  let organizer: TestUser;
  let otherOrganizer: TestUser;
  let admin: TestUser;
  let sponsor: TestUser;
  let family: TestUser;
  let programId: string;
  let otherProgramId: string;
  let student: { id: string };

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    organizer = await createUser(t, ['organizer']);
    otherOrganizer = await createUser(t, ['organizer']);
    admin = await createUser(t, ['admin']);
    sponsor = await createUser(t, ['sponsor'], { name: 'Grace Console-Sponsor' });
    family = await createUser(t, ['family']);
    programId = (await sponsorshipProgram(t, organizer)).id;
    otherProgramId = (await sponsorshipProgram(t, otherOrganizer)).id;
    await createProgram(t, organizer, { kind: 'events' });
    student = await createStudent(t, organizer, programId, { fullName: 'Maya Gurung', gradeLevel: 'Grade 9' });
    await createStudent(t, organizer, programId, { fullName: 'Pema Sherpa', gradeLevel: 'Grade 7' });
    await createStudent(t, otherOrganizer, otherProgramId, { fullName: 'Maya Other' });
  });
  afterAll(async () => t.close());

  describe('GET /programs?mine=true', () => {
    it("should list only the caller's programs, every one for an admin", async () => {
      const mine = await request(t.http)
        .get(`${api}/programs`)
        .query({ mine: 'true', kind: 'sponsorship' })
        .set(bearer(organizer))
        .expect(200);
      expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([programId]);
      const all = await request(t.http)
        .get(`${api}/programs`)
        .query({ mine: 'true', kind: 'sponsorship' })
        .set(bearer(admin))
        .expect(200);
      expect(all.body.items.map((p: { id: string }) => p.id).sort()).toEqual([programId, otherProgramId].sort());
    });

    it('should refuse visitors, families and a bad flag', async () => {
      expectProblem(await request(t.http).get(`${api}/programs`).query({ mine: 'true' }), 401, 'unauthenticated');
      expectProblem(
        await request(t.http).get(`${api}/programs`).query({ mine: 'true' }).set(bearer(family)),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http).get(`${api}/programs`).query({ mine: 'yes' }).set(bearer(organizer)),
        400,
        'invalid_request',
      );
    });
  });

  describe('GET /students with grade and q', () => {
    it('should filter by grade (any case) and by part of a name, within her organizers’ programs', async () => {
      const byGrade = await request(t.http)
        .get(`${api}/students`)
        .query({ programId, grade: 'grade 9' })
        .set(bearer(organizer))
        .expect(200);
      expect(byGrade.body.items.map((s: { fullName: string }) => s.fullName)).toEqual(['Maya Gurung']);
      const byName = await request(t.http)
        .get(`${api}/students`)
        .query({ q: 'maya' })
        .set(bearer(organizer))
        .expect(200);
      expect(byName.body.items.map((s: { fullName: string }) => s.fullName)).toEqual(['Maya Gurung']);
      const wild = await request(t.http).get(`${api}/students`).query({ q: '%' }).set(bearer(organizer)).expect(200);
      expect(wild.body.total).toBe(0);
    });

    it('should refuse a filter too long', async () => {
      expectProblem(
        await request(t.http)
          .get(`${api}/students`)
          .query({ grade: 'x'.repeat(41) })
          .set(bearer(organizer)),
        400,
        'invalid_request',
      );
    });
  });

  describe('POST /sponsorships with sponsorEmail', () => {
    it('should find the sponsor by the email of their account, any case', async () => {
      const res = await request(t.http)
        .post(`${api}/sponsorships`)
        .set(bearer(organizer))
        .send({
          studentId: student.id,
          programId,
          sponsorEmail: sponsor.email.toUpperCase(),
          commitment: { amount: 1500, currency: 'USD', period: 'month' },
          startDate: today(),
        })
        .expect(201);
      expect(res.body).toMatchObject({ sponsorUserId: sponsor.id, status: 'active' });
    });

    it('should refuse an unknown email, a user without the sponsor role, both or neither', async () => {
      const base = {
        studentId: student.id,
        programId,
        commitment: { amount: 1500, currency: 'USD', period: 'month' },
        startDate: today(),
      };
      const post = (body: Record<string, unknown>) =>
        request(t.http).post(`${api}/sponsorships`).set(bearer(organizer)).send(body);
      let res = await post({ ...base, sponsorEmail: 'nobody-here@example.org' });
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['sponsorEmail']);
      res = await post({ ...base, sponsorEmail: family.email });
      expectProblem(res, 400, 'invalid_request');
      expect(res.body.errors[0].message).toMatch(/sponsor role/);
      expectProblem(
        await post({ ...base, sponsorEmail: sponsor.email, sponsorUserId: sponsor.id }),
        400,
        'invalid_request',
      );
      expectProblem(await post(base), 400, 'invalid_request');
      res = await post({ ...base, sponsorEmail: 'not an email' });
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['sponsorEmail']);
    });
  });

  describe('GET /students/:id/sponsorships, /reports, /disbursements', () => {
    beforeAll(async () => {
      await request(t.http)
        .post(`${api}/students/${student.id}/reports`)
        .set(bearer(organizer))
        .send({ term: '2026 Term 1', gradeLevel: 'Grade 9', subjects: [], attendanceRate: 0.9, promoted: true })
        .expect(201);
      await request(t.http)
        .post(`${api}/students/${student.id}/disbursements`)
        .set(bearer(organizer))
        .send({ category: 'tuition', amount: 5000, currency: 'NPR', paidOn: today(), payee: 'The school' })
        .expect(201);
    });

    it('should show her organizers each sponsorship with its sponsor, her drafts and her disbursements', async () => {
      const second = await createSponsorship(t, organizer, {
        studentId: student.id,
        sponsorUserId: sponsor.id,
        programId,
      });
      await request(t.http).post(`${api}/sponsorships/${second.id}/end`).set(bearer(organizer)).expect(200);
      const sp = await request(t.http)
        .get(`${api}/students/${student.id}/sponsorships`)
        .set(bearer(organizer))
        .expect(200);
      expect(sp.body).toHaveLength(2);
      expect(sp.body.map((s: { status: string }) => s.status)).toEqual(['active', 'ended']);
      expect(sp.body[0].sponsor).toEqual({ id: sponsor.id, name: 'Grace Console-Sponsor', email: sponsor.email });
      const reports = await request(t.http).get(`${api}/students/${student.id}/reports`).set(bearer(admin)).expect(200);
      expect(reports.body).toEqual([
        expect.objectContaining({ term: '2026 Term 1', published: false, publishedAt: null }),
      ]);
      const paid = await request(t.http)
        .get(`${api}/students/${student.id}/disbursements`)
        .set(bearer(organizer))
        .expect(200);
      expect(paid.body).toEqual([
        expect.objectContaining({ category: 'tuition', amount: 5000, currency: 'NPR', payee: 'The school' }),
      ]);
    });

    it("should answer 404 to other programs' organizers and sponsors, and to an id that is no uuid", async () => {
      for (const path of ['sponsorships', 'reports', 'disbursements']) {
        expectProblem(
          await request(t.http).get(`${api}/students/${student.id}/${path}`).set(bearer(otherOrganizer)),
          404,
          'not_found',
        );
        expectProblem(
          await request(t.http).get(`${api}/students/${student.id}/${path}`).set(bearer(sponsor)),
          403,
          'forbidden',
        );
        expectProblem(
          await request(t.http).get(`${api}/students/not-a-uuid/${path}`).set(bearer(organizer)),
          404,
          'not_found',
        );
      }
    });
  });
});
