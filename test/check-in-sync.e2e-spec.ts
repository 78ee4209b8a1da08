import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createEvent, createPublishedEvent, TestEvent } from './factories/events';
import { adult, cancelRegistration, child, register, TestRegistration } from './factories/registrations';
import { bearer, family, organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb } from './utils/reset-db';

/**
 * The check-in app's sync (DESIGN.md, "Check-in app"): a door device downloads the event's list,
 * then asks only for what changed; what it did offline comes back in batches of device-made ids,
 * each applied once, whatever was sent twice or by two devices at once.
 */
interface Item {
  id: string;
  code: string;
  attendeeIds?: string[];
  undo?: boolean;
  at: string;
}
interface Result {
  id: string;
  outcome: string;
  registrationId?: string;
  checkedIn?: string[];
}
interface ListEntry {
  id: string;
  code: string;
  contactName: string;
  status: string;
  attendees: { id: string; name: string; category: string; checkedInAt: string | null }[];
}

describe('check-in app sync', () => {
  let t: TestApp;
  let org: TestUser;

  const item = (code: string, extra: Partial<Item> = {}): Item => ({
    id: randomUUID(),
    code,
    at: new Date().toISOString(),
    ...extra,
  });
  const send = (event: TestEvent, items: unknown[], as: TestUser = org) =>
    request(t.http).post(`/api/v1/events/${event.id}/check-ins/batch`).set(bearer(as)).send({ items });
  const outcomes = (res: request.Response) => (res.body.results as Result[]).map((r) => r.outcome);
  const list = (event: TestEvent, query = '', headers: Record<string, string> = {}) =>
    request(t.http).get(`/api/v1/events/${event.id}/check-in-list${query}`).set(bearer(org)).set(headers);
  /** Who is checked in, from the database itself: registration code → attendee names. */
  const checkedInRows = async (event: TestEvent): Promise<{ code: string; name: string; at: string }[]> =>
    (
      await t.db.query(
        `SELECT r.code, a.name, a.checked_in_at FROM registration_attendees a JOIN registrations r ON r.id = a.registration_id
         WHERE a.event_id = $1 AND a.checked_in_at IS NOT NULL ORDER BY r.code, a.name`,
        [event.id],
      )
    ).map((r: { code: string; name: string; checked_in_at: Date }) => ({ ...r, at: r.checked_in_at.toISOString() }));
  /** The operations the server holds for the event, by id. */
  const operationRows = async (event: TestEvent): Promise<{ id: string; outcome: string; registrationId: string }[]> =>
    (
      await t.db.query(
        `SELECT id, outcome, registration_id AS "registrationId" FROM check_in_operations
         WHERE event_id = $1 ORDER BY id`,
        [event.id],
      )
    ).map((r: { id: string; outcome: string; registrationId: string }) => r);
  const checkedInCount = async (event: TestEvent) =>
    (await request(t.http).get(`/api/v1/events/${event.id}/stats`).set(bearer(org))).body.checkedIn as number;

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    org = await organizer(t);
  });
  afterAll(async () => t.close());

  describe('GET /events/:id/check-in-list', () => {
    let event: TestEvent;
    let a: TestRegistration;
    let b: TestRegistration;
    let w: TestRegistration;

    beforeAll(async () => {
      event = await createPublishedEvent(t, org, { capacity: 5 });
      a = await register(t, event.id, {
        contact: { name: 'Maya Gurung', phone: '+977 9800000000' },
        attendees: [adult('Maya Gurung'), child('Asha Gurung', '2019-02-03')],
      });
      b = await register(t, event.id, { attendees: [adult('Li Wei'), adult('Zhang Min')] });
      w = await register(t, event.id, { attendees: [adult('A'), adult('B')] });
    });

    it('should give every registration in request order with its party, and nothing the door has no need of', async () => {
      const res = await list(event);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(res.headers['cache-control']).toBe('private, no-cache');
      expect(res.body).toMatchObject({ eventId: event.id, eventStatus: 'published', full: true });
      const entries = res.body.registrations as ListEntry[];
      expect(entries.map((e) => [e.code, e.status])).toEqual([
        [a.code, 'confirmed'],
        [b.code, 'confirmed'],
        [w.code, 'waitlisted'],
      ]);
      expect(entries[0]).toEqual({
        id: a.id,
        code: a.code,
        contactName: 'Maya Gurung',
        status: 'confirmed',
        attendees: [
          { id: a.attendees[0].id, name: 'Maya Gurung', category: 'adult', checkedInAt: null },
          { id: a.attendees[1].id, name: 'Asha Gurung', category: 'child', checkedInAt: null },
        ],
      });
      const text = JSON.stringify(res.body);
      for (const secret of [a.contact.email, '9800000000', '2019-02-03']) expect(text).not.toContain(secret);
    });

    it('should answer 304 to the ETag it gave while nothing changed, and a new list once something did', async () => {
      const first = await list(event);
      const again = await list(event, '', { 'If-None-Match': first.headers.etag });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');

      await send(event, [item(b.code)]);
      const changed = await list(event, '', { 'If-None-Match': first.headers.etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(first.headers.etag);
      const entry = (changed.body.registrations as ListEntry[]).find((e) => e.id === b.id)!;
      expect(entry.attendees.every((p) => p.checkedInAt !== null)).toBe(true);
    });

    it('should give only what changed since a sync: a cancellation, a check-in, an undo, a new family', async () => {
      const old = await createPublishedEvent(t, org, { capacity: 20 });
      const quiet = await register(t, old.id);
      const toCancel = await register(t, old.id);
      const toCheckIn = await register(t, old.id);
      const checkedBefore = await register(t, old.id);
      await send(old, [item(checkedBefore.code)]);
      // Everything so far was written an hour ago (the trigger that stamps updates is held off for it).
      await t.db.transaction(async (m) => {
        await m.query('ALTER TABLE registrations DISABLE TRIGGER registrations_touch');
        await m.query("UPDATE registrations SET updated_at = now() - interval '1 hour' WHERE event_id = $1", [old.id]);
        await m.query('ALTER TABLE registrations ENABLE TRIGGER registrations_touch');
        await m.query(
          "UPDATE registration_attendees SET changed_at = now() - interval '1 hour' WHERE event_id = $1 AND changed_at IS NOT NULL",
          [old.id],
        );
      });
      const synced = await list(old);
      expect(synced.body.registrations).toHaveLength(4);

      await cancelRegistration(t, toCancel);
      await send(old, [item(toCheckIn.code), item(checkedBefore.code, { undo: true })]);
      const fresh = await register(t, old.id);

      const since = await list(old, `?since=${encodeURIComponent(synced.body.syncedAt)}`);
      expect(since.status).toBe(200);
      expect(since.body.full).toBe(false);
      const byId = new Map((since.body.registrations as ListEntry[]).map((e) => [e.id, e]));
      expect([...byId.keys()].sort()).toEqual([toCancel.id, toCheckIn.id, checkedBefore.id, fresh.id].sort());
      expect(byId.has(quiet.id)).toBe(false);
      expect(byId.get(toCancel.id)!.status).toBe('cancelled');
      expect(byId.get(toCheckIn.id)!.attendees[0].checkedInAt).not.toBeNull();
      expect(byId.get(checkedBefore.id)!.attendees[0].checkedInAt).toBeNull();
      expect(Date.parse(since.body.syncedAt)).toBeGreaterThan(Date.parse(synced.body.syncedAt));
    });

    it('should refuse a since that is no time, and keep other organizers out', async () => {
      expectProblem(await list(event, '?since=yesterday'), 400, 'invalid_request');
      expectProblem(await list(event, '?since=2027-02-30T10:00:00Z'), 400, 'invalid_request');
      const stranger = await organizer(t);
      expectProblem(
        await request(t.http).get(`/api/v1/events/${event.id}/check-in-list`).set(bearer(stranger)),
        403,
        'forbidden',
      );
      const draft = await createEvent(t, org);
      expectProblem(
        await request(t.http).get(`/api/v1/events/${draft.id}/check-in-list`).set(bearer(stranger)),
        404,
        'not_found',
      );
      const parent = await family(t);
      expectProblem(
        await request(t.http).get(`/api/v1/events/${event.id}/check-in-list`).set(bearer(parent)),
        403,
        'forbidden',
      );
      expectProblem(await request(t.http).get(`/api/v1/events/${event.id}/check-in-list`), 401, 'unauthenticated');
    });
  });

  describe('POST /events/:id/check-ins/batch', () => {
    let event: TestEvent;

    beforeEach(async () => {
      event = await createPublishedEvent(t, org, { capacity: 6 });
    });

    it('should answer each outcome the door can meet', async () => {
      const fam = await register(t, event.id, { attendees: [adult('Parent'), child('Kid one'), child('Kid two')] });
      const pair = await register(t, event.id, { attendees: [adult('X'), adult('Y')] });
      const waiting = await register(t, event.id, { attendees: [adult('W1'), adult('W2')] });
      const gone = await register(t, event.id, { attendees: [adult('G')] });
      await cancelRegistration(t, gone);
      expect(waiting.status).toBe('waitlisted');

      const first = item(fam.code, { attendeeIds: [fam.attendees[0].id, fam.attendees[1].id] });
      const res = await send(event, [
        first,
        item(fam.code.toLowerCase(), { attendeeIds: [fam.attendees[1].id] }),
        item(fam.code),
        item(`${pair.code.slice(0, 3)}-${pair.code.slice(3)}`),
        item(pair.code, { undo: true }),
        item(waiting.code),
        item(gone.code),
        item('ZZZZZZ'),
        item('no such code at all, far too long'),
        item(pair.code, { attendeeIds: [randomUUID()] }),
      ]);
      expect(res.status).toBe(200);
      expect(outcomes(res)).toEqual([
        'checked_in',
        'already_checked_in',
        'checked_in',
        'checked_in',
        'undone',
        'not_checkable',
        'not_checkable',
        'unknown_code',
        'unknown_code',
        'not_checkable',
      ]);
      const results = res.body.results as Result[];
      expect(results[0]).toEqual({
        id: first.id,
        outcome: 'checked_in',
        registrationId: fam.id,
        checkedIn: [fam.attendees[0].id, fam.attendees[1].id],
      });
      expect(results[2].checkedIn).toEqual(fam.attendees.map((p) => p.id));
      expect(results[4].checkedIn).toEqual([]);
      expect(results[7]).toEqual({ id: expect.any(String), outcome: 'unknown_code' });

      expect((await checkedInRows(event)).map((r) => r.name).sort()).toEqual(['Kid one', 'Kid two', 'Parent']);
      expect(await checkedInCount(event)).toBe(3);
    });

    it("should stamp the scan's own time, and a time still to come as now", async () => {
      const early = await register(t, event.id);
      const future = await register(t, event.id);
      const scannedAt = new Date(Date.now() - 20 * 60 * 1000);
      const before = Date.now();
      await send(event, [
        item(early.code, { at: scannedAt.toISOString().replace('Z', '+00:00') }),
        item(future.code, { at: new Date(Date.now() + 86_400_000).toISOString() }),
      ]);
      const rows = await checkedInRows(event);
      expect(rows.find((r) => r.code === early.code)!.at).toBe(scannedAt.toISOString());
      const stamped = Date.parse(rows.find((r) => r.code === future.code)!.at);
      expect(stamped).toBeGreaterThanOrEqual(before - 1000);
      expect(stamped).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('should change nothing when the same batch comes again, one after the other or from two clients at once', async () => {
      const families = await Promise.all(
        Array.from({ length: 3 }, (_, i) => register(t, event.id, { attendees: [adult(`Door ${i}`)] })),
      );
      const batch = [
        ...families.map((f) => item(f.code)),
        item(families[0].code, { undo: true }),
        item(families[0].code),
      ];
      expect(outcomes(await send(event, batch))).toEqual([
        'checked_in',
        'checked_in',
        'checked_in',
        'undone',
        'checked_in',
      ]);
      const after = await checkedInRows(event);
      const applied = await operationRows(event);
      const outcomeOf = new Map(applied.map((r) => [r.id, r.outcome]));
      expect(batch.map((i) => outcomeOf.get(i.id))).toEqual([
        'checked_in',
        'checked_in',
        'checked_in',
        'undone',
        'checked_in',
      ]);
      const again = await send(event, batch);
      expect(outcomes(again)).toEqual(batch.map(() => 'duplicate'));
      expect(await checkedInRows(event)).toEqual(after);

      // The same batch once more, from two clients at the same moment: nothing changes either.
      const [p, q] = await Promise.all([send(event, batch), send(event, batch)]);
      expect([p.status, q.status]).toEqual([200, 200]);
      expect([...outcomes(p), ...outcomes(q)]).toEqual([...batch, ...batch].map(() => 'duplicate'));
      expect(await checkedInRows(event)).toEqual(after);
      expect(await operationRows(event)).toEqual(applied);
      expect(await checkedInCount(event)).toBe(3);

      // Two clients sending a new batch at the same moment: each item applied by exactly one, with
      // the outcome one client alone would have had, and the families end as one send leaves them.
      const twice = [...families.map((f) => item(f.code, { undo: true })), ...families.map((f) => item(f.code))];
      const [x, y] = await Promise.all([send(event, twice), send(event, twice)]);
      expect(x.status).toBe(200);
      expect(y.status).toBe(200);
      const applying = twice.map((_, i) => {
        const both = [outcomes(x)[i], outcomes(y)[i]];
        expect(both.filter((o) => o === 'duplicate')).toHaveLength(1);
        return both.find((o) => o !== 'duplicate');
      });
      expect(applying).toEqual(['undone', 'undone', 'undone', 'checked_in', 'checked_in', 'checked_in']);
      const byCode = (rows: { code: string }[]) => [...rows].sort((l, r) => (l.code < r.code ? -1 : 1));
      expect(byCode((await checkedInRows(event)).map(({ code, name, at }) => ({ code, name, at })))).toEqual(
        byCode(families.map((f, i) => ({ code: f.code, name: `Door ${i}`, at: twice[3 + i].at }))),
      );
      expect(
        Number(
          (await t.db.query('SELECT count(*) AS n FROM check_in_operations WHERE event_id = $1', [event.id]))[0].n,
        ),
      ).toBe(batch.length + twice.length);

      // And that batch again from both: duplicates only, the rows as they were.
      const settled = await checkedInRows(event);
      const [u, v] = await Promise.all([send(event, twice), send(event, twice)]);
      expect([...outcomes(u), ...outcomes(v)]).toEqual([...twice, ...twice].map(() => 'duplicate'));
      expect(await checkedInRows(event)).toEqual(settled);
      expect(await checkedInCount(event)).toBe(3);
    });

    it('should let one of three devices scanning the same family at once check it in, and tell the others', async () => {
      const fam = await register(t, event.id, { attendees: [adult('Same'), child('Family')] });
      const answers = await Promise.all([1, 2, 3].map(() => send(event, [item(fam.code)])));
      expect(answers.map((a) => outcomes(a)[0]).sort()).toEqual([
        'already_checked_in',
        'already_checked_in',
        'checked_in',
      ]);
      expect(await checkedInCount(event)).toBe(2);
    });

    it('should refuse a malformed batch whole (400, nothing applied), and other organizers', async () => {
      const fam = await register(t, event.id);
      const bad: [unknown, string][] = [
        [[], 'items'],
        [Array.from({ length: 201 }, () => item(fam.code)), 'items'],
        [[item(fam.code), { ...item(fam.code), id: 'not-a-uuid' }], 'items[1].id'],
        [[{ ...item(fam.code), at: '2027-13-01T10:00:00Z' }], 'items[0].at'],
        [[{ ...item(fam.code), at: undefined }], 'items[0].at'],
        [[{ ...item(fam.code), attendeeIds: ['x'] }], 'items[0].attendeeIds'],
        [[{ ...item(fam.code), undo: 'yes' }], 'items[0].undo'],
        [[{ ...item(fam.code), code: '' }], 'items[0].code'],
      ];
      for (const [items, field] of bad) {
        const res = await send(event, items as unknown[]);
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toContain(field);
      }
      expectProblem(await send(event, [item('A\u0000B')]), 400, 'invalid_request');
      expectProblem(await send(event, [item(fam.code)], await organizer(t)), 403, 'forbidden');
      expect(await checkedInRows(event)).toEqual([]);
      expect(
        Number(
          (await t.db.query('SELECT count(*) AS n FROM check_in_operations WHERE event_id = $1', [event.id]))[0].n,
        ),
      ).toBe(0);
    });
  });
});
