import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent, TestEvent } from './factories/events';
import { adult, AttendeeInput, child, register, TestRegistration } from './factories/registrations';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { resetDb, resetQueues, resetRateLimits } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The stats come from counters that triggers keep; after every step they must equal a count of
 * the rows themselves.
 */
describe('GET /events/:id/stats after every kind of change', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;
  let event: TestEvent;
  let other: TestEvent;

  /** The event's figures counted from the tables, as the stats were computed before counters. */
  async function recount(eventId: string): Promise<Record<string, number>> {
    const [row] = await t.db.query(
      `SELECT e.capacity, e.seats_taken AS "seatsTaken",
              (SELECT count(*) FROM registrations WHERE event_id = e.id AND status = 'confirmed')::int AS confirmed,
              (SELECT count(*) FROM registrations WHERE event_id = e.id AND status = 'waitlisted')::int AS waitlisted,
              (SELECT count(*) FROM registrations WHERE event_id = e.id AND status = 'cancelled')::int AS cancelled,
              (SELECT count(*) FROM registration_attendees a JOIN registrations r ON r.id = a.registration_id
               WHERE a.event_id = e.id AND r.status = 'confirmed' AND a.checked_in_at IS NOT NULL)::int AS "checkedIn",
              (SELECT count(*) FROM registration_attendees a JOIN registrations r ON r.id = a.registration_id
               WHERE a.event_id = e.id AND r.status = 'confirmed' AND a.category = 'adult')::int AS adults,
              (SELECT count(*) FROM registration_attendees a JOIN registrations r ON r.id = a.registration_id
               WHERE a.event_id = e.id AND r.status = 'confirmed' AND a.category = 'child')::int AS children
       FROM events e WHERE e.id = $1`,
      [eventId],
    );
    return row;
  }

  async function stats(eventId: string): Promise<Record<string, number>> {
    return (await request(t.http).get(`/api/v1/events/${eventId}/stats`).set(bearer(organizer)).expect(200)).body;
  }

  /** The stats as served equal the recount; answers them for the step's own expectations. */
  async function expectCounted(eventId = event.id): Promise<Record<string, number>> {
    const served = await stats(eventId);
    expect(served).toEqual(await recount(eventId));
    const list = await request(t.http)
      .get(`/api/v1/events/${eventId}/registrations?limit=1`)
      .set(bearer(organizer))
      .expect(200);
    expect(list.body.total).toBe(served.confirmed + served.waitlisted + served.cancelled);
    return served;
  }

  const change = (r: TestRegistration, attendees: AttendeeInput[]) =>
    request(t.http).patch(`/api/v1/registrations/${r.id}`).set('X-Manage-Token', r.manageToken!).send({ attendees });
  const cancel = (r: TestRegistration) =>
    request(t.http).post(`/api/v1/registrations/${r.id}/cancel`).set('X-Manage-Token', r.manageToken!).send();
  const checkIn = (body: object) =>
    request(t.http).post(`/api/v1/events/${event.id}/check-ins`).set(bearer(organizer)).send(body);
  const undoCheckIn = (code: string) =>
    request(t.http).delete(`/api/v1/events/${event.id}/check-ins/${code}`).set(bearer(organizer));
  const statusOf = async (r: TestRegistration) =>
    (await t.db.query('SELECT status FROM registrations WHERE id = $1', [r.id]))[0].status;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    await resetRateLimits(t.app.get(REDIS));
    // Batches of two, so an event cancellation takes several transactions.
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url, FANOUT_BATCH_SIZE: '2' });
    organizer = await createUser(t, ['organizer']);
    event = await createPublishedEvent(t, organizer, { capacity: 6, title: 'Counted Family Day' });
    // Another event's changes must not leak into this one's counts (and back).
    other = await createPublishedEvent(t, organizer, { capacity: 2 });
    await register(t, other.id, { attendees: [adult('Other One'), child('Other Child')] });
    await register(t, other.id);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  it('should count every step of an event from first registration to its cancellation', async () => {
    expect(await expectCounted()).toMatchObject({ confirmed: 0, waitlisted: 0, cancelled: 0, adults: 0 });

    // Confirmed and waitlisted families.
    const a = await register(t, event.id, { attendees: [adult('Ann A'), child('Bo A'), child('Cy A')] });
    const b = await register(t, event.id, { attendees: [adult('Dan B'), adult('Eve B')] });
    expect(await expectCounted()).toMatchObject({ confirmed: 2, adults: 3, children: 2, seatsTaken: 5 });
    const c = await register(t, event.id, { attendees: [adult('Fay C'), child('Gus C')] });
    expect(c.status).toBe('waitlisted');
    const d = await register(t, event.id, { attendees: [adult('Hal D')] });
    const e = await register(t, event.id, { attendees: [adult('Ivy E')] });
    expect([d.status, e.status]).toEqual(['confirmed', 'waitlisted']);
    expect(await expectCounted()).toMatchObject({ confirmed: 3, waitlisted: 2, adults: 4, children: 2 });

    // Check-in of a whole family, of one person, and undo.
    await checkIn({ code: a.code }).expect(200);
    expect(await expectCounted()).toMatchObject({ checkedIn: 3 });
    await checkIn({ code: b.code, attendeeIds: [b.attendees[1].id] }).expect(200);
    expect(await expectCounted()).toMatchObject({ checkedIn: 4 });
    await checkIn({ code: b.code }).expect(200);
    expect(await expectCounted()).toMatchObject({ checkedIn: 5 });
    await undoCheckIn(b.code).expect(200);
    expect(await expectCounted()).toMatchObject({ checkedIn: 3 });

    // The checked-in family cancels: its persons leave the counts, the waitlist moves up (C and E).
    await cancel(a).expect(200);
    expect([await statusOf(c), await statusOf(e)]).toEqual(['confirmed', 'confirmed']);
    expect(await expectCounted()).toMatchObject({
      confirmed: 4,
      waitlisted: 0,
      cancelled: 1,
      checkedIn: 0,
      adults: 5,
      children: 1,
      seatsTaken: 6,
    });

    // Party changes: fewer persons, more persons, adults for children; a waitlisted family's change.
    await change(b, [adult('Dan B')]).expect(200);
    expect(await expectCounted()).toMatchObject({ adults: 4, seatsTaken: 5 });
    const f = await register(t, event.id, { attendees: [adult('Jo F'), adult('Kim F')] });
    expect(f.status).toBe('waitlisted');
    await change(c, [adult('Fay C'), child('Gus C'), child('Hu C')]).expect(200);
    expect(await expectCounted()).toMatchObject({ adults: 4, children: 2, waitlisted: 1, seatsTaken: 6 });
    await change(f, [adult('Jo F'), child('Lu F')]).expect(200);
    expect(await expectCounted()).toMatchObject({ adults: 4, children: 2, waitlisted: 1 });
    await change(d, [child('Hal D jr')]).expect(200);
    expect(await expectCounted()).toMatchObject({ adults: 3, children: 3 });

    // A waitlisted family cancels; then a confirmed one, which lets F in.
    const g = await register(t, event.id, { attendees: [adult('Mo G')] });
    expect(g.status).toBe('waitlisted');
    await cancel(g).expect(200);
    expect(await expectCounted()).toMatchObject({ waitlisted: 1, cancelled: 2 });
    await checkIn({ code: c.code }).expect(200);
    await cancel(b).expect(200);
    expect(await statusOf(f)).toBe('waitlisted'); // two persons, one seat free
    await cancel(d).expect(200);
    expect(await statusOf(f)).toBe('confirmed');
    expect(await expectCounted()).toMatchObject({ confirmed: 3, waitlisted: 0, cancelled: 4, checkedIn: 3 });

    // The event is cancelled: the fan-out cancels its registrations two per transaction.
    await request(t.http).post(`/api/v1/events/${event.id}/cancel`).set(bearer(organizer)).expect(200);
    const until = Date.now() + 20_000;
    while ((await stats(event.id)).confirmed > 0) {
      if (Date.now() > until) throw new Error('the event cancellation did not reach every registration');
      await sleep(100);
    }
    expect(await expectCounted()).toEqual({
      capacity: 6,
      seatsTaken: 0,
      confirmed: 0,
      waitlisted: 0,
      cancelled: 7,
      checkedIn: 0,
      adults: 0,
      children: 0,
    });
    expect(await expectCounted(other.id)).toMatchObject({ confirmed: 1, waitlisted: 1, adults: 1, children: 1 });
  });

  it('should count rows written by any statement shape: several registrations and attendees at once, deletes', async () => {
    const batch = await createPublishedEvent(t, organizer, { capacity: 100 });
    // Registrations and their attendees in one statement, as a batched path would write them.
    await t.db.query(
      `WITH r AS (
         INSERT INTO registrations (event_id, code, status, party_size, contact_name, contact_email, consents, confirmed_at)
         SELECT $1, 'B' || i, CASE WHEN i % 3 = 0 THEN 'waitlisted' ELSE 'confirmed' END, 2, 'Batch ' || i,
                'batch' || i || '@example.org', '{"dataProcessing": true, "photos": false}', now()
         FROM unnest(ARRAY[1, 2, 3, 4, 5, 6]) AS i
         RETURNING id, event_id, code
       )
       INSERT INTO registration_attendees (registration_id, event_id, position, name, category, checked_in_at)
       SELECT r.id, r.event_id, p, 'Person ' || p, CASE WHEN p = 0 THEN 'adult' ELSE 'child' END,
              CASE WHEN r.code = 'B1' THEN now() END
       FROM r, unnest(ARRAY[0, 1]) AS p`,
      [batch.id],
    );
    expect(await expectCounted(batch.id)).toMatchObject({ confirmed: 4, waitlisted: 2, adults: 4, checkedIn: 2 });
    // Several statuses at once, in both directions.
    await t.db.query(
      `UPDATE registrations SET status = CASE status WHEN 'confirmed' THEN 'cancelled' ELSE 'confirmed' END
       WHERE event_id = $1 AND code IN ('B1', 'B3', 'B6')`,
      [batch.id],
    );
    expect(await expectCounted(batch.id)).toMatchObject({ confirmed: 5, waitlisted: 0, cancelled: 1, checkedIn: 0 });
    // Attendees moved between registrations, and deleted with their registrations (a cascade).
    await t.db.query(
      `UPDATE registration_attendees SET registration_id = (SELECT id FROM registrations WHERE event_id = $1 AND code = 'B1')
       WHERE registration_id = (SELECT id FROM registrations WHERE event_id = $1 AND code = 'B2') AND position = 1`,
      [batch.id],
    );
    expect(await expectCounted(batch.id)).toMatchObject({ children: 4 });
    await t.db.query("DELETE FROM registrations WHERE event_id = $1 AND code IN ('B3', 'B4')", [batch.id]);
    expect(await expectCounted(batch.id)).toMatchObject({ confirmed: 3, adults: 3 });
    expect(await expectCounted(other.id)).toMatchObject({ confirmed: 1, waitlisted: 1, adults: 1, children: 1 });
  });
  it('should let two transactions check in families of one event at once, and count both', async () => {
    const door = await createPublishedEvent(t, organizer, { capacity: 10 });
    const a = await register(t, door.id, { attendees: [adult('Door One')] });
    const b = await register(t, door.id, { attendees: [adult('Door Two'), child('Door Child')] });
    const first = t.db.createQueryRunner();
    const second = t.db.createQueryRunner();
    await first.connect();
    await second.connect();
    try {
      await first.startTransaction();
      const [{ x: x1 }] = await first.query('SELECT txid_current() % 8 AS x');
      // The second transaction on another slot (consecutive ids are; retried in the rare case not).
      for (;;) {
        await second.startTransaction();
        const [{ x: x2 }] = await second.query('SELECT txid_current() % 8 AS x');
        if (x2 !== x1) break;
        await second.rollbackTransaction();
      }
      const stamp = 'UPDATE registration_attendees SET checked_in_at = now() WHERE registration_id = $1';
      await first.query(stamp, [a.id]);
      // One counts row per event would make this wait for the first transaction's commit.
      await second.query(`SET LOCAL lock_timeout = '2s'`);
      await second.query(stamp, [b.id]);
      await second.commitTransaction();
      await first.commitTransaction();
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      if (second.isTransactionActive) await second.rollbackTransaction();
      await first.release();
      await second.release();
    }
    expect(await expectCounted(door.id)).toMatchObject({ confirmed: 2, checkedIn: 3 });
  });

  it('should count exactly when many families of one event are checked in at the same moment', async () => {
    const door = await createPublishedEvent(t, organizer, { capacity: 100 });
    const families = [];
    for (let i = 0; i < 24; i++) families.push(await register(t, door.id, { attendees: [adult(`Rush ${i}`)] }));
    const answers = await Promise.all(
      families.map((f) =>
        request(t.http).post(`/api/v1/events/${door.id}/check-ins`).set(bearer(organizer)).send({ code: f.code }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(families.map(() => 200));
    expect(await expectCounted(door.id)).toMatchObject({ confirmed: 24, checkedIn: 24 });
    // The check-ins' counts went to several rows of the event (a transaction's slot), summed on reading.
    const [{ rows }] = await t.db.query('SELECT count(*)::int AS rows FROM event_counts WHERE event_id = $1', [door.id]);
    expect(rows).toBeGreaterThan(1);
  });
});
