import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { FamilyRegistrationsService } from '../src/registrations/family/family-registrations.service';
import { REDIS } from '../src/redis/redis.module';
import { createEvent, createPublishedEvent, TestEvent } from './factories/events';
import { adult, cancelRegistration, child, register, TestRegistration } from './factories/registrations';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb, resetQueues, resetRateLimits } from './utils/reset-db';
import { ReceivedMail, SmtpSink } from './utils/smtp-sink';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CJK = /[\u4e00-\u9fff]/;

/** Mails whose subject contains `marker`, once there are `count` of them. */
async function mailsWith(sink: SmtpSink, marker: string, count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
  const until = Date.now() + timeoutMs;
  const matching = () => sink.received.filter((m) => m.subject.includes(marker));
  while (matching().length < count) {
    if (Date.now() > until) throw new Error(`expected ${count} mail(s) about ${marker}, got ${matching().length}`);
    await sleep(25);
  }
  return matching();
}

describe('organizers and their event registrations', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;

  const api = (method: 'get' | 'post' | 'delete', path: string, who?: TestUser) => {
    const req = request(t.http)[method](`/api/v1${path}`);
    return who ? req.set(bearer(who)) : req;
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '100000', RESEND_LINK_MAX_PER_HOUR: '2' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    await resetRateLimits(t.app.get(REDIS));
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    organizer = await createUser(t, ['organizer']);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  /**
   * Four seats, in request order: Mei's guest family (adult and child, confirmed), an account's
   * two adults (confirmed), three guests (waitlisted, then cancelled), O'Brien (waitlisted) and a
   * family of two in Chinese (waitlisted).
   */
  describe('a family day with a waitlist', () => {
    let event: TestEvent;
    let family: TestUser;
    let mei: TestRegistration;
    let account: TestRegistration;
    let three: TestRegistration;
    let obrien: TestRegistration;
    let zhang: TestRegistration;

    beforeAll(async () => {
      event = await createPublishedEvent(t, organizer, { capacity: 4, title: 'Waitlist Family Day' });
      family = await createUser(t, ['family']);
      mei = await register(t, event.id, {
        contact: { name: 'Mei Chen', email: 'mei.chen@example.org' },
        attendees: [adult('Mei Chen'), child('Xiao Ming')],
      });
      account = await register(t, event.id, { caller: family, attendees: [adult('Tom Baker'), adult('Ann Baker')] });
      three = await register(t, event.id, { attendees: [adult('A One'), adult('A Two'), adult('A Three')] });
      obrien = await register(t, event.id, {
        contact: { name: "Pat O'Brien", email: 'pat@example.org' },
        attendees: [adult('Pat O_Brien 100%')],
      });
      zhang = await register(t, event.id, {
        contact: { name: '张伟', email: 'zhang.wei@example.org' },
        attendees: [adult('张伟'), child('张小红')],
        locale: 'zh-CN',
      });
      await cancelRegistration(t, three);
    });

    const list = (query = '', who: TestUser = organizer) =>
      api('get', `/events/${event.id}/registrations${query}`, who);
    const checkIn = (body: object) => api('post', `/events/${event.id}/check-ins`, organizer).send(body);
    /** Nobody of this event checked in: each test that needs check-ins makes its own. */
    const clearCheckIns = () =>
      t.db.query('UPDATE registration_attendees SET checked_in_at = NULL WHERE event_id = $1', [event.id]);

    describe('GET /events/:id/registrations', () => {
      it('should list every registration in request order, with live waitlist positions', async () => {
        const res = await list().expect(200);
        expect(res.body).toMatchObject({ total: 5, page: 1, limit: 20 });
        expect(res.body.items.map((r: TestRegistration) => [r.id, r.status, r.waitlistPosition])).toEqual([
          [mei.id, 'confirmed', null],
          [account.id, 'confirmed', null],
          [three.id, 'cancelled', null],
          [obrien.id, 'waitlisted', 1],
          [zhang.id, 'waitlisted', 2],
        ]);
        const first = res.body.items[0];
        expect(first).toMatchObject({
          code: mei.code,
          partySize: 2,
          contact: { name: 'Mei Chen', email: 'mei.chen@example.org' },
          eventId: event.id,
        });
        expect(first.attendees.map((a: { name: string }) => a.name)).toEqual(['Mei Chen', 'Xiao Ming']);
        expect(first.manageToken).toBeUndefined();
      });

      it.each([
        ['confirmed', () => [mei.id, account.id]],
        ['waitlisted', () => [obrien.id, zhang.id]],
        ['cancelled', () => [three.id]],
      ])('should filter by status=%s', async (status, expected) => {
        const res = await list(`?status=${status}`).expect(200);
        expect(res.body.items.map((r: TestRegistration) => r.id)).toEqual(expected());
        expect(res.body.total).toBe(expected().length);
      });

      it('should search contact names and emails, attendee names and codes, case-insensitively', async () => {
        const ids = async (q: string, extra = '') =>
          (await list(`?q=${encodeURIComponent(q)}${extra}`).expect(200)).body.items.map((r: TestRegistration) => r.id);
        expect(await ids('MEI')).toEqual([mei.id]);
        expect(await ids('xiao ming')).toEqual([mei.id]);
        expect(await ids('ann bak')).toEqual([account.id]);
        expect(await ids('ZHANG.WEI@')).toEqual([zhang.id]);
        expect(await ids('张小')).toEqual([zhang.id]);
        const typed = `${obrien.code.slice(0, 3).toLowerCase()}-${obrien.code.slice(3).toLowerCase()}`;
        expect(await ids(typed)).toEqual([obrien.id]);
        expect(await ids('nobody at all')).toEqual([]);
        expect(await ids('baker', '&status=waitlisted')).toEqual([]);
      });

      it('should take % and _ in q literally', async () => {
        const ids = async (q: string) =>
          (await list(`?q=${encodeURIComponent(q)}`).expect(200)).body.items.map((r: TestRegistration) => r.id);
        expect(await ids('%')).toEqual([obrien.id]);
        expect(await ids('_')).toEqual([obrien.id]);
        expect(await ids('o_b')).toEqual([obrien.id]);
        expect(await ids('\\')).toEqual([]);
      });

      it('should page in request order', async () => {
        const res = await list('?page=2&limit=2').expect(200);
        expect(res.body).toMatchObject({ total: 5, page: 2, limit: 2 });
        expect(res.body.items.map((r: TestRegistration) => r.id)).toEqual([three.id, obrien.id]);
        const past = await list('?page=4&limit=2').expect(200);
        expect(past.body).toMatchObject({ items: [], total: 5, page: 4 });
      });

      it.each(['page=0', 'limit=0', 'limit=101', 'page=x', 'status=active', 'q=<201 characters>', 'sort=code'])(
        'should refuse ?%s (400)',
        async (query) => {
          expectProblem(await list(`?${query.replace('<201 characters>', 'x'.repeat(201))}`), 400, 'invalid_request');
        },
      );
    });

    describe('POST /events/:id/check-ins and DELETE /events/:id/check-ins/:code', () => {
      const undo = (code: string) =>
        api('delete', `/events/${event.id}/check-ins/${encodeURIComponent(code)}`, organizer);
      beforeEach(clearCheckIns);

      it('should check in the whole family by its code typed any way, and answer the same when repeated', async () => {
        const typed = ` ${mei.code.slice(0, 3).toLowerCase()}-${mei.code.slice(3)} `;
        const first = await checkIn({ code: typed }).expect(200);
        expect(first.body).toMatchObject({ id: mei.id, code: mei.code, status: 'confirmed' });
        expect([...first.body.checkedIn].sort()).toEqual(mei.attendees.map((a) => a.id).sort());
        for (const a of first.body.attendees) expect(Date.parse(a.checkedInAt)).toBeGreaterThan(Date.now() - 60_000);
        const again = await checkIn({ code: mei.code }).expect(200);
        expect(again.body).toEqual(first.body);
      });

      it('should check in only the attendees named, one after the other', async () => {
        const [tom, ann] = account.attendees;
        const one = await checkIn({ code: account.code, attendeeIds: [tom.id] }).expect(200);
        expect(one.body.checkedIn).toEqual([tom.id]);
        const byId = (res: request.Response, id: string) =>
          res.body.attendees.find((a: { id: string }) => a.id === id).checkedInAt;
        expect(byId(one, ann.id)).toBeNull();
        const two = await checkIn({ code: account.code, attendeeIds: [ann.id.toUpperCase()] }).expect(200);
        expect([...two.body.checkedIn].sort()).toEqual([tom.id, ann.id].sort());
        expect(byId(two, tom.id)).toBe(byId(one, tom.id));
      });

      it('should refuse attendees of another family (400) and check in nobody', async () => {
        const foreign = await checkIn({ code: account.code, attendeeIds: [zhang.attendees[0].id] });
        expectProblem(foreign, 400, 'invalid_request');
        expect(fieldsOf(foreign)).toEqual(['attendeeIds']);
        const [row] = await t.db.query('SELECT checked_in_at FROM registration_attendees WHERE id = $1', [
          zhang.attendees[0].id,
        ]);
        expect(row.checked_in_at).toBeNull();
      });

      it('should refuse waitlisted and cancelled codes (409 not_checkable)', async () => {
        expectProblem(await checkIn({ code: obrien.code }), 409, 'not_checkable');
        expectProblem(await checkIn({ code: three.code }), 409, 'not_checkable');
        const [{ n }] = await t.db.query(
          'SELECT count(*)::int AS n FROM registration_attendees WHERE registration_id = ANY($1) AND checked_in_at IS NOT NULL',
          [[obrien.id, three.id]],
        );
        expect(n).toBe(0);
      });

      it('should answer 404 for an unknown code or one of another event', async () => {
        const other = await createPublishedEvent(t, organizer);
        const stranger = await register(t, other.id);
        expectProblem(await checkIn({ code: 'ZZZZZZ' }), 404, 'not_found');
        expectProblem(await checkIn({ code: '!!' }), 404, 'not_found');
        expectProblem(await checkIn({ code: stranger.code }), 404, 'not_found');
        expectProblem(await undo('ZZZZZZ'), 404, 'not_found');
      });

      it.each([
        [{}, ['code']],
        [{ code: '' }, ['code']],
        [{ code: 'ABCDEFGHIJ'.repeat(4) + 'K' }, ['code']],
        [{ code: 'ABCDEF', attendeeIds: [] }, ['attendeeIds']],
        [{ code: 'ABCDEF', attendeeIds: ['nope'] }, ['attendeeIds']],
        [{ code: 'ABCDEF', extra: 1 }, ['extra']],
      ])('should refuse the body %j (400)', async (body, fields) => {
        const res = await checkIn(body);
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual(fields);
      });

      it('should undo a check-in, and check in again afterwards', async () => {
        await checkIn({ code: mei.code }).expect(200);
        const undone = await undo(mei.code.toLowerCase()).expect(200);
        expect(undone.body).toMatchObject({ id: mei.id, checkedIn: [] });
        expect(undone.body.attendees.every((a: { checkedInAt: string | null }) => a.checkedInAt === null)).toBe(true);
        await undo(mei.code).expect(200);
        const again = await checkIn({ code: mei.code }).expect(200);
        expect(again.body.checkedIn).toHaveLength(2);
      });
    });

    describe('GET /events/:id/stats', () => {
      it('should count registrations by status and confirmed persons by category and check-in', async () => {
        // Mei's family (adult and child) and Tom Baker, but not Ann, are checked in.
        await clearCheckIns();
        await checkIn({ code: mei.code }).expect(200);
        await checkIn({ code: account.code, attendeeIds: [account.attendees[0].id] }).expect(200);
        const res = await api('get', `/events/${event.id}/stats`, organizer).expect(200);
        expect(res.body).toEqual({
          capacity: 4,
          seatsTaken: 4,
          confirmed: 2,
          waitlisted: 2,
          cancelled: 1,
          checkedIn: 3,
          adults: 3,
          children: 1,
        });
      });

      it('should answer zeros for an event nobody registered for', async () => {
        const empty = await createPublishedEvent(t, organizer, { capacity: 7 });
        const res = await api('get', `/events/${empty.id}/stats`, organizer).expect(200);
        expect(res.body).toEqual({
          capacity: 7,
          seatsTaken: 0,
          confirmed: 0,
          waitlisted: 0,
          cancelled: 0,
          checkedIn: 0,
          adults: 0,
          children: 0,
        });
      });
    });

    describe('POST /events/:id/messages', () => {
      it('should mail every active registration once, in its language, and no cancelled one', async () => {
        sink.reset();
        const subject = `Parking ${Date.now()}`;
        const res = await api('post', `/events/${event.id}/messages`, organizer)
          .send({ subject, body: 'Use the car park behind the hall.\nDoors open at 9.' })
          .expect(202);
        expect(res.body).toEqual({ messageId: expect.any(String), recipients: 4 });
        const mails = await mailsWith(sink, subject, 4);
        await sleep(1000);
        expect(sink.received.filter((m) => m.subject.includes(subject))).toHaveLength(4);
        expect(mails.map((m) => m.to).sort()).toEqual(
          [mei.contact.email, account.contact.email, obrien.contact.email, zhang.contact.email].sort(),
        );
        const chinese = mails.find((m) => m.to === zhang.contact.email)!;
        expect(CJK.test(chinese.subject)).toBe(true);
        expect(chinese.parsed.text).toContain('Use the car park behind the hall.');
        const english = mails.find((m) => m.to === mei.contact.email)!;
        expect(english.subject).toBe(`[Waitlist Family Day] ${subject}`);
        expect(english.parsed.text).toContain(organizer.name);
        const [{ n }] = await t.db.query(
          "SELECT count(*)::int AS n FROM notifications WHERE kind = 'fanout.event.message' AND dedupe_key = $1",
          [`event:${event.id}:message:${res.body.messageId}`],
        );
        expect(n).toBe(1);
      }, 30_000);

      it('should send a second message as mails of its own', async () => {
        sink.reset();
        const subject = `Second ${Date.now()}`;
        await api('post', `/events/${event.id}/messages`, organizer).send({ subject, body: 'Again' }).expect(202);
        await mailsWith(sink, subject, 4);
      }, 30_000);

      it.each([
        ['a subject over 200 characters', { subject: 'x'.repeat(201), body: 'b' }, ['subject']],
        ['a body over 10,000 characters', { subject: 's', body: 'x'.repeat(10_001) }, ['body']],
        ['a blank subject', { subject: '  ', body: 'b' }, ['subject']],
        ['no subject', { body: 'b' }, ['subject']],
        ['an unknown field', { subject: 's', body: 'b', to: 'everyone' }, ['to']],
      ])('should refuse %s (400)', async (_label, body, fields) => {
        const res = await api('post', `/events/${event.id}/messages`, organizer).send(body);
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual(fields);
      });

      it('should send a message once however often a retry repeats its Idempotency-Key', async () => {
        const key = `message-${Date.now()}`;
        const send = () =>
          api('post', `/events/${event.id}/messages`, organizer)
            .set('Idempotency-Key', key)
            .send({ subject: 'Once', body: 'Only once' });
        const first = await send().expect(202);
        const again = await send().expect(202);
        expect(again.body).toEqual(first.body);
        const [{ n }] = await t.db.query(
          "SELECT count(*)::int AS n FROM notifications WHERE kind = 'fanout.event.message' AND payload->>'subject' = 'Once'",
        );
        expect(n).toBe(1);
      });

      it('should refuse a body that is not JSON (415)', async () => {
        const res = await api('post', `/events/${event.id}/messages`, organizer)
          .set('Content-Type', 'text/plain')
          .send('hello');
        expectProblem(res, 415, 'unsupported_media_type');
      });

      it('should refuse a draft or a cancelled event (409 invalid_transition)', async () => {
        const draft = await createEvent(t, organizer);
        expectProblem(
          await api('post', `/events/${draft.id}/messages`, organizer).send({ subject: 's', body: 'b' }),
          409,
          'invalid_transition',
        );
        const gone = await createPublishedEvent(t, organizer);
        await api('post', `/events/${gone.id}/cancel`, organizer).expect(200);
        expectProblem(
          await api('post', `/events/${gone.id}/messages`, organizer).send({ subject: 's', body: 'b' }),
          409,
          'invalid_transition',
        );
      });
    });

    describe('POST /registrations/resend-link', () => {
      const ACCEPTED = { message: expect.any(String) };
      const resend = (eventId: string, email: string) =>
        request(t.http).post('/api/v1/registrations/resend-link').send({ eventId, email });
      const settled = () => t.app.get(FamilyRegistrationsService).settled();
      const linkMails = (to: string) =>
        sink.to(to).filter((m) => /manage your registration|报名管理链接/i.test(m.subject));
      const linkRows = async (registrationId: string) => {
        const [{ n }] = await t.db.query(
          "SELECT count(*)::int AS n FROM notifications WHERE kind = 'registration.manage_link' AND payload->>'registrationId' = $1",
          [registrationId],
        );
        return n;
      };

      beforeEach(async () => {
        sink.reset();
        await resetRateLimits(t.app.get(REDIS));
      });

      it("should mail a guest's link with a new token that opens the registration, and revoke the old one", async () => {
        const res = await resend(event.id, 'MEI.Chen@Example.org').expect(202);
        expect(res.body).toEqual(ACCEPTED);
        const until = Date.now() + 15_000;
        while (!linkMails(mei.contact.email).length) {
          if (Date.now() > until) throw new Error('no manage link arrived');
          await sleep(25);
        }
        const [mail] = linkMails(mei.contact.email);
        const link = /http:\/\/kinship\.test\/registrations\/([0-9a-f-]{36})\?lang=[\w-]+#token=([A-Za-z0-9_-]+)/.exec(
          mail.parsed.text ?? '',
        );
        expect(link).not.toBeNull();
        expect(link![1]).toBe(mei.id);
        const opened = await request(t.http).get(`/api/v1/registrations/${mei.id}`).set('X-Manage-Token', link![2]);
        expect(opened.status).toBe(200);
        expect(opened.body).toMatchObject({ id: mei.id, code: mei.code });
        // A new token: every link sent before (one that leaked, too) stops working.
        expect(link![2]).not.toBe(mei.manageToken);
        expectProblem(
          await request(t.http).get(`/api/v1/registrations/${mei.id}`).set('X-Manage-Token', mei.manageToken!),
          404,
          'not_found',
        );
        mei.manageToken = link![2];
      }, 30_000);

      it("should mail an account's registration a link without a token", async () => {
        await resend(event.id, account.contact.email).expect(202);
        await settled();
        const until = Date.now() + 15_000;
        while (!linkMails(account.contact.email).length) {
          if (Date.now() > until) throw new Error('no manage link arrived');
          await sleep(25);
        }
        const [mail] = linkMails(account.contact.email);
        expect(mail.parsed.text).toContain(`http://kinship.test/registrations/${account.id}`);
        expect(mail.parsed.text).not.toContain('token=');
      }, 30_000);

      it('should answer the same and mail nothing for an unknown email, a cancelled registration or another event', async () => {
        const other = await createPublishedEvent(t, organizer);
        const answers = [
          await resend(event.id, 'nobody@example.org'),
          await resend(event.id, three.contact.email),
          await resend(other.id, mei.contact.email),
          await resend('00000000-0000-4000-8000-000000000000', mei.contact.email),
        ];
        for (const res of answers) {
          expect(res.status).toBe(202);
          expect(res.body).toEqual(ACCEPTED);
        }
        await settled();
        expect(await linkRows(three.id)).toBe(0);
        await sleep(500);
        expect(linkMails('nobody@example.org')).toHaveLength(0);
        expect(linkMails(three.contact.email)).toHaveLength(0);
        expect(linkMails(mei.contact.email)).toHaveLength(0);
      });

      it('should still answer 202 past the hourly limit, and mail nothing more', async () => {
        const before = await linkRows(obrien.id);
        for (let i = 0; i < 4; i++) {
          const res = await resend(event.id, obrien.contact.email);
          expect(res.status).toBe(202);
          expect(res.body).toEqual(ACCEPTED);
        }
        await settled();
        expect((await linkRows(obrien.id)) - before).toBe(2);
      });

      it('should refuse a malformed body (400) without counting it', async () => {
        const res = await request(t.http)
          .post('/api/v1/registrations/resend-link')
          .send({ eventId: 'x', email: 'not-an-email' });
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual(['email', 'eventId']);
      });
    });
  });

  describe('GET /me/registrations', () => {
    it("should list the caller's own registrations, newest first, with their events", async () => {
      const me = await createUser(t, ['family']);
      const small = await createPublishedEvent(t, organizer, { capacity: 1, title: 'Small Workshop' });
      const big = await createPublishedEvent(t, organizer, { capacity: 50, title: 'Big Picnic' });
      await register(t, small.id); // someone else takes the only seat
      const waiting = await register(t, small.id, { caller: me });
      const seated = await register(t, big.id, { caller: me, attendees: [adult('Me'), child('Kid')] });
      await register(t, big.id); // not mine

      const res = await api('get', '/me/registrations', me).expect(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
      expect(res.body.items.map((r: TestRegistration) => r.id)).toEqual([seated.id, waiting.id]);
      expect(res.body.items[0]).toMatchObject({
        status: 'confirmed',
        partySize: 2,
        event: { id: big.id, slug: big.slug, title: 'Big Picnic', startsAt: big.startsAt, status: 'published' },
      });
      expect(res.body.items[1]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, event: { id: small.id } });

      const paged = await api('get', '/me/registrations?page=2&limit=1', me).expect(200);
      expect(paged.body.items.map((r: TestRegistration) => r.id)).toEqual([waiting.id]);
      const stranger = await createUser(t, ['family']);
      expect((await api('get', '/me/registrations', stranger).expect(200)).body).toMatchObject({ items: [], total: 0 });
    });

    it('should need a signed-in caller (401) and a good page (400)', async () => {
      expectProblem(await api('get', '/me/registrations'), 401, 'unauthenticated');
      expectProblem(await api('get', '/me/registrations?limit=101', organizer), 400, 'invalid_request');
    });
  });

  describe("GET /events/:idOrSlug's onlineUrl", () => {
    it('should show the link to confirmed families and organizers only', async () => {
      const url = 'https://meet.example.org/family-webinar';
      const webinar = await createPublishedEvent(t, organizer, {
        format: 'online',
        venue: null,
        onlineUrl: url,
        capacity: 1,
        kind: 'webinar',
      });
      const stranger = await createUser(t, ['family']);
      const waiting = await createUser(t, ['family']);
      const leaving = await createUser(t, ['family']);
      const held = await register(t, webinar.id, { caller: leaving });
      await register(t, webinar.id, { caller: waiting });
      await cancelRegistration(t, held, leaving);
      // Leaving promoted the waiting family; a newcomer now waits.
      const late = await createUser(t, ['family']);
      await register(t, webinar.id, { caller: late });
      const onlineUrlFor = async (who?: TestUser) =>
        (await api('get', `/events/${webinar.slug}`, who).expect(200)).body.onlineUrl;
      expect(await onlineUrlFor(organizer)).toBe(url);
      expect(await onlineUrlFor(waiting)).toBe(url);
      expect(await onlineUrlFor(late)).toBeNull();
      expect(await onlineUrlFor(leaving)).toBeNull();
      expect(await onlineUrlFor(stranger)).toBeNull();
      expect(await onlineUrlFor()).toBeNull();
    });
  });
});
