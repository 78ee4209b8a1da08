import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent } from './factories/events';
import { adult, register, TestRegistration } from './factories/registrations';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { expectProblem } from './utils/problem';
import { resetDb, resetQueues } from './utils/reset-db';
import { ReceivedMail, SmtpSink } from './utils/smtp-sink';

const DAY = 86_400_000;

/**
 * Bounces and unsubscribes: an address its server refuses for good gets no more optional mail
 * (organizer messages, reminders) until an admin lifts it; a family can stop an event's optional
 * mail with the one-click link of RFC 8058; neither ever holds back transactional mail.
 */
describe('mail hygiene', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;
  let admin: TestUser;

  /** The final state of the outbox rows of one kind to one address (waits until none is pending). */
  const finalRows = async (kind: string, email: string, count = 1) => {
    const until = Date.now() + 15_000;
    for (;;) {
      const rows: { status: string; last_error: string | null }[] = await t.db.query(
        `SELECT status, last_error FROM notifications WHERE kind = $1 AND recipient_email = $2 ORDER BY created_at`,
        [kind, email],
      );
      if (rows.length >= count && rows.every((r) => !['pending', 'sending'].includes(r.status))) return rows;
      if (Date.now() > until) throw new Error(`${kind} to ${email}: ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const message = (eventId: string, subject: string) =>
    request(t.http)
      .post(`/api/v1/events/${eventId}/messages`)
      .set(bearer(organizer))
      .send({ subject, body: 'Bring water and sun hats.' })
      .expect(202);
  const withSubject = (email: string, subject: string) => sink.to(email).filter((m) => m.subject.includes(subject));
  const header = (mail: ReceivedMail, name: string) =>
    mail.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
  const guest = (eventId: string, email: string, name = 'Hygiene Family') =>
    register(t, eventId, { contact: { name, email }, attendees: [adult(name)] });

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    organizer = await createUser(t, ['organizer']);
    admin = await createUser(t, ['admin']);
  });
  afterEach(() => sink.reset());
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  it('should suppress organizer messages to an address refused with a 550, never its confirmations, until an admin lifts it', async () => {
    const bounced = 'gone.family@example.org';
    const fine = 'fine.family@example.org';
    // Refused where real servers refuse a mailbox that does not exist: at RCPT TO.
    sink.refuseRecipient = (to) => (to === bounced ? { code: 550, message: `5.1.1 <${bounced}>: no such user` } : null);
    const a = await createPublishedEvent(t, organizer);
    const b = await createPublishedEvent(t, organizer);
    await guest(a.id, bounced);
    await guest(a.id, fine);
    expect(await finalRows('registration.confirmed', bounced)).toEqual([
      { status: 'failed', last_error: expect.stringMatching(/^550/) },
    ]);

    const listed = await request(t.http).get('/api/v1/mail-suppressions').set(bearer(admin)).expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ email: bounced, reason: 'bounced' }] });
    expect(listed.body.items[0].smtpResponse).toMatch(/^550 5\.1\.1/);
    await request(t.http).get('/api/v1/mail-suppressions').set(bearer(organizer)).expect(403);

    // The mailbox accepts mail again, but the address stays suppressed for optional mail.
    sink.refuseRecipient = () => null;
    await message(a.id, 'Parking');
    await sink.waitForTo(fine, 2);
    expect(await finalRows('event.message', bounced)).toEqual([
      { status: 'suppressed', last_error: expect.stringMatching(/refused for good/) },
    ]);
    expect(withSubject(bounced, 'Parking')).toHaveLength(0);
    const log = await request(t.http).get('/api/v1/notifications?status=suppressed').set(bearer(admin)).expect(200);
    expect(log.body.items).toMatchObject([{ kind: 'event.message', recipientEmail: bounced, status: 'suppressed' }]);

    // Transactional mail still goes: the next registration's confirmation arrives.
    const again = await guest(b.id, bounced);
    const [confirmation] = await sink.waitForTo(bounced, 1);
    expect(confirmation.parsed.text).toContain(again.code);

    // Lifted: the next message reaches it.
    await request(t.http).delete(`/api/v1/mail-suppressions/${listed.body.items[0].id}`).set(bearer(admin)).expect(204);
    expectProblem(
      await request(t.http).delete(`/api/v1/mail-suppressions/${listed.body.items[0].id}`).set(bearer(admin)),
      404,
      'not_found',
    );
    await message(a.id, 'Lunch');
    await sink.waitForTo(bounced, 2);
    expect(withSubject(bounced, 'Lunch')).toHaveLength(1);
  });

  it('should forget a suppressed address when the person is erased', async () => {
    const email = 'erased.bounce@example.org';
    sink.refuse = ({ to }) => (to === email ? { code: 550, message: '5.1.1 mailbox unavailable' } : null);
    const a = await createPublishedEvent(t, organizer);
    await guest(a.id, email);
    await finalRows('registration.confirmed', email);
    const listed = () => request(t.http).get(`/api/v1/mail-suppressions?q=${email}`).set(bearer(admin)).expect(200);
    expect((await listed()).body.total).toBe(1);
    await request(t.http).post('/api/v1/admin/erasures').set(bearer(admin)).send({ email }).expect(201);
    expect((await listed()).body.total).toBe(0);
    expect(await t.db.query('SELECT 1 FROM mail_suppressions WHERE email = $1', [email])).toEqual([]);
  });

  it('should not suppress an address for a refusal of the message rather than the address', async () => {
    const email = 'spam.filter@example.org';
    sink.refuse = ({ to }) => (to === email ? { code: 550, message: '5.7.1 message rejected as spam' } : null);
    const a = await createPublishedEvent(t, organizer);
    await guest(a.id, email);
    expect(await finalRows('registration.confirmed', email)).toMatchObject([{ status: 'failed' }]);
    const listed = await request(t.http).get(`/api/v1/mail-suppressions?q=SPAM.filter`).set(bearer(admin)).expect(200);
    expect(listed.body.total).toBe(0);
  });

  it('should unsubscribe with the one-click link, without a login, from its own event only', async () => {
    const email = 'two.events@example.org';
    const a = await createPublishedEvent(t, organizer, { title: 'Kite Day' });
    const b = await createPublishedEvent(t, organizer, { title: 'Science Fair' });
    const inA = await guest(a.id, email);
    const inB = await guest(b.id, email);
    await sink.waitForTo(email, 2);
    for (const confirmation of sink.to(email)) expect(header(confirmation, 'list-unsubscribe')).toBeUndefined();

    await message(a.id, 'Kites ready');
    const [mail] = await waitForSubject(email, 'Kites ready');
    const link = header(mail, 'list-unsubscribe')!;
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(link).toMatch(new RegExp(`^<http://kinship\\.test/unsubscribe/${inA.id}\\?token=[\\w-]+&lang=en>$`));
    const url = new URL(link.slice(1, -1));
    // The same link is in the mail for a reader to click.
    expect(mail.parsed.text).toContain(url.toString());

    // Bad links: 4xx problem+json, and nothing changes.
    const token = url.searchParams.get('token')!;
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expectProblem(await oneClick(`/unsubscribe/${inA.id}?token=${tampered}`), 404, 'not_found');
    expectProblem(await oneClick(`/unsubscribe/${inB.id}?token=${token}`), 404, 'not_found');
    expectProblem(await oneClick(`/unsubscribe/${inA.id}`), 400, 'invalid_request');
    expectProblem(await oneClick(`/unsubscribe/not-a-uuid?token=${token}`), 404, 'not_found');
    expect(await unsubscribed()).toEqual([]);

    // What a mail client does (RFC 8058): a POST of the form, no cookie, no token of any account.
    const res = await oneClick(`${url.pathname}${url.search}`).expect(200);
    expect(res.body).toMatchObject({ registrationId: inA.id, eventId: a.id, eventTitle: 'Kite Day' });
    // Again: nothing more happens, same answer.
    const twice = await oneClick(`${url.pathname}${url.search}`).expect(200);
    expect(twice.body.unsubscribedAt).toBe(res.body.unsubscribedAt);
    expect(await unsubscribed()).toEqual([inA.id]);

    await message(a.id, 'Kites moved');
    await message(b.id, 'Fair tables');
    await waitForSubject(email, 'Fair tables');
    await finalRows('event.message', email, 3);
    const [kitesMoved] = await t.db.query(
      `SELECT status, last_error FROM notifications WHERE kind = 'event.message' AND payload->>'subject' = 'Kites moved'`,
    );
    expect(kitesMoved).toEqual({ status: 'suppressed', last_error: expect.stringMatching(/unsubscribed/) });
    expect(withSubject(email, 'Kites moved')).toHaveLength(0);

    // Transactional mail is never stopped by an unsubscribe: the cancellation arrives.
    await request(t.http)
      .post(`/api/v1/registrations/${inA.id}/cancel`)
      .set('X-Manage-Token', inA.manageToken!)
      .expect(200);
    expect(await finalRows('registration.cancelled', email)).toEqual([{ status: 'sent', last_error: null }]);
  });

  it('should put the one-click link on reminders and hold back the reminder of an unsubscribed family', async () => {
    // Starts 24 h and 3 s from now: the reminders fall due in about 3 s.
    const startsAt = new Date(Date.now() + DAY + 3000);
    const event = await createPublishedEvent(t, organizer, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    });
    const stays = await guest(event.id, 'stays@example.org');
    const leaves: TestRegistration = await guest(event.id, 'leaves@example.org');
    const [confirmation] = await sink.waitForTo('leaves@example.org', 1);
    const link = confirmation.parsed.text!.match(/http:\/\/kinship\.test\/unsubscribe\/\S+/);
    expect(link).toBeNull(); // a confirmation has no unsubscribe link

    // The family follows the link from an earlier optional mail: the one of its registration.
    await message(event.id, 'See you soon');
    const [soon] = await waitForSubject('leaves@example.org', 'See you soon');
    const url = new URL(header(soon, 'list-unsubscribe')!.slice(1, -1));
    await oneClick(`${url.pathname}${url.search}`, 'application/json', '{}').expect(200);

    const [reminder] = await waitForSubject(stays.contact.email, 'Reminder');
    expect(header(reminder, 'list-unsubscribe')).toMatch(new RegExp(`/unsubscribe/${stays.id}\\?token=`));
    expect(header(reminder, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(await finalRows('registration.reminder', leaves.contact.email)).toEqual([
      { status: 'suppressed', last_error: expect.stringMatching(/unsubscribed/) },
    ]);
    expect(withSubject(leaves.contact.email, 'Reminder')).toHaveLength(0);
  }, 20_000);

  async function waitForSubject(email: string, subject: string): Promise<ReceivedMail[]> {
    const until = Date.now() + 15_000;
    while (!withSubject(email, subject).length) {
      if (Date.now() > until) throw new Error(`no "${subject}" to ${email}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return withSubject(email, subject);
  }

  function oneClick(path: string, type = 'application/x-www-form-urlencoded', body = 'List-Unsubscribe=One-Click') {
    return request(t.http).post(path).set('Content-Type', type).send(body);
  }

  async function unsubscribed(): Promise<string[]> {
    const rows: { id: string }[] = await t.db.query(
      'SELECT id FROM registrations WHERE unsubscribed_at IS NOT NULL ORDER BY id',
    );
    return rows.map((r) => r.id);
  }
});
