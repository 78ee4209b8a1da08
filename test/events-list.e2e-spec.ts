import request from 'supertest';
import { createEvent, createPublishedEvent } from './factories/events';
import { createProgram } from './factories/programs';
import { bearer, organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Its own file: the list is asserted in full, so no other test's events may be in the tables. */
describe('events: the public list', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
  });
  afterAll(async () => t.close());

  describe('GET /events', () => {
    let lister: TestUser;
    let programId: string;
    const titles = (res: request.Response) => res.body.items.map((e: { title: string }) => e.title);

    beforeAll(async () => {
      lister = await organizer(t);
      programId = (await createProgram(t, lister)).id;
      const at = (day: string, h = 10) => `2099-06-${day}T${String(h).padStart(2, '0')}:00:00+08:00`;
      const make = (title: string, day: string, o: Record<string, unknown> = {}) =>
        createPublishedEvent(t, lister, { title, startsAt: at(day), endsAt: at(day, 12), ...o });
      await make('Kite Festival', '10', { kind: 'celebration', summary: 'Kites over the bay' });
      await make('Robotics Webinar', '11', {
        kind: 'webinar',
        format: 'online',
        venue: null,
        onlineUrl: 'https://x.org/robots',
        programId,
      });
      await make('Pitch Night', '12', { kind: 'competition', venue: 'Harbour Hall 100% accessible' });
      await make('Science Workshop', '12', { kind: 'workshop', summary: 'snake_case for kids', programId });
      await make('Science Workshop II', '13', { kind: 'workshop', summary: 'snakeXcase for kids' });
      const past = await make('Last Year Gala', '01');
      await t.db.query(
        "UPDATE events SET starts_at = now() - interval '30 days', ends_at = now() - interval '29 days' WHERE id = $1",
        [past.id],
      );
      const gone = await make('Cancelled Picnic', '14');
      await request(t.http).post(`/api/v1/events/${gone.id}/cancel`).set(bearer(lister)).expect(200);
      await createEvent(t, lister, { title: 'Draft Party', startsAt: at('15'), endsAt: at('15', 12) });
    });

    it('should list published events, past and upcoming, by start then id, without drafts or cancelled ones', async () => {
      const res = await request(t.http).get('/api/v1/events').expect(200);
      expect(res.body).toMatchObject({ total: 6, page: 1, limit: 20 });
      expect(titles(res)[0]).toBe('Last Year Gala');
      expect(res.body.items[0].status).toBe('completed');
      expect(titles(res).slice(1, 3)).toEqual(['Kite Festival', 'Robotics Webinar']);
      const sameStart = res.body.items.slice(3, 5).map((e: { id: string; title: string }) => e);
      expect(sameStart.map((e: { title: string }) => e.title).sort()).toEqual(['Pitch Night', 'Science Workshop']);
      expect(sameStart[0].id < sameStart[1].id).toBe(true);
      expect(titles(res)[5]).toBe('Science Workshop II');
      expect(res.body.items.every((e: { onlineUrl: unknown }) => e.onlineUrl === null)).toBe(true);
    });

    it('should show organizers their own online links in the list', async () => {
      const mine = await request(t.http).get('/api/v1/events?kind=webinar').set(bearer(lister)).expect(200);
      expect(mine.body.items[0]).toMatchObject({ onlineUrl: 'https://x.org/robots', organizerIds: [lister.id] });
      const other = await request(t.http)
        .get('/api/v1/events?kind=webinar')
        .set(bearer(await organizer(t)))
        .expect(200);
      expect(other.body.items[0].onlineUrl).toBeNull();
      expect(other.body.items[0]).not.toHaveProperty('organizerIds');
    });

    it('should filter by kind, format and programId', async () => {
      expect(titles(await request(t.http).get('/api/v1/events?kind=workshop').expect(200))).toEqual([
        'Science Workshop',
        'Science Workshop II',
      ]);
      expect(titles(await request(t.http).get('/api/v1/events?format=online').expect(200))).toEqual([
        'Robotics Webinar',
      ]);
      expect(titles(await request(t.http).get(`/api/v1/events?programId=${programId}`).expect(200))).toEqual([
        'Robotics Webinar',
        'Science Workshop',
      ]);
      expect((await request(t.http).get(`/api/v1/events?programId=${NO_SUCH_ID}`).expect(200)).body).toMatchObject({
        items: [],
        total: 0,
      });
    });

    it('should filter by start with dates (whole UTC days) and instants', async () => {
      const byDates = await request(t.http).get('/api/v1/events?from=2099-06-11&to=2099-06-12').expect(200);
      expect(titles(byDates).sort()).toEqual(['Pitch Night', 'Robotics Webinar', 'Science Workshop']);
      // 2099-06-12T10:00+08:00 is 02:00Z: an instant bound is exact and inclusive.
      const byInstants = await request(t.http)
        .get(
          `/api/v1/events?from=${encodeURIComponent('2099-06-12T02:00:00Z')}&to=${encodeURIComponent('2099-06-13T10:00:00+08:00')}`,
        )
        .expect(200);
      expect(titles(byInstants).sort()).toEqual(['Pitch Night', 'Science Workshop', 'Science Workshop II']);
      const upcoming = await request(t.http).get(`/api/v1/events?from=${new Date().toISOString().slice(0, 10)}`);
      expect(titles(upcoming)).not.toContain('Last Year Gala');
      expect(upcoming.body.total).toBe(5);
    });

    it('should search title, summary and venue, with % and _ matched literally', async () => {
      expect(titles(await request(t.http).get('/api/v1/events?q=KITES').expect(200))).toEqual(['Kite Festival']);
      expect(titles(await request(t.http).get('/api/v1/events?q=harbour').expect(200))).toEqual(['Pitch Night']);
      expect(titles(await request(t.http).get('/api/v1/events?q=workshop').expect(200))).toEqual([
        'Science Workshop',
        'Science Workshop II',
      ]);
      expect(
        titles(
          await request(t.http)
            .get(`/api/v1/events?q=${encodeURIComponent('100%')}`)
            .expect(200),
        ),
      ).toEqual(['Pitch Night']);
      expect(
        titles(
          await request(t.http)
            .get(`/api/v1/events?q=${encodeURIComponent('%')}`)
            .expect(200),
        ),
      ).toEqual(['Pitch Night']);
      expect(
        titles(
          await request(t.http)
            .get(`/api/v1/events?q=${encodeURIComponent('snake_case')}`)
            .expect(200),
        ),
      ).toEqual(['Science Workshop']);
      expect(
        titles(
          await request(t.http)
            .get(`/api/v1/events?q=${encodeURIComponent('\\')}`)
            .expect(200),
        ),
      ).toEqual([]);
      expect(titles(await request(t.http).get('/api/v1/events?q=draft').expect(200))).toEqual([]);
    });

    it('should paginate', async () => {
      const p1 = await request(t.http).get('/api/v1/events?limit=4').expect(200);
      const p2 = await request(t.http).get('/api/v1/events?limit=4&page=2').expect(200);
      const p9 = await request(t.http).get('/api/v1/events?limit=4&page=9').expect(200);
      expect(p1.body).toMatchObject({ total: 6, page: 1, limit: 4 });
      expect(p1.body.items).toHaveLength(4);
      expect(p2.body).toMatchObject({ total: 6, page: 2, limit: 4 });
      expect(p2.body.items).toHaveLength(2);
      expect(p9.body).toMatchObject({ items: [], total: 6, page: 9 });
      const all = await request(t.http).get('/api/v1/events?limit=100').expect(200);
      expect([...p1.body.items, ...p2.body.items].map((e: { id: string }) => e.id)).toEqual(
        all.body.items.map((e: { id: string }) => e.id),
      );
    });

    it.each([
      'page=0',
      'page=-1',
      'limit=0',
      'limit=101',
      'limit=ten',
      'kind=party',
      'format=virtual',
      'from=yesterday',
      'from=2099-02-30',
      'to=2099-06-01T10:00:00',
      'from=2099-06-12&to=2099-06-11',
      'programId=not-a-uuid',
      `q=${'q'.repeat(201)}`,
      'status=draft',
    ])('should refuse the bad query %s', async (q) => {
      expectProblem(await request(t.http).get(`/api/v1/events?${q}`), 400, 'invalid_request');
    });
  });
});
