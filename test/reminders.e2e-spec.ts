import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent } from './factories/events';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reminders are rows with a future time in Postgres: sent 24 h before the start, once, and only if still wanted. */
describe('reminders', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;
  let seq = 0;

  const register = async (eventId: string) => {
    seq += 1;
    const res = await request(t.http)
      .post(`/api/v1/events/${eventId}/registrations`)
      .send({
        contact: { name: `Family ${seq}`, email: `remind${seq}@example.org` },
        attendees: [{ name: 'Mum', category: 'adult' }],
        consents: { dataProcessing: true },
      })
      .expect(201);
    return res.body;
  };
  const remindersTo = (email: string) => sink.to(email).filter((m) => /remind|提醒/i.test(m.subject));

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    organizer = await createUser(t, ['organizer']);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  it('should send a confirmed family its reminder 24 hours before the start, and skip a cancelled one', async () => {
    // Starts 24 h and 4 s from now: the reminders fall due in about 4 s.
    const startsAt = new Date(Date.now() + DAY + 4000);
    const event = await createPublishedEvent(t, organizer, {
      capacity: 5,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
    });
    const kept = await register(event.id);
    const gone = await register(event.id);
    await request(t.http)
      .post(`/api/v1/registrations/${gone.id}/cancel`)
      .set('X-Manage-Token', gone.manageToken)
      .expect(200);
    await sleep(1500);
    expect(remindersTo(kept.contact.email)).toHaveLength(0); // not yet
    await sink.waitForTo(kept.contact.email, 2, 15_000); // confirmation, then the reminder
    await sleep(1000);
    expect(remindersTo(kept.contact.email)).toHaveLength(1);
    expect(remindersTo(kept.contact.email)[0].parsed.text).toContain(kept.code);
    expect(remindersTo(gone.contact.email)).toHaveLength(0);
    const [row] = await t.db.query(
      "SELECT status, last_error FROM notifications WHERE kind = 'registration.reminder' AND payload->>'registrationId' = $1",
      [gone.id],
    );
    expect(row).toMatchObject({ status: 'skipped' });
  });

  it('should plan no reminder for a registration made later than 24 hours before the start', async () => {
    const startsAt = new Date(Date.now() + DAY / 2);
    const event = await createPublishedEvent(t, organizer, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    });
    const r = await register(event.id);
    const rows = await t.db.query(
      "SELECT 1 FROM notifications WHERE kind = 'registration.reminder' AND payload->>'registrationId' = $1",
      [r.id],
    );
    expect(rows).toHaveLength(0);
  });

  it('should skip the old reminder when the event moves, and send the one for the new time', async () => {
    const first = new Date(Date.now() + DAY + 3000);
    const event = await createPublishedEvent(t, organizer, {
      startsAt: first.toISOString(),
      endsAt: new Date(first.getTime() + 3600_000).toISOString(),
    });
    const r = await register(event.id);
    const moved = new Date(Date.now() + DAY + 6000);
    await request(t.http)
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(organizer))
      .send({ startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + 3600_000).toISOString() })
      .expect(200);
    await sleep(9000);
    const reminders = await t.db.query(
      "SELECT status, dedupe_key FROM notifications WHERE kind = 'registration.reminder' AND payload->>'registrationId' = $1 ORDER BY next_attempt_at",
      [r.id],
    );
    expect(reminders.map((x: { status: string }) => x.status)).toEqual(['skipped', 'sent']);
    expect(reminders[1].dedupe_key).toBe(`registration:${r.id}:reminder:${moved.toISOString()}`);
    expect(remindersTo(r.contact.email)).toHaveLength(1);
  }, 30_000);
});
