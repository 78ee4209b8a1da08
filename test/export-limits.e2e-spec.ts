import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { createPublishedEvent, TestEvent } from './factories/events';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { waitUntil } from './utils/processes';
import { resetDb } from './utils/reset-db';
import { TEST_DATABASE_URL } from './utils/test-env';

/** A download whose reader never reads: the server's writes back up until the reader is cut off. */
interface Stalled {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  request: http.ClientRequest;
}

function stalledDownload(base: string, path: string, token: string): Promise<Stalled> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode === 200) {
        res.pause(); // takes nothing more
        resolve({ status: 200, headers: res.headers, body: '', request: req });
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, request: req }));
    });
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
  });
}

/** A GET that must answer within `ms` (a starved pool would hang it). */
async function answersWithin(base: string, path: string, ms: number, token?: string): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(ms),
  });
  await res.arrayBuffer();
  return res.status;
}

async function listen(t: TestApp): Promise<string> {
  await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(t.http.address() as AddressInfo).port}`;
}

/** Families straight into the tables, with long names: the CSV is far larger than socket buffers. */
async function fill(t: TestApp, eventId: string, families: number): Promise<void> {
  await t.db.query(
    `INSERT INTO registrations (event_id, code, status, party_size, contact_name, contact_email, answers, consents, locale)
     SELECT $1, 'S' || lpad(i::text, 6, '0'), 'confirmed', 2, 'Family ' || i || ' ' || repeat('x', 150),
            'stall' || i || '@example.org', '{}', '{"dataProcessing": true, "photos": false}', 'en'
     FROM generate_series(1, $2::int) AS i`,
    [eventId, families],
  );
  await t.db.query(
    `INSERT INTO registration_attendees (registration_id, event_id, position, name, category)
     SELECT r.id, r.event_id, p, r.contact_name || ' #' || p, 'adult'
     FROM registrations r, generate_series(0, 1) AS p WHERE r.event_id = $1`,
    [eventId],
  );
}

/** Exports whose COPY still holds a database connection (asked on a connection of the test's own). */
async function copiesRunning(): Promise<number> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'COPY (%' AND state <> 'idle'`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

const exportPath = (eventId: string) => `/api/v1/events/${eventId}/registrations/export.csv`;

describe('CSV exports and slow readers', () => {
  let t: TestApp;
  let organizers: TestUser[];
  let event: TestEvent;

  beforeAll(async () => {
    t = await createApp({
      EXPORTS_PER_PROCESS: '4',
      EXPORTS_PER_USER: '2',
      EXPORT_STALL_SECONDS: '1',
      DATABASE_POOL_SIZE: '10',
      DATABASE_POOL_WAIT_MS: '3000',
    });
    await resetDb(t.db);
    organizers = [];
    for (let i = 0; i < 10; i++) organizers.push(await createUser(t, ['organizer']));
    event = await createPublishedEvent(t, organizers[0], { capacity: 100_000 });
    await request(t.http)
      .put(`/api/v1/events/${event.id}/organizers`)
      .set(bearer(organizers[0]))
      .send({ userIds: organizers.slice(1).map((o) => o.id) })
      .expect(200);
    await fill(t, event.id, 40_000);
  }, 120_000);
  afterAll(async () => t?.close());

  describe('twenty stalled exports', () => {
    let base: string;

    beforeAll(async () => {
      base = await listen(t);
    });

    it('should serve a few, refuse the rest with 429, keep answering other requests, and cut the stalled readers off', async () => {
      // Two exports from each of ten organizers, all at once, none of them reading.
      const downloads = await Promise.all(
        organizers.flatMap((o) => [0, 1].map(() => stalledDownload(base, exportPath(event.id), o.token))),
      );
      try {
        const served = downloads.filter((d) => d.status === 200);
        const refused = downloads.filter((d) => d.status !== 200);
        expect(served.length).toBeGreaterThan(0);
        expect(served.length).toBeLessThanOrEqual(4);
        expect(refused).toHaveLength(20 - served.length);
        for (const r of refused) {
          expect(r.status).toBe(429);
          expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(JSON.parse(r.body).code).toBe('rate_limited');
          expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        }

        // Meanwhile the api answers everyone else: public pages, signed-in calls, readiness.
        const family = organizers[9];
        for (let i = 0; i < 5; i++) {
          expect(await answersWithin(base, `/api/v1/events/${event.id}`, 5000)).toBe(200);
          expect(await answersWithin(base, '/api/v1/me', 5000, family.token)).toBe(200);
          expect(await answersWithin(base, `/api/v1/events/${event.id}/stats`, 5000, family.token)).toBe(200);
          expect(await answersWithin(base, '/health/ready', 5000)).toBe(200);
        }

        // The stalled readers are cut off and their connections go back: nothing holds a COPY.
        await waitUntil(async () => (await copiesRunning()) === 0, 20_000, 'the stalled exports to be cut off');
        // And exporting works again, whole, for whoever reads.
        const whole = await fetch(`${base}${exportPath(event.id)}`, {
          headers: { Authorization: `Bearer ${organizers[0].token}` },
        });
        expect(whole.status).toBe(200);
        expect((await whole.text()).split('\r\n').length).toBeGreaterThan(80_000);
      } finally {
        for (const d of downloads) d.request.destroy();
      }
    }, 120_000);

    it('should give one organizer at most EXPORTS_PER_USER exports at once', async () => {
      const [a, b, c] = await Promise.all(
        [0, 1, 2].map(() => stalledDownload(base, exportPath(event.id), organizers[3].token)),
      );
      try {
        expect([a, b, c].map((d) => d.status).sort()).toEqual([200, 200, 429]);
        expect(JSON.parse([a, b, c].find((d) => d.status === 429)!.body).detail).toMatch(/You have 2 exports running/);
      } finally {
        for (const d of [a, b, c]) d.request.destroy();
      }
      await waitUntil(async () => (await copiesRunning()) === 0, 20_000, 'the exports to end');
    }, 60_000);
  });

  describe('a pool with no connection to spare', () => {
    let small: TestApp;
    let base: string;

    beforeAll(async () => {
      // Another api process, whose pool is two connections: both stalled exports take one.
      small = await createApp({
        EXPORTS_PER_PROCESS: '2',
        EXPORTS_PER_USER: '2',
        EXPORT_STALL_SECONDS: '5',
        DATABASE_POOL_SIZE: '2',
        // Long enough to open a connection on a loaded machine (the wait covers that too).
        DATABASE_POOL_WAIT_MS: '2000',
      });
      base = await listen(small);
      // Both connections opened before the test, so that only waiting for one can time out.
      await Promise.all([0, 1].map(() => answersWithin(base, '/health/ready', 10_000)));
    });
    afterAll(async () => small?.close());

    it('should answer 503 service_unavailable with Retry-After past the pool wait, then serve again', async () => {
      const [organizer, other] = [organizers[5], organizers[6]];
      const downloads = await Promise.all(
        [0, 1].map(() => stalledDownload(base, exportPath(event.id), organizer.token)),
      );
      try {
        expect(downloads.map((d) => d.status)).toEqual([200, 200]);
        // Both connections are held by the stalled exports: a request that needs one waits, then 503.
        const res = await fetch(`${base}/api/v1/me`, {
          headers: { Authorization: `Bearer ${other.token}` },
          signal: AbortSignal.timeout(10_000),
        });
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await res.json()).toMatchObject({ status: 503, code: 'service_unavailable' });
        await waitUntil(async () => (await copiesRunning()) === 0, 20_000, 'the stalled exports to be cut off');
        expect(await answersWithin(base, '/api/v1/me', 5000, other.token)).toBe(200);
      } finally {
        for (const d of downloads) d.request.destroy();
      }
    }, 60_000);
  });
});
