import request from 'supertest';
import {
  createSponsorship,
  createStudent,
  plusMonths,
  recordPayment,
  sponsorshipProgram,
  today,
} from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

/**
 * What the sponsor pages read besides the sponsorship itself: the student's published reports
 * (GET /sponsorships/:id/reports and /:reportId), and the sponsorship's own money this year and
 * its due dates (paidThisYear, dues). A sponsor reads her own sponsorship's only.
 */
const api = '/api/v1';

describe('GET /sponsorships/:id/reports', () => {
  let t: TestApp;
  let organizer: TestUser;
  let sponsorA: TestUser;
  let sponsorB: TestUser;
  let family: TestUser;
  let programId: string;
  let student: { id: string };
  let other: { id: string };
  let a: { id: string };
  let b: { id: string };
  let otherOfA: { id: string };
  const reports: Record<string, { id: string }> = {};

  const report = (studentId: string, term: string, published: boolean) =>
    request(t.http)
      .post(`${api}/students/${studentId}/reports`)
      .set(bearer(organizer))
      .send({
        term,
        gradeLevel: 'Grade 8',
        subjects: [
          { name: 'Mathematics', grade: 'A' },
          { name: 'Nepali', grade: 'B+' },
        ],
        attendanceRate: 0.93,
        promoted: true,
        summary: `Summary of ${term}`,
        published,
      })
      .expect(201)
      .then((r) => r.body as { id: string });

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    organizer = await createUser(t, ['organizer']);
    sponsorA = await createUser(t, ['sponsor'], { name: 'Margaret Alpha-Sponsor' });
    sponsorB = await createUser(t, ['sponsor'], { name: 'Beatrice Beta-Sponsor' });
    family = await createUser(t, ['family']);
    programId = (await sponsorshipProgram(t, organizer)).id;
    student = await createStudent(t, organizer, programId);
    other = await createStudent(t, organizer, programId);
    // A: monthly since three months ago, one month paid (so two older dues stand, one overdue);
    // B: yearly from today, paid in full in another currency too.
    a = await createSponsorship(t, organizer, {
      studentId: student.id,
      sponsorUserId: sponsorA.id,
      programId,
      startDate: plusMonths(today(), -3),
    });
    b = await createSponsorship(t, organizer, {
      studentId: student.id,
      sponsorUserId: sponsorB.id,
      programId,
      commitment: { amount: 50000, currency: 'NPR', period: 'year' },
    });
    otherOfA = await createSponsorship(t, organizer, { studentId: other.id, sponsorUserId: sponsorA.id, programId });
    await recordPayment(t, organizer, a.id, { amount: 3000, currency: 'USD' });
    await recordPayment(t, organizer, b.id, { amount: 50000, currency: 'NPR' });
    await recordPayment(t, organizer, b.id, { amount: 1200, currency: 'EUR' });
    reports.first = await report(student.id, '2026 Term 1', true);
    reports.draft = await report(student.id, '2026 Term 2 (draft)', false);
    reports.second = await report(student.id, '2026 Term 2', true);
    reports.ofOther = await report(other.id, 'Other student Term 1', true);
  });
  afterAll(() => t.close());

  it("should list the student's published reports oldest first, with subjects, grades, attendance and promotion", async () => {
    for (const sponsor of [sponsorA, sponsorB]) {
      const id = sponsor === sponsorA ? a.id : b.id;
      const res = await request(t.http).get(`${api}/sponsorships/${id}/reports`).set(bearer(sponsor)).expect(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
      expect(res.body.items.map((r: { term: string }) => r.term)).toEqual(['2026 Term 1', '2026 Term 2']);
      expect(res.body.items[0]).toMatchObject({
        id: reports.first.id,
        gradeLevel: 'Grade 8',
        subjects: [
          { name: 'Mathematics', grade: 'A' },
          { name: 'Nepali', grade: 'B+' },
        ],
        attendanceRate: 0.93,
        promoted: true,
        published: true,
      });
      const one = await request(t.http)
        .get(`${api}/sponsorships/${id}/reports/${reports.second.id}`)
        .set(bearer(sponsor))
        .expect(200);
      expect(one.body).toMatchObject({ id: reports.second.id, term: '2026 Term 2', summary: 'Summary of 2026 Term 2' });
    }
    const paged = await request(t.http)
      .get(`${api}/sponsorships/${a.id}/reports?page=2&limit=1`)
      .set(bearer(sponsorA))
      .expect(200);
    expect(paged.body.items.map((r: { id: string }) => r.id)).toEqual([reports.second.id]);
  });

  it("should refuse another sponsor's sponsorship, a draft and another student's report as not found", async () => {
    for (const path of [
      `/sponsorships/${b.id}`,
      `/sponsorships/${b.id}/reports`,
      `/sponsorships/${b.id}/reports/${reports.first.id}`,
      `/sponsorships/${a.id}/reports/${reports.draft.id}`,
      `/sponsorships/${a.id}/reports/${reports.ofOther.id}`,
      `/sponsorships/${a.id}/reports/00000000-0000-4000-8000-000000000000`,
      `/sponsorships/${a.id}/reports/not-a-uuid`,
    ]) {
      expectProblem(await request(t.http).get(`${api}${path}`).set(bearer(sponsorA)), 404, 'not_found');
    }
    // Her other student's report is read through that sponsorship only.
    await request(t.http)
      .get(`${api}/sponsorships/${otherOfA.id}/reports/${reports.ofOther.id}`)
      .set(bearer(sponsorA))
      .expect(200);
    expectProblem(
      await request(t.http).get(`${api}/sponsorships/${a.id}/reports`).set(bearer(family)),
      404,
      'not_found',
    );
    expectProblem(await request(t.http).get(`${api}/sponsorships/${a.id}/reports`), 401, 'unauthenticated');
    expectProblem(
      await request(t.http).get(`${api}/sponsorships/${a.id}/reports?limit=500`).set(bearer(sponsorA)),
      400,
      'invalid_request',
    );
    // The program's organizer reads them too.
    await request(t.http).get(`${api}/sponsorships/${a.id}/reports`).set(bearer(organizer)).expect(200);
  });

  it('should give each sponsor her own money this year and her own due dates, overdue ones marked', async () => {
    const viewA = (await request(t.http).get(`${api}/sponsorships/${a.id}`).set(bearer(sponsorA)).expect(200)).body;
    const start = plusMonths(today(), -3);
    // Paid this year: the one payment (received today).
    expect(viewA.paidThisYear).toEqual([{ amount: 3000, currency: 'USD' }]);
    expect(viewA.dues.map((d: { date: string }) => d.date)).toEqual([0, 1, 2, 3].map((k) => plusMonths(start, k)));
    expect(viewA.dues[0]).toEqual({ date: start, amount: 3000, currency: 'USD', unpaid: 0, overdue: false });
    // The second due (two months ago) is unpaid more than 30 days: overdue; the newest is not yet.
    expect(viewA.dues[1]).toMatchObject({ unpaid: 3000, overdue: true });
    expect(viewA.dues[3]).toMatchObject({ unpaid: 3000, overdue: false });
    expect(viewA.overdue.amount).toBe(viewA.dues.filter((d: { overdue: boolean }) => d.overdue).length * 3000);

    const viewB = (await request(t.http).get(`${api}/sponsorships/${b.id}`).set(bearer(sponsorB)).expect(200)).body;
    expect(viewB.paidThisYear).toEqual([
      { amount: 1200, currency: 'EUR' },
      { amount: 50000, currency: 'NPR' },
    ]);
    expect(viewB.dues).toEqual([{ date: today(), amount: 50000, currency: 'NPR', unpaid: 0, overdue: false }]);
    // Neither answer carries the other's money or name.
    const textA = JSON.stringify(viewA);
    for (const v of ['50000', 'NPR', 'EUR', sponsorB.name, sponsorB.id]) expect(textA).not.toContain(v);
    const textB = JSON.stringify(viewB);
    for (const v of [sponsorA.name, sponsorA.id, '"USD"']) expect(textB).not.toContain(v);
  });

  it('should hide every report at once when the share_progress consent is withdrawn', async () => {
    await request(t.http)
      .post(`${api}/students/${student.id}/consents/share_progress/withdraw`)
      .set(bearer(organizer))
      .expect((r) => expect(r.status).toBeLessThan(300));
    const list = await request(t.http).get(`${api}/sponsorships/${a.id}/reports`).set(bearer(sponsorA)).expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    expectProblem(
      await request(t.http).get(`${api}/sponsorships/${a.id}/reports/${reports.first.id}`).set(bearer(sponsorA)),
      404,
      'not_found',
    );
    const view = await request(t.http).get(`${api}/sponsorships/${a.id}`).set(bearer(sponsorA)).expect(200);
    expect(view.body.latestReport).toBeNull();
    // The other student's consent still holds.
    const others = await request(t.http)
      .get(`${api}/sponsorships/${otherOfA.id}/reports`)
      .set(bearer(sponsorA))
      .expect(200);
    expect(others.body.total).toBe(1);
  });
});
