import { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent } from './factories/events';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { captureLogs } from './utils/log-capture';
import { expectProblem } from './utils/problem';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

/**
 * Registrations that arrive together for one event are placed together, in one transaction per
 * batch (RegistrationsService.registerBatch). Each family must still get exactly the answer it
 * would get alone: these tests send bursts in which some families are refused, and one family's
 * insert fails in the database.
 */
let seq = 0;

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function family(size: number, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    contact: { name: `Batch parent ${seq}`, email: `batch${seq}@example.org` },
    attendees: Array.from({ length: size }, (_, i) =>
      i === 0
        ? { name: `Batch parent ${seq}`, category: 'adult' }
        : { name: `Batch child ${seq}.${i}`, category: 'child', birthDate: '2017-03-01' },
    ),
    consents: { dataProcessing: true },
    ...overrides,
  };
}

describe('registrations arriving together', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;
  let logs: ReturnType<typeof captureLogs>;

  const register = (eventId: string, body: unknown, who?: TestUser) => {
    const req = request(t.http).post(`/api/v1/events/${eventId}/registrations`);
    return (who ? req.set(bearer(who)) : req).send(body as object);
  };
  const batchSizes = () =>
    logs
      .lines()
      .filter((l) => l.msg === 'registration batch')
      .map((l) => l.families as number);

  beforeAll(async () => {
    logs = captureLogs();
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true', LOG_LEVEL: 'info' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    // Nest's Logger writes through the last application's logger; the batch lines are the api's.
    t.app.useLogger(t.app.get(Logger));
    organizer = await createUser(t, ['organizer']);
  });
  beforeEach(() => sink.reset());
  afterAll(async () => {
    logs.stop();
    await worker.close();
    await t.close();
    await sink.stop();
  });

  it('should place a burst in arrival order, several families per transaction, and mail each family', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 20, waitlistEnabled: true, maxPartySize: 4 });
    const bodies = Array.from({ length: 40 }, (_, i) => family((i % 4) + 1));
    const before = batchSizes().length;
    const answers = await Promise.all(bodies.map((b) => register(event.id, b)));
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 201));
    // The requests really were coalesced: some transaction carried more than one family.
    expect(Math.max(...batchSizes().slice(before))).toBeGreaterThan(1);

    const rows: { contact_email: string; status: string; party_size: number; seq: string }[] = await t.db.query(
      'SELECT contact_email, status, party_size, seq FROM registrations WHERE event_id = $1 ORDER BY seq',
      [event.id],
    );
    const confirmedPersons = rows.filter((r) => r.status === 'confirmed').reduce((s, r) => s + r.party_size, 0);
    const [counts] = await t.db.query('SELECT seats_taken, waitlist_count FROM events WHERE id = $1', [event.id]);
    expect(counts.seats_taken).toBe(confirmedPersons);
    expect(confirmedPersons).toBeLessThanOrEqual(20);
    expect(counts.waitlist_count).toBe(rows.filter((r) => r.status === 'waitlisted').length);
    // Every waitlisted family is larger than what is left (first fit), and the positions each
    // family was told are 1..n in request order.
    const free = 20 - confirmedPersons;
    const waitlisted = rows.filter((r) => r.status === 'waitlisted');
    expect(waitlisted.every((r) => r.party_size > free)).toBe(true);
    const told = new Map(answers.map((a) => [a.body.contact.email, a.body.waitlistPosition]));
    expect(waitlisted.map((r) => told.get(r.contact_email))).toEqual(waitlisted.map((_, i) => i + 1));
    // Each answer carries its own family, whole.
    for (const [i, a] of answers.entries()) {
      expect(a.body.contact.email).toBe(bodies[i].contact.email);
      expect(a.body.attendees.map((x: { name: string }) => x.name)).toEqual(bodies[i].attendees.map((x) => x.name));
      expect(a.body.partySize).toBe(bodies[i].attendees.length);
    }
    // Attendees as stored match the answers (ids included).
    const stored: { id: string }[] = await t.db.query('SELECT id FROM registration_attendees WHERE event_id = $1', [
      event.id,
    ]);
    expect(new Set(stored.map((r) => r.id))).toEqual(
      new Set(answers.flatMap((a) => a.body.attendees.map((x: { id: string }) => x.id))),
    );

    await Promise.all(bodies.map((b) => sink.waitForTo(b.contact.email)));
    const mails = sink.received.filter((m) => m.to.startsWith('batch'));
    // (Exactly-once delivery is the mail pipeline's tests' business; a starved machine may resend
    // after a lease runs out. Here: every family got its own mail.)
    expect(new Set(mails.map((m) => m.to))).toEqual(new Set(bodies.map((b) => b.contact.email)));
    for (const r of rows) {
      const mail = mails.find((m) => m.to === r.contact_email)!;
      if (r.status === 'waitlisted') {
        expect(mail.parsed.text).toContain(`Your position on the waitlist: ${told.get(r.contact_email)}\n`);
      } else {
        expect(mail.parsed.text).not.toContain('Your position on the waitlist');
      }
    }
  });

  it('should refuse only the families that must be refused, and never count their seats', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 10, waitlistEnabled: false, maxPartySize: 4 });
    const held = family(1);
    await register(event.id, held).expect(201);
    const member = await createUser(t);
    const twice = family(2);
    const bodies = [
      family(2),
      { ...family(1), contact: held.contact }, // already registered before the burst
      twice,
      { ...family(1), contact: twice.contact }, // the same family twice within the burst
      family(5), // larger than the event allows
      { ...family(1), consents: { dataProcessing: false } }, // no consent
      family(3),
      family(4), // does not fit any more: the waitlist is off
      family(1),
    ];
    const answers = await Promise.all(
      bodies.map((b, i) => (i === 8 ? register(event.id, b, member) : register(event.id, b))),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 409, 201, 409, 422, 422, 201, 409, 201]);
    expectProblem(answers[1], 409, 'already_registered');
    expectProblem(answers[3], 409, 'already_registered');
    expectProblem(answers[7], 409, 'event_full');
    // The signed-in family cannot register a second time in the next burst either; one seat is
    // left, so a family of two does not fit.
    const again = await Promise.all([register(event.id, family(1), member), register(event.id, family(2))]);
    expect(again.map((a) => a.status)).toEqual([409, 409]);
    expectProblem(again[0], 409, 'already_registered');
    expectProblem(again[1], 409, 'event_full');

    const [counts] = await t.db.query('SELECT seats_taken, waitlist_count FROM events WHERE id = $1', [event.id]);
    expect(counts).toEqual({ seats_taken: 1 + 2 + 2 + 3 + 1, waitlist_count: 0 });
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM registrations WHERE event_id = $1', [event.id]);
    expect(n).toBe(5);
  });

  it("should not let one family's failing insert cost the others their seats", async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 30, waitlistEnabled: true, maxPartySize: 4 });
    // A real fault in the database for one family's row only.
    await t.db.query(`
      CREATE OR REPLACE FUNCTION kinship_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.contact_name = 'Refused by the database' THEN RAISE EXCEPTION 'injected fault'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER kinship_test_refuse BEFORE INSERT ON registrations
        FOR EACH ROW EXECUTE FUNCTION kinship_test_refuse();
    `);
    try {
      const bodies = Array.from({ length: 12 }, () => family(2));
      const broken = family(2, {});
      broken.contact = { ...broken.contact, name: 'Refused by the database' };
      bodies.splice(6, 0, broken);
      const answers = await Promise.all(bodies.map((b) => register(event.id, b)));
      expect(answers.map((a) => a.status)).toEqual(bodies.map((b) => (b === broken ? 500 : 201)));
      expectProblem(answers[6], 500, 'internal_error');
      const rows: { contact_email: string; status: string }[] = await t.db.query(
        'SELECT contact_email, status FROM registrations WHERE event_id = $1 ORDER BY seq',
        [event.id],
      );
      expect(rows.map((r) => r.contact_email).sort()).toEqual(
        bodies
          .filter((b) => b !== broken)
          .map((b) => b.contact.email)
          .sort(),
      );
      expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
      const [counts] = await t.db.query('SELECT seats_taken FROM events WHERE id = $1', [event.id]);
      expect(counts.seats_taken).toBe(24);
      await Promise.all(bodies.filter((x) => x !== broken).map((b) => sink.waitForTo(b.contact.email)));
      expect(sink.to(broken.contact.email)).toEqual([]);
    } finally {
      await t.db.query('DROP TRIGGER kinship_test_refuse ON registrations; DROP FUNCTION kinship_test_refuse()');
    }
  });

  /**
   * An organizer's change holds the event row while a family of two registers: the batch is
   * placed against the event as it knew it (1 of 2 seats free, so the waitlist), and its write has
   * to wait for the row; the organizer raises the capacity to 10 and commits. The family must be
   * placed against the event as it is then. Answers how the batch was placed in the end.
   */
  async function registerWhileOrganizerRaisesCapacity(event: { id: string }, body: ReturnType<typeof family>) {
    const before = logs.lines().filter((l) => l.msg === 'registration batch').length;
    const organizerTx = t.db.createQueryRunner();
    await organizerTx.connect();
    await organizerTx.startTransaction();
    let answer: request.Response;
    try {
      await organizerTx.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [event.id]);
      const pending = register(event.id, body).then((r) => r);
      await waitFor(async () => {
        const [{ n }] = await t.db.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO registrations%'",
        );
        return n > 0;
      });
      await organizerTx.query('UPDATE events SET capacity = 10 WHERE id = $1', [event.id]);
      await organizerTx.commitTransaction();
      answer = await pending;
    } finally {
      if (organizerTx.isTransactionActive) await organizerTx.rollbackTransaction();
      await organizerTx.release();
    }
    // Placed against 10 seats, not the 2 known before.
    expect([answer.status, answer.body.status, answer.body.waitlistPosition]).toEqual([201, 'confirmed', null]);
    const [counts] = await t.db.query('SELECT seats_taken, waitlist_count FROM events WHERE id = $1', [event.id]);
    expect(counts).toEqual({ seats_taken: 3, waitlist_count: 0 });
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM registrations WHERE event_id = $1', [event.id]);
    expect(n).toBe(2);
    const mails = await sink.waitForTo(body.contact.email);
    for (const mail of mails) expect(mail.parsed.text).not.toContain('Your position on the waitlist');
    return logs
      .lines()
      .filter((l) => l.msg === 'registration batch')
      .slice(before)
      .map((l) => l.against);
  }

  it('should place a batch against the event as it is when the event changed after the batch read it', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 2, waitlistEnabled: true, maxPartySize: 4 });
    // Set directly: this process has not written the event yet, so its first batch reads it.
    await t.db.query('UPDATE events SET seats_taken = 1 WHERE id = $1', [event.id]);
    await t.db.query(
      `INSERT INTO registrations (event_id, code, status, party_size, contact_name, contact_email, consents, locale)
       VALUES ($1, 'SEEDED01', 'confirmed', 1, 'Seeded parent', 'seeded-batch@example.org', '{"dataProcessing":true}', 'en')`,
      [event.id],
    );
    // The write made against the event as read wrote nothing; the batch was placed under the lock.
    expect(await registerWhileOrganizerRaisesCapacity(event, family(2))).toEqual(['locked']);
  });

  it('should place a batch against the event as stored when the event changed after this process last wrote it', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 2, waitlistEnabled: true, maxPartySize: 4 });
    await register(event.id, family(1)).expect(201);
    // The write made against the event as last written wrote nothing; the batch read the event.
    expect(await registerWhileOrganizerRaisesCapacity(event, family(2))).toEqual(['as read']);
  });

  it('should answer 404 to a whole burst for an event that does not exist, and 409 for a closed one', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const answers = await Promise.all([family(1), family(2)].map((b) => register(missing, b)));
    answers.forEach((a) => expectProblem(a, 404, 'not_found'));
    const event = await createPublishedEvent(t, organizer, { capacity: 10 });
    await request(t.http).post(`/api/v1/events/${event.id}/cancel`).set(bearer(organizer)).send({}).expect(200);
    const closed = await Promise.all([family(1), family(2)].map((b) => register(event.id, b)));
    closed.forEach((a) => expectProblem(a, 409, 'registration_closed'));
  });
});
