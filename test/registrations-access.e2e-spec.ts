import request from 'supertest';
import { createEvent, createPublishedEvent, setEventOrganizers, TestEvent } from './factories/events';
import { adult, register, TestRegistration } from './factories/registrations';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

type Who = { label: string; user?: TestUser; token?: string };

/**
 * Who may see what (DESIGN.md rule 6): a registration belongs to its account or the guest holding
 * its token, and to the event's organizers and admins; an event's registrations belong to its
 * organizers and admins.
 */
describe('access to registrations', () => {
  let t: TestApp;
  let creator: TestUser;
  let coOrganizer: TestUser;
  let otherOrganizer: TestUser;
  let admin: TestUser;
  let owner: TestUser;
  let otherFamily: TestUser;
  let event: TestEvent;
  let draft: TestEvent;
  let byAccount: TestRegistration;
  let byGuest: TestRegistration;
  let otherGuest: TestRegistration;
  let otherFamilys: TestRegistration;

  const call = (method: 'get' | 'post' | 'patch' | 'delete', path: string, who: Who) => {
    let req = request(t.http)[method](`/api/v1${path}`);
    if (who.user) req = req.set(bearer(who.user));
    if (who.token) req = req.set('X-Manage-Token', who.token);
    return req;
  };

  beforeAll(async () => {
    t = await createApp({ REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '100000' });
    await resetDb(t.db);
    creator = await createUser(t, ['organizer']);
    coOrganizer = await createUser(t, ['organizer']);
    otherOrganizer = await createUser(t, ['organizer']);
    admin = await createUser(t, ['admin']);
    owner = await createUser(t, ['family']);
    otherFamily = await createUser(t, ['family']);
    event = await createPublishedEvent(t, creator, { capacity: 20 });
    await setEventOrganizers(t, creator, event.id, [coOrganizer.id]);
    draft = await createEvent(t, creator);
    byAccount = await register(t, event.id, { caller: owner, attendees: [adult('Owner'), adult('Partner')] });
    byGuest = await register(t, event.id, { attendees: [adult('Guest')] });
    otherGuest = await register(t, event.id, { attendees: [adult('Other Guest')] });
    otherFamilys = await register(t, event.id, { caller: otherFamily });
  });
  afterAll(async () => t?.close());

  describe('GET, PATCH /registrations/:id and POST /registrations/:id/cancel', () => {
    const outsiders: [string, () => TestRegistration, () => Who][] = [
      ['another family', () => byAccount, () => ({ label: 'family', user: otherFamily })],
      ['a family, for another family', () => otherFamilys, () => ({ label: 'family', user: owner })],
      ['another organizer', () => byAccount, () => ({ label: 'organizer', user: otherOrganizer })],
      ['an anonymous caller', () => byAccount, () => ({ label: 'anonymous' })],
      [
        "a guest with another registration's token",
        () => byAccount,
        () => ({ label: 'guest', token: otherGuest.manageToken }),
      ],
      ["a guest with another guest's token", () => byGuest, () => ({ label: 'guest', token: otherGuest.manageToken })],
      ['a signed-in family, for a guest registration', () => byGuest, () => ({ label: 'family', user: otherFamily })],
      ['a made-up token', () => byGuest, () => ({ label: 'anonymous', token: 'x'.repeat(43) })],
    ];

    it.each(outsiders)(
      'should hide a registration from %s (404 on GET, PATCH and cancel)',
      async (_name, target, who) => {
        const r = target();
        expectProblem(await call('get', `/registrations/${r.id}`, who()), 404, 'not_found');
        expectProblem(
          await call('patch', `/registrations/${r.id}`, who()).send({ attendees: [adult('Intruder')] }),
          404,
          'not_found',
        );
        expectProblem(await call('post', `/registrations/${r.id}/cancel`, who()), 404, 'not_found');
      },
    );

    it('should leave the registrations untouched by those attempts', async () => {
      const rows: { id: string; status: string; party_size: number }[] = await t.db.query(
        'SELECT id, status, party_size FROM registrations WHERE id = ANY($1) ORDER BY party_size',
        [[byAccount.id, byGuest.id]],
      );
      expect(rows).toEqual([
        { id: byGuest.id, status: 'confirmed', party_size: 1 },
        { id: byAccount.id, status: 'confirmed', party_size: 2 },
      ]);
      const [{ status }] = await t.db.query('SELECT status FROM registrations WHERE id = $1', [otherFamilys.id]);
      expect(status).toBe('confirmed');
    });

    it.each([
      ['its account', () => byAccount, (): Who => ({ label: 'owner', user: owner })],
      ['its guest token (header)', () => byGuest, (): Who => ({ label: 'guest', token: byGuest.manageToken })],
      ['the event creator', () => byGuest, (): Who => ({ label: 'creator', user: creator })],
      ['a co-organizer', () => byAccount, (): Who => ({ label: 'co-organizer', user: coOrganizer })],
      ['an admin', () => byGuest, (): Who => ({ label: 'admin', user: admin })],
    ])('should show the registration to %s', async (_name, target, who) => {
      const r = target();
      const res = await call('get', `/registrations/${r.id}`, who()).expect(200);
      expect(res.body).toMatchObject({ id: r.id, code: r.code });
    });

    it('should take the guest token from the X-Manage-Token header only, never from the URL', async () => {
      // Links carry it in the fragment (#token=), which the page reads and sends as the header.
      expectProblem(
        await request(t.http).get(`/api/v1/registrations/${byGuest.id}?token=${byGuest.manageToken}`),
        404,
        'not_found',
      );
    });

    it('should give the manage token back to the guest who sent it, and to nobody else', async () => {
      const guest = await call('get', `/registrations/${byGuest.id}`, {
        label: 'guest',
        token: byGuest.manageToken,
      }).expect(200);
      expect(guest.body.manageToken).toBe(byGuest.manageToken);
      // Organizers and admins never receive it, whatever X-Manage-Token they send: none, a made-up
      // one, another guest's, or the real one (harvested somewhere).
      for (const user of [creator, coOrganizer, admin]) {
        for (const token of [undefined, 'x'.repeat(43), otherGuest.manageToken, byGuest.manageToken]) {
          const res = await call('get', `/registrations/${byGuest.id}`, { label: 'staff', user, token }).expect(200);
          expect(res.body.manageToken).toBeUndefined();
        }
      }
      const changed = await call('patch', `/registrations/${byGuest.id}`, {
        label: 'creator',
        user: creator,
        token: 'x'.repeat(43),
      })
        .send({ attendees: [{ name: 'Guest', category: 'adult' }] })
        .expect(200);
      expect(changed.body.manageToken).toBeUndefined();
    });
  });

  describe('POST /registrations/:id/revoke-link', () => {
    let guest: TestRegistration;

    beforeEach(async () => {
      guest = await register(t, event.id, { attendees: [adult('Revocable Guest')] });
    });

    const opens = (token: string | undefined) =>
      call('get', `/registrations/${guest.id}`, { label: 'guest', token }).then((r) => r.status);

    it.each([
      ['the event creator', () => creator],
      ['a co-organizer', () => coOrganizer],
      ['an admin', () => admin],
    ])('should let %s revoke the guest’s link: the old token stops working, no mail is sent', async (_n, who) => {
      expect(await opens(guest.manageToken)).toBe(200);
      const [{ n: mailsBefore }] = await t.db.query(
        'SELECT count(*)::int AS n FROM notifications WHERE payload ->> $1 = $2',
        ['registrationId', guest.id],
      );
      const res = await call('post', `/registrations/${guest.id}/revoke-link`, { label: 'staff', user: who() }).expect(
        204,
      );
      expect(res.text).toBe('');
      expect(await opens(guest.manageToken)).toBe(404);
      const [{ n: mailsAfter }] = await t.db.query(
        'SELECT count(*)::int AS n FROM notifications WHERE payload ->> $1 = $2',
        ['registrationId', guest.id],
      );
      expect(mailsAfter).toBe(mailsBefore);
    });

    it('should refuse everyone else: 401 without an account, 403 to the family itself, 404 to strangers', async () => {
      const mine = otherFamilys;
      expectProblem(
        await call('post', `/registrations/${guest.id}/revoke-link`, { label: 'guest', token: guest.manageToken }),
        401,
        'unauthenticated',
      );
      expectProblem(
        await call('post', `/registrations/${mine.id}/revoke-link`, { label: 'family', user: otherFamily }),
        403,
        'forbidden',
      );
      for (const user of [otherOrganizer, owner]) {
        expectProblem(
          await call('post', `/registrations/${guest.id}/revoke-link`, { label: 'outsider', user }),
          404,
          'not_found',
        );
      }
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        expectProblem(
          await call('post', `/registrations/${id}/revoke-link`, { label: 'admin', user: admin }),
          404,
          'not_found',
        );
      }
      expect(await opens(guest.manageToken)).toBe(200);
    });
  });

  describe('organizer endpoints', () => {
    const endpoints: [string, 'get' | 'post' | 'delete', (id: string) => string, object?][] = [
      ['list', 'get', (id) => `/events/${id}/registrations`],
      ['stats', 'get', (id) => `/events/${id}/stats`],
      ['export', 'get', (id) => `/events/${id}/registrations/export.csv`],
      ['check-in', 'post', (id) => `/events/${id}/check-ins`, { code: 'ZZZZZZ' }],
      ['undo check-in', 'delete', (id) => `/events/${id}/check-ins/ZZZZZZ`],
      ['message', 'post', (id) => `/events/${id}/messages`, { subject: 'Hello', body: 'Hi' }],
    ];
    const hit = (i: number, eventId: string, who: Who) => {
      const [, method, path, body] = endpoints[i];
      const req = call(method, path(eventId), who);
      return body ? req.send(body) : req;
    };
    const each = endpoints.map((e, i) => [e[0], i] as const);

    it.each(each)('%s: should refuse anonymous callers (401)', async (_name, i) => {
      expectProblem(await hit(i, event.id, { label: 'anonymous' }), 401, 'unauthenticated');
    });

    it.each(each)(
      '%s: should refuse families, even a registered one (403), and guest tokens (401)',
      async (_name, i) => {
        expectProblem(await hit(i, event.id, { label: 'family', user: owner }), 403, 'forbidden');
        expectProblem(await hit(i, event.id, { label: 'guest', token: byGuest.manageToken }), 401, 'unauthenticated');
      },
    );

    it.each(each)(
      '%s: should refuse another organizer on a published event (403), and hide a draft (404)',
      async (_name, i) => {
        expectProblem(await hit(i, event.id, { label: 'organizer', user: otherOrganizer }), 403, 'forbidden');
        expectProblem(await hit(i, draft.id, { label: 'organizer', user: otherOrganizer }), 404, 'not_found');
        expectProblem(
          await hit(i, '00000000-0000-4000-8000-000000000000', { label: 'creator', user: creator }),
          404,
          'not_found',
        );
      },
    );

    it.each(each)('%s: should let the creator, a co-organizer and an admin in', async (_name, i) => {
      for (const user of [creator, coOrganizer, admin]) {
        const res = await hit(i, event.id, { label: 'organizer', user });
        // The check-in codes name nobody: 404 is the handler's own answer, after access was granted.
        const expected = endpoints[i][0].includes('check-in') ? 404 : endpoints[i][0] === 'message' ? 202 : 200;
        expect(res.status).toBe(expected);
        if (expected === 404) expect(res.body.detail).toMatch(/code/);
      }
    });

    it("should show a draft's registrations to its organizers and admins", async () => {
      await call('get', `/events/${draft.id}/registrations`, { label: 'creator', user: creator }).expect(200);
      await call('get', `/events/${draft.id}/stats`, { label: 'admin', user: admin }).expect(200);
    });
  });
});
