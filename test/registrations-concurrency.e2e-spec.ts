import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent } from './factories/events';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { startApis, Started } from './utils/processes';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

/**
 * 300 families at once for 40 seats, through two real api processes on one database: no seat
 * oversold, every family whole, the first-fit invariant, waitlist positions 1..n, and one mail
 * per registration at the SMTP server. Then cancellations while more families arrive.
 */
interface Row {
  id: string;
  status: string;
  party_size: number;
  seq: string;
  attendees: number;
  contact_email: string;
}

async function state(t: TestApp, eventId: string) {
  const [event] = await t.db.query('SELECT capacity, seats_taken, waitlist_count FROM events WHERE id = $1', [eventId]);
  const rows: Row[] = await t.db.query(
    `SELECT r.id, r.status, r.party_size, r.seq, r.contact_email,
            (SELECT count(*)::int FROM registration_attendees a WHERE a.registration_id = r.id) AS attendees
     FROM registrations r WHERE r.event_id = $1 ORDER BY r.seq`,
    [eventId],
  );
  return { event, rows };
}

/** Rules 1 and 2, checked in the database. */
function expectInvariants(s: Awaited<ReturnType<typeof state>>): void {
  const confirmed = s.rows.filter((r) => r.status === 'confirmed');
  const waitlisted = s.rows.filter((r) => r.status === 'waitlisted');
  const persons = confirmed.reduce((n, r) => n + r.party_size, 0);
  expect(persons).toBeLessThanOrEqual(s.event.capacity);
  expect(s.event.seats_taken).toBe(persons);
  expect(s.event.waitlist_count).toBe(waitlisted.length);
  expect(s.rows.filter((r) => r.attendees !== r.party_size)).toEqual([]);
  const free = s.event.capacity - persons;
  expect(waitlisted.filter((r) => r.party_size <= free)).toEqual([]);
}

describe('registrations under concurrency', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let apis: Started[] = [];
  let ports: number[] = [];
  let organizer: TestUser;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp();
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    // A lease of 30 s: this worker shares one busy process with the test (QR images are slow under Jest).
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url, MAIL_CONCURRENCY: '16', MAIL_LEASE_SECONDS: '30' });
    ({ apis, ports } = await startApis(2, { RATE_LIMIT_DISABLED: 'true', LOG_LEVEL: 'warn' }));
    organizer = await createUser(t, ['organizer']);
  }, 60_000);
  afterAll(async () => {
    for (const a of apis) a.child.kill('SIGKILL');
    await worker.close();
    await t.close();
    await sink.stop();
  });

  function family(i: number) {
    const size = 1 + (i % 4);
    return {
      contact: { name: `Family ${i}`, email: `crowd${i}@example.org` },
      attendees: Array.from({ length: size }, (_, k) =>
        k === 0
          ? { name: `Parent ${i}`, category: 'adult' }
          : { name: `Kid ${i}.${k}`, category: 'child', birthDate: '2017-01-01' },
      ),
      consents: { dataProcessing: true },
    };
  }

  async function post(port: number, path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  it('should never oversell and keep first fit with 300 families at once on 40 seats', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 40, maxPartySize: 4 });
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => post(ports[i % 2], `/api/v1/events/${event.id}/registrations`, family(i))),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const s = await state(t, event.id);
    expect(s.rows).toHaveLength(300);
    expectInvariants(s);
    expect(s.rows.filter((r) => r.status === 'confirmed').length).toBeGreaterThan(10);
    // First fit in request order: replayed in `seq` order with a running seat total, every
    // family has the status the rule gives it (test/first-fit-order has the changes after).
    let seats = 0;
    const replay = s.rows.map((r) => {
      const fits = seats + r.party_size <= s.event.capacity;
      if (fits) seats += r.party_size;
      return [r.id, fits ? 'confirmed' : 'waitlisted'];
    });
    expect(s.rows.map((r) => [r.id, r.status])).toEqual(replay);

    // Positions are 1..n in request order, as the api reports them.
    const waitlisted = s.rows.filter((r) => r.status === 'waitlisted');
    const positions = await Promise.all(
      waitlisted.map(
        async (r) =>
          (await request(t.http).get(`/api/v1/registrations/${r.id}`).set(bearer(organizer)).expect(200)).body
            .waitlistPosition,
      ),
    );
    expect(positions).toEqual(waitlisted.map((_, i) => i + 1));

    // One mail per registration (confirmed or waitlisted), at the SMTP server.
    for (const r of s.rows) await sink.waitForTo(r.contact_email, 1, 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const mine = new Set(s.rows.map((r) => r.contact_email));
    const mails = sink.received.filter((m) => mine.has(m.to));
    expect(mails).toHaveLength(300);
    expect(new Set(mails.map((m) => m.to)).size).toBe(300);

    // Cancellations while 100 more families arrive: the invariants hold after all of it.
    sink.reset();
    const confirmed = s.rows.filter((r) => r.status === 'confirmed').slice(0, 8);
    const admin = await createUser(t, ['admin']);
    const more = await Promise.all([
      ...confirmed.map((r, i) =>
        post(ports[i % 2], `/api/v1/registrations/${r.id}/cancel`, {}, { authorization: `Bearer ${admin.token}` }),
      ),
      ...Array.from({ length: 100 }, (_, i) =>
        post(ports[i % 2], `/api/v1/events/${event.id}/registrations`, family(300 + i)),
      ),
    ]);
    expect(more.filter((a) => a.status >= 300)).toEqual([]);
    const after = await state(t, event.id);
    expect(after.rows).toHaveLength(400);
    expectInvariants(after);
    const promoted = after.rows.filter(
      (r) => r.status === 'confirmed' && s.rows.find((x) => x.id === r.id)?.status === 'waitlisted',
    );
    for (const r of promoted) await sink.waitForTo(r.contact_email, 1, 30_000);
  }, 180_000);
});
