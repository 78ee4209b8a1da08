import request from 'supertest';
import { createPublishedEvent, daysFromNow, TestEvent } from './factories/events';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { resetDb } from './utils/reset-db';

/**
 * First fit in request order (DESIGN.md rule 2), after every commit: the test keeps its own model
 * of the event, replaying the registrations in `seq` order with a running seat total and walking
 * the waitlist in that order whenever seats free up, and compares every family's status and
 * waitlist position with what the organizer sees after each change. Then: automatic promotion
 * stops when the event starts.
 */
type Status = 'confirmed' | 'waitlisted' | 'cancelled';
interface Family {
  id: string;
  seq: number;
  size: number;
  status: Status;
}

/** The rule, written out plainly: what the event must look like after each change. */
class Model {
  readonly families: Family[] = [];
  /** Families confirmed from the waitlist so far, in the order promoted. */
  readonly promoted: number[] = [];
  constructor(public capacity: number) {}

  get taken(): number {
    return this.families.filter((f) => f.status === 'confirmed').reduce((n, f) => n + f.size, 0);
  }

  /** A newcomer takes seats if it fits, else waits. */
  arrive(f: Omit<Family, 'status'>): void {
    this.families.push({ ...f, status: this.taken + f.size <= this.capacity ? 'confirmed' : 'waitlisted' });
    this.families.sort((a, b) => a.seq - b.seq);
  }

  /** Seats freed: the waitlist in request order, every family that fits is confirmed. */
  promote(): void {
    let free = this.capacity - this.taken;
    for (const f of this.families) {
      if (f.status === 'waitlisted' && f.size <= free) {
        f.status = 'confirmed';
        free -= f.size;
        this.promoted.push(f.seq);
      }
    }
  }

  cancel(id: string): void {
    this.find(id).status = 'cancelled';
    this.promote();
  }

  resize(id: string, size: number): void {
    this.find(id).size = size;
    this.promote();
  }

  raise(capacity: number): void {
    this.capacity = capacity;
    this.promote();
  }

  find(id: string): Family {
    return this.families.find((f) => f.id === id)!;
  }

  /** [id, status, waitlist position] in request order, as the organizer's list shows them. */
  view(): [string, Status, number | null][] {
    let position = 0;
    return this.families.map((f) => [f.id, f.status, f.status === 'waitlisted' ? ++position : null]);
  }

  of(status: Status): Family[] {
    return this.families.filter((f) => f.status === status);
  }
}

describe('first fit in request order, after every commit', () => {
  let t: TestApp;
  let organizer: TestUser;
  let n = 0;

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    organizer = await createUser(t, ['organizer']);
  });
  afterAll(async () => t.close());

  const party = (size: number) => {
    n += 1;
    return {
      contact: { name: `Family ${n}`, email: `first-fit-${n}@example.org` },
      attendees: Array.from({ length: size }, (_, i) => ({ name: `Person ${n}.${i}`, category: 'adult' })),
      consents: { dataProcessing: true },
    };
  };

  /** Families of the given sizes, all at once; answers them with the `seq` the server gave each. */
  async function arriveTogether(event: TestEvent, model: Model, sizes: number[]): Promise<void> {
    const answers = await Promise.all(
      sizes.map((size) => request(t.http).post(`/api/v1/events/${event.id}/registrations`).send(party(size))),
    );
    expect(answers.filter((a) => a.status !== 201).map((a) => a.body)).toEqual([]);
    const rows: { id: string; seq: string; party_size: number }[] = await t.db.query(
      'SELECT id, seq, party_size FROM registrations WHERE id = ANY($1) ORDER BY seq',
      [answers.map((a) => a.body.id)],
    );
    for (const r of rows) model.arrive({ id: r.id, seq: Number(r.seq), size: r.party_size });
  }

  /** What the organizer sees, family by family, against the model; and the event's counts. */
  async function expectAsModel(event: TestEvent, model: Model, after: string): Promise<void> {
    const res = await request(t.http)
      .get(`/api/v1/events/${event.id}/registrations?limit=100`)
      .set(bearer(organizer))
      .expect(200);
    const seen = res.body.items.map((r: { id: string; status: Status; waitlistPosition: number | null }) => [
      r.id,
      r.status,
      r.waitlistPosition,
    ]);
    expect({ after, families: seen }).toEqual({ after, families: model.view() });
    const shown = await request(t.http).get(`/api/v1/events/${event.id}`).expect(200);
    expect({ after, seatsTaken: shown.body.seatsTaken, waitlistCount: shown.body.waitlistCount }).toEqual({
      after,
      seatsTaken: model.taken,
      waitlistCount: model.of('waitlisted').length,
    });
  }

  const cancel = (id: string) =>
    request(t.http).post(`/api/v1/registrations/${id}/cancel`).set(bearer(organizer)).send().expect(200);
  const resize = (id: string, size: number) =>
    request(t.http)
      .patch(`/api/v1/registrations/${id}`)
      .set(bearer(organizer))
      .send({ attendees: party(size).attendees })
      .expect(200);

  it('should place every family as a replay in request order computes, after each registration burst and each change', async () => {
    const model = new Model(20);
    const event = await createPublishedEvent(t, organizer, { capacity: 20, maxPartySize: 4, waitlistEnabled: true });
    // Sizes chosen so that the waitlist holds large families ahead of small ones.
    await arriveTogether(event, model, [3, 4, 2, 4, 3, 1, 4, 4, 2, 3, 1, 4, 2, 1, 3, 4, 1, 2, 4, 3, 2, 1, 4, 2]);
    expect(model.of('waitlisted').length).toBeGreaterThan(8);
    await expectAsModel(event, model, 'the first burst');

    // Round 1: cancellations, one commit at a time, each freeing a different number of seats.
    for (const pick of [
      () => model.of('confirmed').find((f) => f.size === 1),
      () => model.of('confirmed').find((f) => f.size === 3),
      () => model.of('waitlisted')[0],
      () => model.of('confirmed').find((f) => f.size === 2),
    ]) {
      const f = pick();
      if (!f) continue;
      await cancel(f.id);
      model.cancel(f.id);
      await expectAsModel(event, model, `cancelling a family of ${f.size}`);
    }

    // Round 2: a confirmed family shrinks; a waitlisted one changes size.
    const big = model.of('confirmed').find((f) => f.size === 4)!;
    await resize(big.id, 1);
    model.resize(big.id, 1);
    await expectAsModel(event, model, 'a family of 4 becoming 1');
    const waiting = model.of('waitlisted').find((f) => f.size > 1)!;
    await resize(waiting.id, 1);
    model.resize(waiting.id, 1);
    await expectAsModel(event, model, 'a waiting family becoming 1');

    // Round 3: more seats.
    await request(t.http).patch(`/api/v1/events/${event.id}`).set(bearer(organizer)).send({ capacity: 25 }).expect(200);
    model.raise(25);
    await expectAsModel(event, model, 'capacity raised to 25');

    // Round 4: newcomers while families wait; then more cancellations.
    await arriveTogether(event, model, [1, 4, 2, 1, 3, 1]);
    await expectAsModel(event, model, 'the second burst');
    for (const f of model.of('confirmed').slice(0, 3)) {
      await cancel(f.id);
      model.cancel(f.id);
      await expectAsModel(event, model, `cancelling the confirmed family ${f.seq}`);
    }
    expect(model.of('waitlisted').length).toBeGreaterThan(0);
    // The changes did move the waitlist, and not only from its head.
    expect(model.promoted.length).toBeGreaterThan(5);
    expect(model.promoted).not.toEqual([...model.promoted].sort((a, b) => a - b));
  }, 30_000);

  describe('once the event starts', () => {
    /** An event with a confirmed family of two and a waiting family of one; `started` moves its start into the past. */
    async function waitingFamily(started: boolean) {
      const event = await createPublishedEvent(t, organizer, { capacity: 2, waitlistEnabled: true });
      const first = await request(t.http).post(`/api/v1/events/${event.id}/registrations`).send(party(2)).expect(201);
      const waits = await request(t.http).post(`/api/v1/events/${event.id}/registrations`).send(party(1)).expect(201);
      expect(waits.body.status).toBe('waitlisted');
      // The doors opened an hour ago (the clock moved on; the api refuses a start in the past).
      if (started) {
        await t.db.query(`UPDATE events SET starts_at = now() - interval '1 hour' WHERE id = $1`, [event.id]);
      }
      return { event, first: first.body.id as string, waits: waits.body.id as string };
    }
    const statusOf = async (id: string) =>
      (await request(t.http).get(`/api/v1/registrations/${id}`).set(bearer(organizer)).expect(200)).body;
    const promotedMail = async (id: string) =>
      (await t.db.query(`SELECT 1 FROM notifications WHERE dedupe_key LIKE $1`, [`registration:${id}:promoted%`]))
        .length;

    it('should promote no one when seats free up after the start (cancellation, smaller party, more seats)', async () => {
      const before = await waitingFamily(false);
      await cancel(before.first);
      expect((await statusOf(before.waits)).status).toBe('confirmed');
      expect(await promotedMail(before.waits)).toBe(1);

      const started = await waitingFamily(true);
      await resize(started.first, 1);
      await cancel(started.first);
      await request(t.http)
        .patch(`/api/v1/events/${started.event.id}`)
        .set(bearer(organizer))
        .send({ capacity: 5 })
        .expect(200);
      expect(await statusOf(started.waits)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(await promotedMail(started.waits)).toBe(0);
      const shown = await request(t.http).get(`/api/v1/events/${started.event.id}`).expect(200);
      expect(shown.body).toMatchObject({ seatsTaken: 0, waitlistCount: 1 });
    });

    it('should walk the waitlist again when the start is moved back into the future', async () => {
      const { event, first, waits } = await waitingFamily(true);
      await cancel(first);
      expect((await statusOf(waits)).status).toBe('waitlisted');
      const later = daysFromNow(7);
      await request(t.http)
        .patch(`/api/v1/events/${event.id}`)
        .set(bearer(organizer))
        .send({ startsAt: later, endsAt: daysFromNow(7, 3) })
        .expect(200);
      expect((await statusOf(waits)).status).toBe('confirmed');
      expect(await promotedMail(waits)).toBe(1);
    });
  });
});
