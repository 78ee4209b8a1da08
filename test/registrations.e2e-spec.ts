import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent, daysFromNow } from './factories/events';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { expectProblem, fieldsOf } from './utils/problem';
import { settled, statuses } from './utils/outbox';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

let seq = 0;
function family(size: number, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    contact: { name: `Parent ${seq}`, email: `parent${seq}@example.org` },
    attendees: Array.from({ length: size }, (_, i) =>
      i === 0
        ? { name: `Parent ${seq}`, category: 'adult' }
        : { name: `Child ${seq}.${i}`, category: 'child', birthDate: '2018-06-01' },
    ),
    consents: { dataProcessing: true },
    ...overrides,
  };
}

async function counts(t: TestApp, eventId: string) {
  const [row] = await t.db.query('SELECT seats_taken, waitlist_count FROM events WHERE id = $1', [eventId]);
  return { seatsTaken: row.seats_taken, waitlistCount: row.waitlist_count };
}

describe('registrations', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;

  const register = (eventId: string, body: unknown, who?: TestUser) => {
    const req = request(t.http).post(`/api/v1/events/${eventId}/registrations`);
    return (who ? req.set(bearer(who)) : req).send(body as object);
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    organizer = await createUser(t, ['organizer']);
  });
  beforeEach(() => sink.reset());
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  describe('POST /events/:id/registrations', () => {
    it('should confirm a guest family whole, hand back its manage token, and mail the ticket', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 10 });
      const body = family(3);
      const res = await register(event.id, body).expect(201);
      expect(res.body).toMatchObject({
        status: 'confirmed',
        waitlistPosition: null,
        partySize: 3,
        eventId: event.id,
        contact: { name: body.contact.name, email: body.contact.email, phone: null },
        code: expect.stringMatching(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/),
        manageToken: expect.any(String),
      });
      expect(res.body.attendees.map((a: { name: string }) => a.name)).toEqual(body.attendees.map((a) => a.name));
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 3, waitlistCount: 0 });
      // The token opens the registration; without it, a guest sees nothing.
      await request(t.http)
        .get(`/api/v1/registrations/${res.body.id}`)
        .set('X-Manage-Token', res.body.manageToken)
        .expect(200);
      expectProblem(await request(t.http).get(`/api/v1/registrations/${res.body.id}`), 404, 'not_found');
      const [mail] = await sink.waitForTo(body.contact.email);
      expect(mail.subject).toContain(event.title);
      expect(mail.parsed.text).toContain(res.body.code);
      // The token rides in the fragment, which no browser sends to a server.
      expect(mail.parsed.text).toContain(`/registrations/${res.body.id}?lang=en#token=${res.body.manageToken}`);
      expect(mail.parsed.text).not.toContain('?token=');
      const ics = mail.parsed.attachments.find((a) => a.filename === 'invite.ics')!;
      expect(ics.content.toString('utf8')).not.toContain(res.body.manageToken);
      expect(mail.parsed.attachments.map((a) => a.filename)).toContain('invite.ics');
    });

    it('should waitlist a family that does not fit, whole, with its position', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 4 });
      await register(event.id, family(3)).expect(201);
      const second = await register(event.id, family(2)).expect(201);
      const third = await register(event.id, family(4)).expect(201);
      expect(second.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      // A single person still fits in the one free seat: confirmed (nobody waiting fits it).
      const single = await register(event.id, family(1)).expect(201);
      expect(single.body.status).toBe('confirmed');
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 4, waitlistCount: 2 });
      await sink.waitFor(4);
      expect(sink.received.filter((m) => /waitlist/i.test(m.subject))).toHaveLength(2);
    });

    it('should answer event_full when the waitlist is off, and store nothing', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 2, waitlistEnabled: false });
      await register(event.id, family(2)).expect(201);
      const body = family(1);
      expectProblem(await register(event.id, body), 409, 'event_full');
      expect(
        await t.db.query('SELECT 1 FROM registrations WHERE contact_email = $1', [body.contact.email]),
      ).toHaveLength(0);
    });

    it('should hold one active registration per email (any case) and per account', async () => {
      const event = await createPublishedEvent(t, organizer);
      const body = family(1);
      await register(event.id, body).expect(201);
      const again = { ...family(2), contact: { name: 'X', email: body.contact.email.toUpperCase() } };
      expectProblem(await register(event.id, again), 409, 'already_registered');
      const mei = await createUser(t);
      await register(event.id, family(1), mei).expect(201);
      expectProblem(await register(event.id, family(1), mei), 409, 'already_registered');
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM registrations WHERE event_id = $1', [event.id]);
      expect(n).toBe(2);
    });

    it('should refuse when registration is not open', async () => {
      const notYet = await createPublishedEvent(t, organizer, { registrationOpensAt: daysFromNow(5) });
      expectProblem(await register(notYet.id, family(1)), 409, 'registration_closed');
      const cancelled = await createPublishedEvent(t, organizer);
      await request(t.http).post(`/api/v1/events/${cancelled.id}/cancel`).set(bearer(organizer)).expect(200);
      expectProblem(await register(cancelled.id, family(1)), 409, 'registration_closed');
      const closed = await createPublishedEvent(t, organizer);
      await t.db.query("UPDATE events SET registration_closes_at = now() - interval '1 minute' WHERE id = $1", [
        closed.id,
      ]);
      expectProblem(await register(closed.id, family(1)), 409, 'registration_closed');
      const draft = (
        await request(t.http)
          .post('/api/v1/events')
          .set(bearer(organizer))
          .send({
            title: 'Draft',
            kind: 'other',
            format: 'online',
            onlineUrl: 'https://meet.example.org/x',
            timezone: 'UTC',
            startsAt: daysFromNow(3),
            endsAt: daysFromNow(3, 1),
            capacity: 5,
          })
      ).body;
      expectProblem(await register(draft.id, family(1)), 404, 'not_found');
      expectProblem(await register('00000000-0000-4000-8000-000000000000', family(1)), 404, 'not_found');
    });

    it('should check every child’s age on the event’s first day, in its time zone', async () => {
      // Starts 2 h after midnight of its first day in Kathmandu: a child born on that date turns 12 that day.
      const start = new Date(Date.now() + 40 * 86400000);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kathmandu' }).format(start);
      const event = await createPublishedEvent(t, organizer, {
        title: 'Empowering Girls with Science',
        kind: 'program-session',
        timezone: 'Asia/Kathmandu',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3 * 3600000).toISOString(),
        childAgeMin: 12,
        childAgeMax: 18,
      });
      const [y, m, d] = day.split('-').map(Number);
      const turns12 = `${y - 12}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const dayAfter = new Date(Date.UTC(y - 12, m - 1, d + 1)).toISOString().slice(0, 10);
      const ok = family(1, { attendees: [{ name: 'Asha', category: 'child', birthDate: turns12 }] });
      await register(event.id, ok).expect(201);
      const young = family(1, { attendees: [{ name: 'Bina', category: 'child', birthDate: dayAfter }] });
      const res = await register(event.id, young);
      expect(fieldsOf(expectProblem(res, 422, 'ineligible') && res)).toEqual(['attendees[0].birthDate']);
      const noBirth = family(1, { attendees: [{ name: 'Chandra', category: 'child' }] });
      expectProblem(await register(event.id, noBirth), 400, 'invalid_request');
    });

    it('should refuse parties too large, missing consent and unanswered questions (422), and malformed answers (400)', async () => {
      const event = await createPublishedEvent(t, organizer, {
        capacity: 3,
        maxPartySize: 2,
        questions: [
          { id: 'diet', label: 'Dietary needs', type: 'text', required: true },
          { id: 'size', label: 'Size', type: 'choice', required: false, options: ['S', 'M'] },
        ],
      });
      const answers = { diet: 'none' };
      expectProblem(await register(event.id, family(3, { answers })), 422, 'ineligible');
      expectProblem(
        await register(event.id, family(1, { answers, consents: { dataProcessing: false } })),
        422,
        'ineligible',
      );
      const unanswered = await register(event.id, family(1));
      expect(fieldsOf(expectProblem(unanswered, 422, 'ineligible') && unanswered)).toEqual(['answers.diet']);
      const bad = await register(event.id, family(1, { answers: { diet: 'none', size: 'XXL', other: 1 } }));
      expect(fieldsOf(expectProblem(bad, 400, 'invalid_request') && bad)).toEqual(['answers.other', 'answers.size']);
      const big = await createPublishedEvent(t, organizer, { capacity: 2, maxPartySize: 6 });
      expectProblem(await register(big.id, family(3)), 422, 'ineligible');
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM registrations WHERE event_id = ANY($1)', [
        [event.id, big.id],
      ]);
      expect(n).toBe(0);
    });

    it("should fill attendees from the family's own household, and refuse another family's member", async () => {
      const mei = await createUser(t);
      const other = await createUser(t);
      const kid = (
        await request(t.http)
          .post('/api/v1/me/household/members')
          .set(bearer(mei))
          .send({ name: 'Lin', birthDate: '2019-03-01', relationship: 'child' })
          .expect(201)
      ).body;
      const theirs = (
        await request(t.http)
          .post('/api/v1/me/household/members')
          .set(bearer(other))
          .send({ name: 'Not yours', birthDate: '2019-03-01', relationship: 'child' })
          .expect(201)
      ).body;
      const event = await createPublishedEvent(t, organizer);
      const res = await register(
        event.id,
        family(1, { attendees: [{ name: 'Mei', category: 'adult' }, { memberId: kid.id }] }),
        mei,
      ).expect(201);
      expect(res.body.attendees[1]).toMatchObject({
        name: 'Lin',
        category: 'child',
        birthDate: '2019-03-01',
        memberId: kid.id,
      });
      expect(res.body.manageToken).toBeUndefined();
      const refused = await register(event.id, family(1, { attendees: [{ memberId: theirs.id }] }), other);
      expect(refused.status).toBe(201); // their own member: fine
      const stolen = await register(
        (await createPublishedEvent(t, organizer)).id,
        family(1, { attendees: [{ memberId: theirs.id }] }),
        mei,
      );
      expect(fieldsOf(expectProblem(stolen, 400, 'invalid_request') && stolen)).toEqual(['attendees[0].memberId']);
    });
  });

  describe('Idempotency-Key on registration', () => {
    it('should make one registration from sequential and concurrent repeats, and refuse the key with another body', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 20 });
      const body = family(2);
      const send = (b: unknown, key: string) => register(event.id, b).set('Idempotency-Key', key);
      const first = await send(body, 'reg-key-1').expect(201);
      const again = await send(body, 'reg-key-1').expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expectProblem(await send(family(1), 'reg-key-1'), 422, 'idempotency_key_reused');

      const crowd = family(3);
      const answers = await Promise.all(Array.from({ length: 8 }, () => send(crowd, 'reg-key-2')));
      const created = answers.filter((a) => a.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
      for (const a of answers.filter((x) => x.status !== 201)) expectProblem(a, 409, 'idempotency_in_flight');
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM registrations WHERE event_id = $1', [event.id]);
      expect(n).toBe(2);
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 5, waitlistCount: 0 });
    });
  });

  describe('changes, cancellation and promotion', () => {
    it('should promote the waitlist in order, first fit, when a family cancels, and mail them', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 6 });
      const a = (await register(event.id, family(4)).expect(201)).body;
      await register(event.id, family(2)).expect(201);
      const w1 = (await register(event.id, family(3)).expect(201)).body; // waitlisted 1
      const w2 = (await register(event.id, family(4)).expect(201)).body; // waitlisted 2
      const w3 = (await register(event.id, family(1)).expect(201)).body; // waitlisted 3? no: fits? 0 free → waitlisted
      expect([w1.status, w2.status, w3.status]).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);
      const b = (
        await t.db.query('SELECT contact_email FROM registrations WHERE event_id = $1 AND party_size = 2', [event.id])
      )[0].contact_email;
      for (const email of [a.contact.email, b, w1.contact.email, w2.contact.email, w3.contact.email])
        await sink.waitForTo(email);
      sink.reset();
      // 4 seats free: w1 (3) fits, then w2 (4) does not, then w3 (1) fits.
      const cancelled = await request(t.http)
        .post(`/api/v1/registrations/${a.id}/cancel`)
        .set('X-Manage-Token', a.manageToken)
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      const statusOf = async (r: { id: string; manageToken: string }) =>
        (await request(t.http).get(`/api/v1/registrations/${r.id}`).set('X-Manage-Token', r.manageToken).expect(200))
          .body;
      expect((await statusOf(w1)).status).toBe('confirmed');
      expect(await statusOf(w2)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect((await statusOf(w3)).status).toBe('confirmed');
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 6, waitlistCount: 1 });
      // The cancellation wrote its mails with it: a's, w1's and w3's, and none for w2, still waiting.
      const mails = (r: { id: string }) =>
        t.db
          .query(`SELECT dedupe_key FROM notifications WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [
            `registration:${r.id}:%`,
          ])
          .then((rows: { dedupe_key: string }[]) => rows.map((x) => x.dedupe_key));
      expect(await mails(w2)).toEqual([`registration:${w2.id}:waitlisted`]);
      const written = [
        `registration:${a.id}:cancelled`,
        `registration:${w1.id}:promoted`,
        `registration:${w3.id}:promoted`,
      ];
      expect(statuses(await settled(t.db, written))).toEqual(Object.fromEntries(written.map((k) => [k, 'sent'])));
      const mine = [a, w1, w2, w3].map((r) => r.contact.email);
      expect(
        sink.received
          .filter((m) => mine.includes(m.to))
          .map((m) => m.to)
          .sort(),
      ).toEqual([a.contact.email, w1.contact.email, w3.contact.email].sort());
      // Cancelling twice is harmless.
      await request(t.http)
        .post(`/api/v1/registrations/${a.id}/cancel`)
        .set('X-Manage-Token', a.manageToken)
        .expect(200);
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 6, waitlistCount: 1 });
    });

    it('should refuse more persons without free seats (409, nothing changes) and promote when the party shrinks', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 5 });
      const a = (await register(event.id, family(3)).expect(201)).body;
      await register(event.id, family(2)).expect(201);
      const w = (await register(event.id, family(1)).expect(201)).body;
      expect(w.status).toBe('waitlisted');
      const grow = await request(t.http)
        .patch(`/api/v1/registrations/${a.id}`)
        .set('X-Manage-Token', a.manageToken)
        .send({ attendees: family(4).attendees });
      expectProblem(grow, 409, 'event_full');
      expect((await t.db.query('SELECT party_size FROM registrations WHERE id = $1', [a.id]))[0].party_size).toBe(3);
      expect(
        await t.db.query('SELECT count(*)::int AS n FROM registration_attendees WHERE registration_id = $1', [a.id]),
      ).toEqual([{ n: 3 }]);
      const shrink = await request(t.http)
        .patch(`/api/v1/registrations/${a.id}`)
        .set('X-Manage-Token', a.manageToken)
        .send({ attendees: family(2).attendees })
        .expect(200);
      expect(shrink.body.partySize).toBe(2);
      const wNow = (
        await request(t.http).get(`/api/v1/registrations/${w.id}`).set('X-Manage-Token', w.manageToken).expect(200)
      ).body;
      expect(wNow.status).toBe('confirmed');
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 5, waitlistCount: 0 });
    });

    it('should refuse to change a party once it has checked in, keeping the check-in', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 5 });
      const a = (await register(event.id, family(2)).expect(201)).body;
      await request(t.http)
        .post(`/api/v1/events/${event.id}/check-ins`)
        .set(bearer(organizer))
        .send({ code: a.code })
        .expect(200);
      const res = await request(t.http)
        .patch(`/api/v1/registrations/${a.id}`)
        .set('X-Manage-Token', a.manageToken)
        .send({ attendees: family(1).attendees });
      expectProblem(res, 409, 'invalid_transition');
      const rows = await t.db.query('SELECT checked_in_at FROM registration_attendees WHERE registration_id = $1', [
        a.id,
      ]);
      expect(rows).toHaveLength(2);
      expect(rows.every((r: { checked_in_at: Date | null }) => r.checked_in_at !== null)).toBe(true);
    });

    it('should promote when capacity is raised, and refuse to lower it below the seats taken', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 2 });
      await register(event.id, family(2)).expect(201);
      const w = (await register(event.id, family(2)).expect(201)).body;
      expectProblem(
        await request(t.http).patch(`/api/v1/events/${event.id}`).set(bearer(organizer)).send({ capacity: 1 }),
        409,
        'capacity_below_taken',
      );
      await request(t.http)
        .patch(`/api/v1/events/${event.id}`)
        .set(bearer(organizer))
        .send({ capacity: 4 })
        .expect(200);
      expect(
        (await request(t.http).get(`/api/v1/registrations/${w.id}`).set('X-Manage-Token', w.manageToken).expect(200))
          .body.status,
      ).toBe('confirmed');
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 4, waitlistCount: 0 });
    });

    it('should cancel every registration of a cancelled event through a fan-out, and mail each family', async () => {
      const event = await createPublishedEvent(t, organizer, { capacity: 3 });
      const regs = [];
      for (const size of [2, 1, 2]) regs.push((await register(event.id, family(size)).expect(201)).body);
      for (const r of regs) await sink.waitForTo(r.contact.email);
      sink.reset();
      await request(t.http).post(`/api/v1/events/${event.id}/cancel`).set(bearer(organizer)).expect(200);
      // The fan-out, expanded (sent), and a row per family, each sent.
      const fanout = `event:${event.id}:cancelled`;
      const written = [fanout, ...regs.map((r) => `${fanout}:${r.id}`)];
      expect(statuses(await settled(t.db, written))).toEqual(Object.fromEntries(written.map((k) => [k, 'sent'])));
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE $1`, [
        `${fanout}:%`,
      ]);
      expect(n).toBe(regs.length);
      const mine = regs.map((r) => r.contact.email);
      expect(
        sink.received
          .filter((m) => mine.includes(m.to))
          .map((m) => m.to)
          .sort(),
      ).toEqual(mine.sort());
      expect(sink.received.every((m) => /cancel|取消/i.test(m.subject))).toBe(true);
      const rows = await t.db.query('SELECT status FROM registrations WHERE event_id = $1', [event.id]);
      expect(rows.every((r: { status: string }) => r.status === 'cancelled')).toBe(true);
      expect(await counts(t, event.id)).toEqual({ seatsTaken: 0, waitlistCount: 0 });
    });

    it('should mail every family when the time changes, and plan the reminder again for the new start', async () => {
      const event = await createPublishedEvent(t, organizer, {
        capacity: 5,
        startsAt: daysFromNow(10),
        endsAt: daysFromNow(10, 3),
      });
      const r = (await register(event.id, family(2)).expect(201)).body;
      await sink.waitFor(1);
      sink.reset();
      const newStart = daysFromNow(12);
      await request(t.http)
        .patch(`/api/v1/events/${event.id}`)
        .set(bearer(organizer))
        .send({ startsAt: newStart, endsAt: daysFromNow(12, 3) })
        .expect(200);
      await sink.waitFor(1);
      expect(sink.received[0].to).toBe(r.contact.email);
      // The fan-out plans the new reminders as it expands: once it is sent, they are written.
      expect(statuses(await settled(t.db, [`event:${event.id}:changed:1`]))).toEqual({
        [`event:${event.id}:changed:1`]: 'sent',
      });
      const reminders = await t.db.query(
        "SELECT dedupe_key, next_attempt_at FROM notifications WHERE kind = 'registration.reminder' AND payload->>'registrationId' = $1 ORDER BY next_attempt_at",
        [r.id],
      );
      expect(reminders.map((x: { dedupe_key: string }) => x.dedupe_key)).toEqual([
        `registration:${r.id}:reminder:${new Date(event.startsAt as string).toISOString()}`,
        `registration:${r.id}:reminder:${new Date(newStart).toISOString()}`,
      ]);
      expect(new Date(reminders[1].next_attempt_at).getTime()).toBe(new Date(newStart).getTime() - 86400000);
    });
  });
});
