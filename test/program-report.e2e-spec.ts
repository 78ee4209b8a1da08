import request from 'supertest';
import { createEvent, createPublishedEvent, daysFromNow, TestEvent } from './factories/events';
import { createProgram, TestProgram } from './factories/programs';
import { adult, cancelRegistration, child, register } from './factories/registrations';
import { admin, bearer, family, organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

/**
 * The console's two reading endpoints: a program's report (its events' families, persons, children
 * and who came, and the totals) and an event's registrations per day for the dashboard's chart.
 * The expected figures are recomputed here from the rows themselves.
 */
const COUNTS = [
  'families',
  'persons',
  'adults',
  'children',
  'waitlisted',
  'checkedInFamilies',
  'checkedInPersons',
  'checkedInChildren',
] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

describe('program report and timeline', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    org = await organizer(t);
  });
  afterAll(async () => t.close());

  describe('GET /programs/:id/report', () => {
    let program: TestProgram;
    let events: TestEvent[];

    /** The figures of one event, from its registrations and attendees as stored. */
    async function countedFromRows(eventId: string): Promise<Counts> {
      const regs: { id: string; status: string }[] = await t.db.query(
        'SELECT id, status FROM registrations WHERE event_id = $1',
        [eventId],
      );
      const people: { registration_id: string; category: string; checked_in_at: Date | null }[] = await t.db.query(
        'SELECT registration_id, category, checked_in_at FROM registration_attendees WHERE event_id = $1',
        [eventId],
      );
      const confirmed = new Set(regs.filter((r) => r.status === 'confirmed').map((r) => r.id));
      const mine = people.filter((p) => confirmed.has(p.registration_id));
      const came = mine.filter((p) => p.checked_in_at);
      return {
        families: confirmed.size,
        persons: mine.length,
        adults: mine.filter((p) => p.category === 'adult').length,
        children: mine.filter((p) => p.category === 'child').length,
        waitlisted: regs.filter((r) => r.status === 'waitlisted').length,
        checkedInFamilies: new Set(came.map((p) => p.registration_id)).size,
        checkedInPersons: came.length,
        checkedInChildren: came.filter((p) => p.category === 'child').length,
      };
    }
    const checkIn = (event: TestEvent, code: string, attendeeIds?: string[]) =>
      request(t.http)
        .post(`/api/v1/events/${event.id}/check-ins`)
        .set(bearer(org))
        .send({ code, ...(attendeeIds ? { attendeeIds } : {}) })
        .expect(200);

    beforeAll(async () => {
      program = await createProgram(t, org);
      const other = await createProgram(t, org);
      events = [
        await createPublishedEvent(t, org, { programId: program.id, capacity: 6 }),
        await createPublishedEvent(t, org, {
          programId: program.id,
          capacity: 10,
          startsAt: daysFromNow(31),
          endsAt: daysFromNow(31, 4),
        }),
      ];
      await createEvent(t, org, { programId: program.id }); // a draft: not in the report
      const elsewhere = await createPublishedEvent(t, org, { programId: other.id });
      await register(t, elsewhere.id, { attendees: [adult('Not this program')] });

      const [day, fair] = events;
      const a = await register(t, day.id, { attendees: [adult('Mother'), child('Girl'), child('Boy')] });
      const b = await register(t, day.id, { attendees: [adult('Father'), child('Baby', '2024-01-01')] });
      await register(t, day.id, { attendees: [adult('Waiting'), adult('Too')] }); // waitlisted: 5 + 2 > 6
      const c = await register(t, day.id, { attendees: [adult('One')] }); // fits: 6
      await cancelRegistration(t, c);
      await checkIn(day, a.code, [a.attendees[0].id, a.attendees[1].id]);
      await checkIn(day, b.code);

      const d = await register(t, fair.id, { attendees: [adult('Gran'), child('Grandchild')] });
      await register(t, fair.id, { attendees: [adult('Solo')] });
      await checkIn(fair, d.code);
    });

    it("should count each event's families, persons, children and who came, as the rows say, and sum them", async () => {
      const res = await request(t.http).get(`/api/v1/programs/${program.id}/report`).set(bearer(org));
      expect(res.status).toBe(200);
      expect(res.body.programId).toBe(program.id);
      expect(res.body.name).toBe(program.name);
      expect(res.body.events.map((e: { id: string }) => e.id)).toEqual(events.map((e) => e.id));

      const expected: Counts[] = [];
      for (const event of events) expected.push(await countedFromRows(event.id));
      res.body.events.forEach((e: Counts & { title: string; status: string }, i: number) => {
        expect(e).toMatchObject({ ...expected[i], title: events[i].title, status: 'published' });
      });
      const totals = Object.fromEntries(COUNTS.map((k) => [k, expected.reduce((n, e) => n + e[k], 0)]));
      expect(res.body.totals).toEqual(totals);
      // and the figures are the ones this test made
      expect(res.body.totals).toEqual({
        families: 4,
        persons: 8,
        adults: 4,
        children: 4,
        waitlisted: 1,
        checkedInFamilies: 3,
        checkedInPersons: 6,
        checkedInChildren: 3,
      });
    });

    it("should be for the program's organizers and admins only", async () => {
      expect(
        (
          await request(t.http)
            .get(`/api/v1/programs/${program.id}/report`)
            .set(bearer(await admin(t)))
        ).status,
      ).toBe(200);
      expectProblem(
        await request(t.http)
          .get(`/api/v1/programs/${program.id}/report`)
          .set(bearer(await organizer(t))),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http)
          .get(`/api/v1/programs/${program.id}/report`)
          .set(bearer(await family(t))),
        403,
        'forbidden',
      );
      expectProblem(
        await request(t.http).get('/api/v1/programs/00000000-0000-4000-8000-000000000000/report').set(bearer(org)),
        404,
        'not_found',
      );
      expectProblem(await request(t.http).get('/api/v1/programs/nope/report').set(bearer(org)), 404, 'not_found');
    });
  });

  describe('GET /events/:id/stats/timeline', () => {
    it("should count registrations per day of the event's zone by their status now, days between included", async () => {
      const event = await createPublishedEvent(t, org, { capacity: 2, timezone: 'Asia/Kathmandu' });
      const regs = [];
      for (let i = 0; i < 4; i += 1) regs.push(await register(t, event.id));
      await cancelRegistration(t, regs[1]);
      // Made at: 1 May 18:00 UTC (23:45 in Kathmandu), 1 May 18:30 UTC (2 May 00:15), 4 May, 4 May.
      const made = ['2027-05-01T18:00:00Z', '2027-05-01T18:30:00Z', '2027-05-04T06:00:00Z', '2027-05-04T07:00:00Z'];
      for (const [i, at] of made.entries()) {
        await t.db.query('UPDATE registrations SET created_at = $2 WHERE id = $1', [regs[i].id, at]);
      }
      const res = await request(t.http).get(`/api/v1/events/${event.id}/stats/timeline`).set(bearer(org));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        timezone: 'Asia/Kathmandu',
        days: [
          { date: '2027-05-01', confirmed: 1, waitlisted: 0, cancelled: 0 },
          { date: '2027-05-02', confirmed: 0, waitlisted: 0, cancelled: 1 },
          { date: '2027-05-03', confirmed: 0, waitlisted: 0, cancelled: 0 },
          { date: '2027-05-04', confirmed: 1, waitlisted: 1, cancelled: 0 },
        ],
      });
    });

    it('should answer an empty chart for an event nobody registered for, and keep other organizers out', async () => {
      const event = await createPublishedEvent(t, org);
      const res = await request(t.http).get(`/api/v1/events/${event.id}/stats/timeline`).set(bearer(org));
      expect(res.body).toEqual({ timezone: 'Asia/Shanghai', days: [] });
      expectProblem(
        await request(t.http)
          .get(`/api/v1/events/${event.id}/stats/timeline`)
          .set(bearer(await organizer(t))),
        403,
        'forbidden',
      );
    });
  });
});
