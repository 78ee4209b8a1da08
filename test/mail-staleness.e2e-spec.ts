import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent, daysFromNow } from './factories/events';
import { adult, cancelRegistration, register } from './factories/registrations';
import { createSponsorship, createStudent, plusMonths, sponsorshipProgram, today } from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { settled, statuses } from './utils/outbox';
import { waitUntil } from './utils/processes';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

const api = '/api/v1';
const key = (r: { id: string }, what: string) => `registration:${r.id}:${what}`;

/**
 * A mail that waited in the outbox (a worker down, a greylisting server, a long fan-out) while its
 * cause was overtaken goes out as of the state at send time: the stale one ends `skipped`, never
 * at the SMTP server. Each test changes the state while its mail waits, then lets a worker at it
 * and reads every row's final status and what arrived.
 */
describe('stale mail', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext | undefined;
  let organizer: TestUser;

  const startWorker = async () => {
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
  };
  const stopWorker = async () => {
    await worker?.close();
    worker = undefined;
  };
  const subjects = (email: string) => sink.to(email).map((m) => m.subject);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    organizer = await createUser(t, ['organizer']);
  });
  beforeEach(() => sink.reset());
  afterEach(stopWorker);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('should skip a ticket, a waitlist mail or a change the family’s later state overtook, and send the newer mail', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 2 });
    const a = await register(t, event.id, { attendees: [adult('Ama'), adult('Kofi')] });
    const b = await register(t, event.id);
    const c = await register(t, event.id);
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    await cancelRegistration(t, a); // b and c are promoted: their waitlist mails are stale
    await cancelRegistration(t, c); // and c's promotion too
    const d = await register(t, event.id);
    expect(d.status).toBe('confirmed');
    await request(t.http)
      .patch(`${api}/registrations/${d.id}`)
      .set('X-Manage-Token', d.manageToken!)
      .send({ attendees: [adult('Dawa')] })
      .expect(200);
    await cancelRegistration(t, d);

    await startWorker();
    const rows = await settled(t.db, [
      key(a, 'confirmed'),
      key(a, 'cancelled'),
      key(b, 'waitlisted'),
      key(b, 'promoted'),
      key(c, 'waitlisted'),
      key(c, 'promoted'),
      key(c, 'cancelled'),
      key(d, 'confirmed'),
      key(d, 'changed:1'),
      key(d, 'cancelled'),
    ]);
    expect(statuses(rows)).toEqual({
      [key(a, 'confirmed')]: 'skipped',
      [key(a, 'cancelled')]: 'sent',
      [key(b, 'waitlisted')]: 'skipped',
      [key(b, 'promoted')]: 'sent',
      [key(c, 'waitlisted')]: 'skipped',
      [key(c, 'promoted')]: 'skipped',
      [key(c, 'cancelled')]: 'sent',
      [key(d, 'confirmed')]: 'skipped',
      [key(d, 'changed:1')]: 'skipped',
      [key(d, 'cancelled')]: 'sent',
    });
    for (const r of [a, c, d])
      expect(subjects(r.contact.email)).toEqual([`Your registration has been cancelled: ${event.title}`]);
    expect(subjects(b.contact.email)).toEqual([`Good news: your place at ${event.title} is confirmed`]);
  });

  it('should skip an event change and an organizer’s message to a family that cancelled while they waited', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 10 });
    const leaving = await register(t, event.id);
    const staying = await register(t, event.id);
    // A greylisting server holds back every mail to the family that is about to cancel (its
    // cancellation excepted, once it exists): each waits in the outbox, retried, meanwhile.
    const allowed = new Set<string>();
    sink.refuse = ({ to, notificationId }) =>
      to === leaving.contact.email && !allowed.has(notificationId ?? '')
        ? { code: 451, message: 'greylisted, try again later' }
        : null;
    await startWorker();

    await request(t.http)
      .patch(`${api}/events/${event.id}`)
      .set(bearer(organizer))
      .send({ venue: 'Riverside Park, Gate 2' })
      .expect(200);
    const message = await request(t.http)
      .post(`${api}/events/${event.id}/messages`)
      .set(bearer(organizer))
      .send({ subject: 'Bring a hat', body: 'The sun will be strong.' })
      .expect(202);
    const changed = `event:${event.id}:changed:1`;
    const messaged = `event:${event.id}:message:${message.body.messageId}`;
    // Both fan-outs reached the family and the server refused them once: they wait for a retry.
    await waitUntil(
      async () =>
        (
          await t.db.query(`SELECT 1 FROM notifications WHERE dedupe_key = ANY($1) AND attempts >= 1`, [
            [`${changed}:${leaving.id}`, `${messaged}:${leaving.id}`],
          ])
        ).length === 2,
      15_000,
      'the mails to the leaving family to be tried',
    );
    await cancelRegistration(t, leaving);
    const [cancellation] = await t.db.query('SELECT id FROM notifications WHERE dedupe_key = $1', [
      key(leaving, 'cancelled'),
    ]);
    allowed.add(cancellation.id);

    const rows = await settled(t.db, [
      `${changed}:${leaving.id}`,
      `${messaged}:${leaving.id}`,
      key(leaving, 'confirmed'),
      key(leaving, 'cancelled'),
      `${changed}:${staying.id}`,
      `${messaged}:${staying.id}`,
      key(staying, 'confirmed'),
    ]);
    expect(statuses(rows)).toEqual({
      [`${changed}:${leaving.id}`]: 'skipped',
      [`${messaged}:${leaving.id}`]: 'skipped',
      [key(leaving, 'confirmed')]: 'skipped',
      [key(leaving, 'cancelled')]: 'sent',
      [`${changed}:${staying.id}`]: 'sent',
      [`${messaged}:${staying.id}`]: 'sent',
      [key(staying, 'confirmed')]: 'sent',
    });
    expect(subjects(leaving.contact.email)).toEqual([`Your registration has been cancelled: ${event.title}`]);
    expect(subjects(staying.contact.email).sort()).toEqual(
      [`You're registered: ${event.title}`, `Updated details: ${event.title}`, `[${event.title}] Bring a hat`].sort(),
    );
  });

  it('should skip the tickets, waitlist mails and reminders of an event cancelled before they went out', async () => {
    const event = await createPublishedEvent(t, organizer, {
      capacity: 1,
      startsAt: daysFromNow(3),
      endsAt: daysFromNow(3, 3),
    });
    const confirmed = await register(t, event.id);
    const waitlisted = await register(t, event.id);
    expect([confirmed.status, waitlisted.status]).toEqual(['confirmed', 'waitlisted']);
    await request(t.http)
      .patch(`${api}/registrations/${confirmed.id}`)
      .set('X-Manage-Token', confirmed.manageToken!)
      .send({ attendees: [adult('Pema')] })
      .expect(200);
    await request(t.http)
      .patch(`${api}/events/${event.id}`)
      .set(bearer(organizer))
      .send({ venue: 'Riverside Park, Gate 2' })
      .expect(200);
    await request(t.http).post(`${api}/events/${event.id}/cancel`).set(bearer(organizer)).expect(200);
    // The cancellation's fan-out has not reached these families yet (a long one: its batches go
    // in order), so their registrations still read confirmed and waitlisted; the change's fan-out
    // has; and the reminder's time has come (a day before the start).
    const fanout = `event:${event.id}:cancelled`;
    await t.db.query(`UPDATE notifications SET next_attempt_at = now() + interval '1 hour' WHERE dedupe_key = $1`, [
      fanout,
    ]);
    const reminder = key(confirmed, `reminder:${new Date(String(event.startsAt)).toISOString()}`);
    await t.db.query('UPDATE notifications SET next_attempt_at = now() WHERE dedupe_key = $1', [reminder]);

    await startWorker();
    const changed = `event:${event.id}:changed:1`;
    const stale = await settled(t.db, [
      key(confirmed, 'confirmed'),
      key(confirmed, 'changed:1'),
      reminder,
      `${changed}:${confirmed.id}`,
      key(waitlisted, 'waitlisted'),
      `${changed}:${waitlisted.id}`,
    ]);
    const skipped = { status: 'skipped', reason: 'the event is cancelled' };
    expect(stale).toEqual({
      [key(confirmed, 'confirmed')]: skipped,
      [key(confirmed, 'changed:1')]: skipped,
      [reminder]: skipped,
      [`${changed}:${confirmed.id}`]: skipped,
      [key(waitlisted, 'waitlisted')]: skipped,
      [`${changed}:${waitlisted.id}`]: skipped,
    });
    expect(sink.received).toEqual([]);

    // The fan-out goes on: each family gets the cancellation, and nothing else.
    await t.db.query('UPDATE notifications SET next_attempt_at = now() WHERE dedupe_key = $1', [fanout]);
    const cancelled = await settled(t.db, [fanout, `${fanout}:${confirmed.id}`, `${fanout}:${waitlisted.id}`]);
    expect(statuses(cancelled)).toEqual({
      [fanout]: 'sent',
      [`${fanout}:${confirmed.id}`]: 'sent',
      [`${fanout}:${waitlisted.id}`]: 'sent',
    });
    for (const r of [confirmed, waitlisted]) expect(subjects(r.contact.email)).toEqual([`Cancelled: ${event.title}`]);
  });

  it('should skip a payment reminder for a due date after the sponsorship ended, and send the one still owed', async () => {
    const programId = (await sponsorshipProgram(t, organizer)).id;
    const sponsor = await createUser(t, ['sponsor']);
    const student = await createStudent(t, organizer, programId);
    const s = await createSponsorship(t, organizer, { studentId: student.id, sponsorUserId: sponsor.id, programId });
    await request(t.http).post(`${api}/sponsorships/${s.id}/end`).set(bearer(organizer)).expect(200);
    // A month on, the next due date's reminder comes due: the sponsorship ended before it.
    const owed = `sponsorship:${s.id}:due:${today()}`;
    const after = `sponsorship:${s.id}:due:${plusMonths(today(), 1)}`;
    await t.db.query('UPDATE notifications SET next_attempt_at = now() WHERE dedupe_key = $1', [after]);

    await startWorker();
    const rows = await settled(t.db, [owed, after]);
    expect(rows).toEqual({
      [owed]: { status: 'sent', reason: null },
      [after]: { status: 'skipped', reason: 'the sponsorship ended before this due date' },
    });
    const reminders = subjects(sponsor.email).filter((x) => x.startsWith('Sponsorship payment due'));
    expect(reminders).toEqual([`Sponsorship payment due for ${student.preferredName}`]);
    expect(sink.to(sponsor.email).find((m) => m.subject === reminders[0])!.parsed.text).toContain('30.00');
  });
});
