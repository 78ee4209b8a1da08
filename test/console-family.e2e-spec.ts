import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createEvent, createPublishedEvent, TestEvent } from './factories/events';
import { createProgram, setProgramOrganizers } from './factories/programs';
import { adult, child, register, TestRegistration } from './factories/registrations';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { captureLogs } from './utils/log-capture';
import { expectProblem } from './utils/problem';
import { resetDb, resetQueues, resetRateLimits } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForStatus(t: TestApp, dedupeKey: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.db.query('SELECT id, status FROM notifications WHERE dedupe_key = $1', [dedupeKey]);
    if (row?.status === status) return row as { id: string; status: string };
    if (Date.now() > until) throw new Error(`${dedupeKey} is ${row?.status}, not ${status}`);
    await sleep(50);
  }
}

describe("the console's family pages, programs and mail log", () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let logs: ReturnType<typeof captureLogs>;
  let organizer: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let family: TestUser;
  let event: TestEvent;
  let otherEvent: TestEvent;
  let mei: TestRegistration;
  let stranger: TestRegistration;

  const get = (path: string, who?: TestUser) => {
    const req = request(t.http).get(`/api/v1${path}`);
    return who ? req.set(bearer(who)) : req;
  };

  beforeAll(async () => {
    logs = captureLogs();
    sink = await new SmtpSink().start();
    // The worker first: the last process started here owns the root logger, and the api's is at
    // info, where the audit lines are written.
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    t = await createApp({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '100000', LOG_LEVEL: 'info' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    await resetRateLimits(t.app.get(REDIS));
    [organizer, other, admin, family] = [
      await createUser(t, ['organizer']),
      await createUser(t, ['organizer']),
      await createUser(t, ['admin']),
      await createUser(t, ['family']),
    ];
    event = await createPublishedEvent(t, organizer, { capacity: 4, title: 'Lantern Evening' });
    otherEvent = await createPublishedEvent(t, other, { capacity: 10, title: 'Other Evening' });
    mei = await register(t, event.id, { contact: { name: 'Mei Lin' }, attendees: [adult('Mei'), child('Ana')] });
    await register(t, event.id, { contact: { name: 'Singleton' } });
    stranger = await register(t, otherEvent.id);
  });
  afterAll(async () => {
    logs.stop();
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  describe('GET /events/:id/registrations/:registrationId/mails', () => {
    it('should list exactly the outbox rows written to the family, as they stand, newest first', async () => {
      await waitForStatus(t, `registration:${mei.id}:confirmed`, 'sent');
      const res = await get(`/events/${event.id}/registrations/${mei.id}/mails`, organizer).expect(200);
      const rows: { id: string; kind: string; status: string; recipient_email: string }[] = await t.db.query(
        `SELECT id, kind, status, recipient_email FROM notifications WHERE payload->>'registrationId' = $1
         ORDER BY created_at DESC, id DESC`,
        [mei.id],
      );
      expect(rows.map((r) => r.kind).sort()).toEqual(['registration.confirmed', 'registration.reminder']);
      expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
      expect(res.body.items).toEqual(
        rows.map((r) =>
          expect.objectContaining({ id: r.id, kind: r.kind, status: r.status, recipientEmail: r.recipient_email }),
        ),
      );
      const confirmed = res.body.items.find((m: { kind: string }) => m.kind === 'registration.confirmed');
      expect(confirmed).toMatchObject({ status: 'sent', recipientEmail: mei.contact.email, attempts: 1 });
      expect(confirmed.sentAt).toEqual(expect.any(String));
      // the reminder waits for its day, 24 hours before the start
      const reminder = res.body.items.find((m: { kind: string }) => m.kind === 'registration.reminder');
      expect(reminder).toMatchObject({ status: 'pending', sentAt: null });
      expect(new Date(reminder.nextAttemptAt).getTime()).toBe(
        new Date(event.startsAt as string).getTime() - 24 * 3600 * 1000,
      );
      // what arrived is what is listed as sent
      expect(sink.to(mei.contact.email)).toHaveLength(1);
      expect(res.body.items[0]).not.toHaveProperty('payload');
    });

    it('should show the same to an admin, and never another family’s mails', async () => {
      const res = await get(`/events/${event.id}/registrations/${mei.id}/mails`, admin).expect(200);
      expect(res.body.total).toBe(2);
      expect(JSON.stringify(res.body)).not.toContain(stranger.contact.email);
    });

    it("should answer another organizer's ids as the attendees list does: 403 for a visible event, 404 for a family of another event", async () => {
      expectProblem(await get(`/events/${event.id}/registrations/${mei.id}/mails`, other), 403, 'forbidden');
      expectProblem(await get(`/events/${event.id}/registrations`, other), 403, 'forbidden');
      // their own event, our family's id: not a family of that event
      expectProblem(await get(`/events/${otherEvent.id}/registrations/${mei.id}/mails`, other), 404, 'not_found');
      // our event, their family's id
      expectProblem(await get(`/events/${event.id}/registrations/${stranger.id}/mails`, organizer), 404, 'not_found');
      const draft = await createEvent(t, other);
      expectProblem(await get(`/events/${draft.id}/registrations/${mei.id}/mails`, organizer), 404, 'not_found');
    });

    it('should refuse families, anonymous callers and bad input with problem+json', async () => {
      expectProblem(await get(`/events/${event.id}/registrations/${mei.id}/mails`, family), 403, 'forbidden');
      expectProblem(await get(`/events/${event.id}/registrations/${mei.id}/mails`), 401, 'unauthenticated');
      expectProblem(await get(`/events/${event.id}/registrations/not-a-uuid/mails`, organizer), 404, 'not_found');
      const res = await get(`/events/${event.id}/registrations/${mei.id}/mails?limit=0&page=x`, organizer);
      expectProblem(res, 400, 'invalid_request');
    });
  });

  describe("an organizer changes and cancels a family's registration on its behalf", () => {
    it('should re-check the seats, write the change mail to the family and name the organizer in the log', async () => {
      const patch = (attendees: unknown[]) =>
        request(t.http).patch(`/api/v1/registrations/${mei.id}`).set(bearer(organizer)).send({ attendees });
      expectProblem(await patch([adult('Mei'), adult('B'), adult('C'), adult('D')]), 409, 'event_full');
      const res = await patch([adult('Mei'), child('Ana'), adult('Grandma Lin')]).expect(200);
      expect(res.body).toMatchObject({ status: 'confirmed', partySize: 3 });
      expect(res.body.manageToken).toBeUndefined();
      const mail = await waitForStatus(t, `registration:${mei.id}:changed:1`, 'sent');
      const list = await get(`/events/${event.id}/registrations/${mei.id}/mails`, organizer).expect(200);
      expect(list.body.items[0]).toMatchObject({ id: mail.id, kind: 'registration.changed', status: 'sent' });
      expect(sink.to(mei.contact.email).map((m) => m.notificationId)).toContain(mail.id);
      const line = logs.lines().find((l) => l.msg === 'registration changed' && l.registrationId === mei.id);
      expect(line).toMatchObject({ actorId: organizer.id, via: 'staff', from: 2, to: 3 });
    });

    it("should keep a signed-in family's household members when an organizer changes its party", async () => {
      const member = await request(t.http)
        .post('/api/v1/me/household/members')
        .set(bearer(family))
        .send({ name: 'Lin Chen', birthDate: '2017-04-02', relationship: 'child' })
        .expect(201);
      const own = await register(t, event.id, {
        caller: family,
        attendees: [adult('Ming Chen'), { memberId: member.body.id }],
      });
      const res = await request(t.http)
        .patch(`/api/v1/registrations/${own.id}`)
        .set(bearer(organizer))
        .send({
          attendees: [{ memberId: member.body.id, name: 'Lin Chen', category: 'child', birthDate: '2017-04-02' }],
        })
        .expect(200);
      expect(res.body.attendees).toEqual([
        expect.objectContaining({ name: 'Lin Chen', category: 'child', memberId: member.body.id }),
      ]);
      // another account's member stays refused
      const stranger = await createUser(t, ['family']);
      const theirs = await request(t.http)
        .post('/api/v1/me/household/members')
        .set(bearer(stranger))
        .send({ name: 'Not Ours', birthDate: '2016-01-01', relationship: 'child' })
        .expect(201);
      const refused = await request(t.http)
        .patch(`/api/v1/registrations/${own.id}`)
        .set(bearer(organizer))
        .send({ attendees: [{ memberId: theirs.body.id }] });
      expect(expectProblem(refused, 400, 'invalid_request').errors).toEqual([
        expect.objectContaining({ field: 'attendees[0].memberId' }),
      ]);
    });

    it("should refuse another organizer's change (404, as for anyone who cannot see it)", async () => {
      const res = await request(t.http)
        .patch(`/api/v1/registrations/${mei.id}`)
        .set(bearer(other))
        .send({ attendees: [adult('X')] });
      expectProblem(res, 404, 'not_found');
    });

    it('should cancel on its behalf and name the organizer in the log', async () => {
      const res = await request(t.http).post(`/api/v1/registrations/${mei.id}/cancel`).set(bearer(organizer));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
      await waitForStatus(t, `registration:${mei.id}:cancelled`, 'sent');
      const line = logs.lines().find((l) => l.msg === 'registration cancelled' && l.registrationId === mei.id);
      expect(line).toMatchObject({ actorId: organizer.id, via: 'staff', was: 'confirmed' });
    });
  });

  describe('GET /programs?mine=true', () => {
    it("should list the caller's programs (created or co-organized), all of them for an admin", async () => {
      const own = await createProgram(t, organizer, { name: 'Own Program' });
      const shared = await createProgram(t, other, { name: 'Shared Program' });
      const foreign = await createProgram(t, other, { name: 'Foreign Program' });
      await setProgramOrganizers(t, other, shared.id, [organizer.id]);
      const mine = await get('/programs?mine=true', organizer).expect(200);
      expect(mine.body.items.map((p: { id: string }) => p.id).sort()).toEqual([own.id, shared.id].sort());
      const all = await get('/programs?mine=true', admin).expect(200);
      expect(all.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([own.id, foreign.id]));
      expect((await get('/programs').expect(200)).body.total).toBe(3);
    });

    it('should refuse mine=true without a sign-in, from a family, and a bad value', async () => {
      expectProblem(await get('/programs?mine=true'), 401, 'unauthenticated');
      expectProblem(await get('/programs?mine=true', family), 403, 'forbidden');
      expectProblem(await get('/programs?mine=yes', organizer), 400, 'invalid_request');
    });
  });

  describe('the mail log: GET /notifications?recipient=, GET /notifications/:id', () => {
    it("should filter by recipient, keep a failed mail's status history and show the retry that sent it", async () => {
      const refused = 'nobody-home@example.org';
      sink.refuseRecipient = (a) => (a === refused ? { code: 550, message: '5.1.1 No such mailbox' } : null);
      const guest = await register(t, otherEvent.id, { contact: { email: refused, name: 'Nobody Home' } });
      const failed = await waitForStatus(t, `registration:${guest.id}:confirmed`, 'failed');

      const list = await get(`/notifications?recipient=NOBODY-HOME@example.org&status=failed`, admin).expect(200);
      expect(list.body.items.map((n: { id: string }) => n.id)).toEqual([failed.id]);
      expect(list.body.items[0]).toMatchObject({ recipientEmail: refused, kind: 'registration.confirmed' });
      expect((await get(`/notifications?recipient=${refused}&status=sent`, admin).expect(200)).body.total).toBe(0);

      const before = await get(`/notifications/${failed.id}`, admin).expect(200);
      expect(before.body).toMatchObject({ id: failed.id, status: 'failed', lastError: expect.stringContaining('550') });
      expect(before.body.history).toEqual([{ status: 'failed', attempts: 1, at: expect.any(String) }]);

      sink.refuseRecipient = () => null;
      await request(t.http).post(`/api/v1/notifications/${failed.id}/retry`).set(bearer(admin)).expect(200);
      await waitForStatus(t, `registration:${guest.id}:confirmed`, 'sent');
      expect(sink.to(refused)).toHaveLength(1);
      const after = await get(`/notifications/${failed.id}`, admin).expect(200);
      expect(after.body.history.map((h: { status: string; attempts: number }) => [h.status, h.attempts])).toEqual([
        ['failed', 1],
        ['pending', 0],
        ['sent', 1],
      ]);
    });

    it('should show a mail sent at its first try as sent, at its time, with no history row written for it', async () => {
      const guest = await register(t, otherEvent.id, {
        contact: { email: 'first-try@example.org', name: 'First Try' },
      });
      const sent = await waitForStatus(t, `registration:${guest.id}:confirmed`, 'sent');
      const [{ n }] = await t.db.query(
        'SELECT count(*)::int AS n FROM notification_history WHERE notification_id = $1',
        [sent.id],
      );
      expect(n).toBe(0);
      const [{ sent_at }] = await t.db.query('SELECT sent_at FROM notifications WHERE id = $1', [sent.id]);
      const detail = await get(`/notifications/${sent.id}`, admin).expect(200);
      expect(detail.body.history).toEqual([{ status: 'sent', attempts: 1, at: new Date(sent_at).toISOString() }]);
    });

    it('should refuse a bad recipient, an unknown id and a non-admin with problem+json', async () => {
      expectProblem(await get('/notifications?recipient=not-an-address', admin), 400, 'invalid_request');
      expectProblem(await get('/notifications/3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a90', admin), 404, 'not_found');
      expectProblem(await get(`/notifications?recipient=${mei.contact.email}`, organizer), 403, 'forbidden');
      const [{ id }] = await t.db.query('SELECT id FROM notifications LIMIT 1');
      expectProblem(await get(`/notifications/${id}`, organizer), 403, 'forbidden');
    });
  });
});
