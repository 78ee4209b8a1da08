import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { RetentionScheduler } from '../src/retention/retention.worker';
import { RetentionService } from '../src/retention/retention.service';
import { createPublishedEvent } from './factories/events';
import { adult, child, register, TestRegistration } from './factories/registrations';
import { createProgram } from './factories/programs';
import { createStudent, sponsorshipProgram } from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker } from './utils/create-worker';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

/**
 * The daily retention (docs/operations.md, "What Kinship keeps"), against a database seeded on
 * both sides of each cut-off, with batches of 7 so that every kind of data takes several.
 */
describe('retention', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;
  let admin: TestUser;
  let retention: RetentionService;

  const BATCH = 7;

  /**
   * Moves an event (created in the future, so families could register) into the past: it ended
   * `months` months plus `offsetMinutes` minutes ago, by the database's clock.
   */
  const endedAgo = async (eventId: string, months: number, offsetMinutes: number) => {
    await t.db.query(
      `UPDATE events SET registration_opens_at = NULL, registration_closes_at = NULL,
         ends_at = now() - make_interval(months => $2, mins => $3),
         starts_at = now() - make_interval(months => $2, mins => $3) - interval '3 hours'
       WHERE id = $1`,
      [eventId, months, offsetMinutes],
    );
  };
  const stats = async (eventId: string) =>
    (await request(t.http).get(`/api/v1/events/${eventId}/stats`).set(bearer(organizer)).expect(200)).body;
  const rowsOf = (eventId: string) =>
    t.db.query(
      `SELECT r.id, r.status, r.party_size, r.code, r.contact_name, r.contact_email, r.contact_phone, r.answers,
              r.user_id, r.personal_data_removed_at,
              json_agg(json_build_object('name', a.name, 'birthDate', a.birth_date, 'category', a.category,
                                         'checkedIn', a.checked_in_at IS NOT NULL) ORDER BY a.position) AS attendees
       FROM registrations r JOIN registration_attendees a ON a.registration_id = r.id
       WHERE r.event_id = $1 GROUP BY r.id ORDER BY r.seq`,
      [eventId],
    );

  /** A family with a phone, an answer, a child with a birth date: every personal field filled. */
  const fullFamily = (t: TestApp, eventId: string, i: number, caller?: TestUser) =>
    register(t, eventId, {
      caller,
      contact: { name: `Retained Parent ${i}`, phone: `+86 138 0000 ${String(1000 + i)}` },
      attendees: [adult(`Retained Parent ${i}`), child(`Retained Child ${i}`, '2016-03-0' + ((i % 9) + 1))],
      answers: { diet: `no peanuts ${i}` },
    });

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    worker = await createWorker({ SMTP_URL: sink.url, RETENTION_BATCH_SIZE: String(BATCH) });
    retention = worker.get(RetentionService);
    organizer = await createUser(t, ['organizer']);
    admin = await createUser(t, ['admin']);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  it('should clear exactly the registrations of events that ended more than 24 months ago, in batches, keeping counts and check-ins', async () => {
    const family = await createUser(t, ['family']);
    const diet = [{ id: 'diet', label: 'Diet', type: 'textarea', required: false, maxLength: 1000 }];
    const program = await createProgram(t, organizer);
    const old = await createPublishedEvent(t, organizer, { capacity: 100, questions: diet, programId: program.id });
    const recent = await createPublishedEvent(t, organizer, { capacity: 100, questions: diet, programId: program.id });
    const report = () =>
      request(t.http).get(`/api/v1/programs/${program.id}/report`).set(bearer(organizer)).expect(200);
    const olds: TestRegistration[] = [await fullFamily(t, old.id, 0, family)];
    for (let i = 1; i < 16; i++) olds.push(await fullFamily(t, old.id, i));
    const recents: TestRegistration[] = [];
    for (let i = 0; i < 3; i++) recents.push(await fullFamily(t, recent.id, 100 + i));
    await request(t.http)
      .post(`/api/v1/registrations/${olds[3].id}/cancel`)
      .set('X-Manage-Token', olds[3].manageToken!)
      .expect(200);
    for (const r of [olds[1], olds[2], recents[0]]) {
      await request(t.http)
        .post(`/api/v1/events/${r.eventId}/check-ins`)
        .set(bearer(organizer))
        .send({ code: r.code })
        .expect(200);
    }
    // One minute either side of the cut-off.
    await endedAgo(old.id, 24, 1);
    await endedAgo(recent.id, 24, -1);
    const before = {
      old: await stats(old.id),
      recent: await stats(recent.id),
      recentRows: await rowsOf(recent.id),
      report: (await report()).body,
    };
    expect(before.report.totals).toMatchObject({ families: 18, checkedInFamilies: 3 });
    expect(before.old).toMatchObject({ confirmed: 15, cancelled: 1, checkedIn: 4, adults: 15, children: 15 });

    // The worker's look: it claims today's run and runs it.
    const scheduler = worker.get(RetentionScheduler);
    const run1 = await scheduler.look();
    expect(run1).toMatchObject({ registrations: { rows: 16, batches: 3 }, eventsCleared: 1 });
    const [run] = await t.db.query(`SELECT finished_at, report FROM scheduled_runs WHERE name = 'retention'`);
    expect(run.finished_at).not.toBeNull();
    expect(run.report.registrations).toEqual({ rows: 16, batches: 3 });
    // Once a day: another look the same day does nothing; the next day's runs again.
    expect(await scheduler.look()).toBeNull();
    await t.db.query(`UPDATE scheduled_runs SET started_at = now() - interval '1 day' WHERE name = 'retention'`);
    expect(await scheduler.look()).toMatchObject({ registrations: { rows: 0, batches: 0 }, eventsCleared: 0 });

    const cleared = await rowsOf(old.id);
    expect(cleared).toHaveLength(16);
    for (const [i, r] of cleared.entries()) {
      expect(r).toMatchObject({
        contact_name: '',
        contact_email: `erased:${r.id}`,
        contact_phone: null,
        answers: {},
        user_id: null,
      });
      expect(r.personal_data_removed_at).not.toBeNull();
      expect(r.code).toBe(olds[i].code);
      expect(r.attendees).toEqual([
        { name: '', birthDate: null, category: 'adult', checkedIn: i === 1 || i === 2 },
        { name: '', birthDate: null, category: 'child', checkedIn: i === 1 || i === 2 },
      ]);
    }
    expect(cleared.map((r: { status: string }) => r.status)).toEqual(
      olds.map((_, i) => (i === 3 ? 'cancelled' : 'confirmed')),
    );
    // The other side of the cut-off, and the counts of both, are exactly as they were.
    expect(await rowsOf(recent.id)).toEqual(before.recentRows);
    expect((await rowsOf(recent.id))[0]).toMatchObject({ contact_name: 'Retained Parent 100' });
    expect(await stats(old.id)).toEqual(before.old);
    expect(await stats(recent.id)).toEqual(before.recent);
    expect((await report()).body).toEqual(before.report);

    // What the organizer and the family see now.
    const list = await request(t.http).get(`/api/v1/events/${old.id}/registrations`).set(bearer(organizer)).expect(200);
    expect(list.body.total).toBe(16);
    expect(JSON.stringify(list.body)).not.toMatch(/Retained|peanuts|\+86|2016-03/);
    const mine = await request(t.http).get('/api/v1/me/registrations').set(bearer(family)).expect(200);
    expect(mine.body.items).toHaveLength(0);

    // Nothing is left to do: a run now changes nothing.
    expect((await retention.run()).registrations).toEqual({ rows: 0, batches: 0 });
  });

  it('should clear old registrations safely while families rush to register for an open event', async () => {
    const old = await createPublishedEvent(t, organizer, { capacity: 200 });
    for (let i = 0; i < 30; i++) await register(t, old.id, { contact: { name: `Rush Old ${i}` } });
    await endedAgo(old.id, 25, 0);
    const oldBefore = await stats(old.id);
    const open = await createPublishedEvent(t, organizer, { capacity: 40, waitlistEnabled: true });

    const rush = Array.from({ length: 50 }, (_, i) =>
      request(t.http)
        .post(`/api/v1/events/${open.id}/registrations`)
        .send({
          contact: { name: `Rush Family ${i}`, email: `rush${i}@example.org` },
          attendees: [adult(`Rush Parent ${i}`)],
          consents: { dataProcessing: true },
        }),
    );
    const [report, ...answers] = await Promise.all([retention.run(), ...rush]);

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(report.registrations).toEqual({ rows: 30, batches: 5 });
    expect(await stats(old.id)).toEqual(oldBefore);
    expect(await stats(open.id)).toMatchObject({ capacity: 40, seatsTaken: 40, confirmed: 40, waitlisted: 10 });
    const openRows = await rowsOf(open.id);
    expect(openRows).toHaveLength(50);
    expect(openRows.every((r: { contact_email: string }) => /^rush\d+@example\.org$/.test(r.contact_email))).toBe(true);
    expect(
      (await rowsOf(old.id)).every((r: { id: string; contact_email: string }) => r.contact_email === `erased:${r.id}`),
    ).toBe(true);
  });

  it('should purge the recipient and payload of mail finished more than 90 days ago, keeping kind and status', async () => {
    await t.db.query('DELETE FROM notifications');
    const insert = (key: string, kind: string, status: string, email: string | null, daysAgo: number, error?: string) =>
      t.db.query(
        `INSERT INTO notifications (kind, recipient_email, recipient_name, payload, dedupe_key, status, attempts,
           last_error, smtp_response, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, now() - make_interval(days => $9 + 1), now() - make_interval(days => $9))`,
        [
          kind,
          email,
          email ? 'Old Recipient' : null,
          JSON.stringify({ registrationId: '00000000-0000-4000-8000-000000000001', body: 'a private message' }),
          key,
          status,
          error ?? null,
          status === 'sent' ? `250 OK queued for <${email}>` : null,
          daysAgo,
        ],
      );
    for (let i = 0; i < 10; i++) await insert(`old:${i}`, 'event.message', 'sent', `old${i}@example.org`, 91);
    await insert(
      'old:failed',
      'registration.confirmed',
      'failed',
      'Bounced.Person+x@example.org',
      91,
      '550 5.1.1 <bounced.person+x@example.org>: no such user',
    );
    await insert('old:fanout', 'fanout.event.message', 'sent', null, 200);
    await insert('recent', 'event.message', 'sent', 'recent@example.org', 89);
    // A reminder planned long ago and still waiting is not finished: it keeps everything.
    await insert('pending', 'registration.reminder', 'pending', 'waiting@example.org', 120);

    const report = await retention.run();
    expect(report.mail).toEqual({ rows: 12, batches: 2 });
    const rows: Record<string, unknown>[] = await t.db.query(
      `SELECT dedupe_key, kind, status, recipient_email, recipient_name, payload, last_error, smtp_response
       FROM notifications ORDER BY dedupe_key`,
    );
    const byKey = new Map(rows.map((r) => [r.dedupe_key, r]));
    for (let i = 0; i < 10; i++) {
      expect(byKey.get(`old:${i}`)).toMatchObject({
        kind: 'event.message',
        status: 'sent',
        recipient_email: null,
        recipient_name: null,
        payload: {},
        smtp_response: '250 OK queued for <[address removed]>',
      });
    }
    expect(byKey.get('old:failed')).toMatchObject({
      kind: 'registration.confirmed',
      status: 'failed',
      recipient_email: null,
      last_error: '550 5.1.1 <[address removed]>: no such user',
    });
    expect(byKey.get('old:fanout')).toMatchObject({ kind: 'fanout.event.message', payload: {} });
    expect(byKey.get('recent')).toMatchObject({
      recipient_email: 'recent@example.org',
      payload: { body: 'a private message' },
    });
    expect(byKey.get('pending')).toMatchObject({ recipient_email: 'waiting@example.org', status: 'pending' });

    // The admins' log still lists every row with its kind and status.
    const log = await request(t.http).get('/api/v1/notifications?limit=100').set(bearer(admin)).expect(200);
    expect(log.body.total).toBe(14);
    expect(log.body.items.filter((n: { recipientEmail: string | null }) => n.recipientEmail === null)).toHaveLength(12);
  });

  it('should reduce a student who left her program more than 12 months ago to what the accounts need', async () => {
    const program = await sponsorshipProgram(t, organizer);
    const gone = await createStudent(t, organizer, program.id);
    const recent = await createStudent(t, organizer, program.id);
    const staying = await createStudent(t, organizer, program.id);
    await t.db.query(
      `UPDATE students SET status = 'graduated', graduated_at = now() - interval '12 months' - interval '1 hour' WHERE id = $1`,
      [gone.id],
    );
    await t.db.query(
      `UPDATE students SET status = 'withdrawn', withdrawn_at = now() - interval '12 months' + interval '1 hour' WHERE id = $1`,
      [recent.id],
    );
    const before = (id: string) => request(t.http).get(`/api/v1/students/${id}`).set(bearer(organizer)).expect(200);
    const recentBefore = (await before(recent.id)).body;
    const stayingBefore = (await before(staying.id)).body;

    const report = await retention.run();
    expect(report.students).toEqual({ rows: 1, batches: 1 });
    const reduced = (await before(gone.id)).body;
    expect(reduced).toMatchObject({
      fullName: gone.fullName,
      preferredName: gone.preferredName,
      country: 'Nepal',
      school: gone.school,
      annualNeed: gone.annualNeed,
      birthDate: null,
      region: '',
      guardian: { name: '', relationship: '', phone: '' },
      status: 'graduated',
    });
    expect(JSON.stringify(reduced)).not.toContain(gone.guardian.phone);
    expect(JSON.stringify(reduced)).not.toContain('Sita');
    expect((await before(recent.id)).body).toEqual(recentBefore);
    expect((await before(staying.id)).body).toEqual(stayingBefore);
    const audit = await request(t.http).get(`/api/v1/students/${gone.id}/audit`).set(bearer(organizer)).expect(200);
    expect(JSON.stringify(audit.body)).toContain('reduced');
  });

  it('should delete password resets and idempotency keys that can no longer be used', async () => {
    const user = await createUser(t, ['family']);
    await t.db.query('DELETE FROM password_resets');
    await t.db.query('DELETE FROM idempotency_keys');
    for (let i = 0; i < 9; i++) {
      await t.db.query(`INSERT INTO password_resets (user_id, expires_at) VALUES ($1, now() - interval '1 minute')`, [
        user.id,
      ]);
    }
    await t.db.query(
      `INSERT INTO password_resets (user_id, expires_at, used_at) VALUES ($1, now() + interval '30 minutes', now())`,
      [user.id],
    );
    const [live] = await t.db.query(
      `INSERT INTO password_resets (user_id, expires_at) VALUES ($1, now() + interval '30 minutes') RETURNING id`,
      [user.id],
    );
    for (let i = 0; i < 8; i++) {
      await t.db.query(
        `INSERT INTO idempotency_keys (scope, "key", request_hash, attempt_id, status, expires_at)
         VALUES ('anon', $1, 'h', gen_random_uuid(), 'done', now() - interval '1 minute')`,
        [`expired-${i}`],
      );
    }
    await t.db.query(
      `INSERT INTO idempotency_keys (scope, "key", request_hash, attempt_id, status, expires_at)
       VALUES ('anon', 'fresh', 'h', gen_random_uuid(), 'done', now() + interval '1 hour')`,
    );

    const report = await retention.run();
    expect(report.passwordResets).toEqual({ rows: 10, batches: 2 });
    expect(report.idempotencyKeys).toEqual({ rows: 8, batches: 2 });
    expect(await t.db.query('SELECT id FROM password_resets')).toEqual([{ id: live.id }]);
    expect(await t.db.query('SELECT "key" FROM idempotency_keys')).toEqual([{ key: 'fresh' }]);
  });
});
