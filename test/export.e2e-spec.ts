import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { to as copyTo } from 'pg-copy-streams';
import request from 'supertest';
import { answerCellSql, instantCellSql, safeCell, safeCellSql } from '../src/registrations/organizer/csv-cells';
import { OrganizerRegistrationsRepository } from '../src/registrations/organizer/organizer-registrations.repository';
import { createEvent, createPublishedEvent, TestEvent } from './factories/events';
import { adult, cancelRegistration, child, register, TestRegistration } from './factories/registrations';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEADER = [
  'Registration code',
  'Status',
  'Contact name',
  'Contact email',
  'Contact phone',
  'Attendee name',
  'Category',
  'Birth date',
  'Checked in at',
  'Registered at',
];

/** Keeps the body as bytes (to see the BOM and decode it ourselves). */
function raw(res: http.IncomingMessage, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** How a streamed answer ended: whole (the last chunk came) or cut off. */
function fetchStream(url: string, token: string): Promise<{ status: number; bytes: number; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('error', () => undefined);
      res.on('close', () => resolve({ status: res.statusCode ?? 0, bytes, complete: res.complete }));
    });
    req.on('error', reject);
  });
}

describe('GET /events/:id/registrations/export.csv', () => {
  let t: TestApp;
  let organizer: TestUser;
  let event: TestEvent;
  let chen: TestRegistration;
  let trouble: TestRegistration;
  let waiting: TestRegistration;
  let gone: TestRegistration;

  const exportOf = (eventId: string, query = '', who: TestUser | null = organizer) => {
    const req = request(t.http).get(`/api/v1/events/${eventId}/registrations/export.csv${query}`);
    return who ? req.set(bearer(who)) : req;
  };
  const csvOf = async (eventId: string, query = '') => {
    const res = await exportOf(eventId, query)
      .buffer(true)
      .parse(raw as never)
      .expect(200);
    const body = res.body as Buffer;
    expect(body.subarray(0, 3).equals(BOM)).toBe(true);
    return { res, rows: parse(body, { bom: true }) as string[][] };
  };

  beforeAll(async () => {
    // Exports are capped per organizer (export-limits.e2e-spec.ts); aborted ones here follow each
    // other faster than the server may notice each client gone.
    t = await createApp({
      REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '100000',
      EXPORTS_PER_PROCESS: '50',
      EXPORTS_PER_USER: '50',
    });
    await resetDb(t.db);
    organizer = await createUser(t, ['organizer']);
    event = await createPublishedEvent(t, organizer, {
      title: 'Export Family Day',
      capacity: 5,
      questions: [
        {
          id: 'languages',
          label: 'Languages at home',
          type: 'multi_choice',
          required: false,
          options: ['English', '中文', 'Français, Belgique'],
        },
        { id: 'diet', label: 'Dietary needs', type: 'textarea', required: false },
        { id: 'photos', label: '=Photos OK?', type: 'boolean', required: false },
        { id: 'arrival', label: 'Arrival day', type: 'date', required: false },
      ],
    });
    chen = await register(t, event.id, {
      contact: { name: 'Chen, "Mei"', email: 'chen.mei@example.org', phone: '+86 10 1234 5678' },
      attendees: [adult('陈美'), child('陈小明', '2018-06-01')],
      answers: {
        languages: ['English', '中文', 'Français, Belgique'],
        diet: 'no nuts,\nno "shellfish"',
        photos: true,
        arrival: '2027-05-15',
      },
    });
    trouble = await register(t, event.id, {
      contact: { name: '=HYPERLINK("http://evil.example","click")', email: 'trouble@example.org' },
      attendees: [adult('@SUM(1+1)'), adult('-2+3')],
      answers: { diet: '+cmd|calc', photos: false },
    });
    waiting = await register(t, event.id, { attendees: [adult('Wai Ting'), adult('Wai Two')] });
    gone = await register(t, event.id, { attendees: [adult('Gone Away')] });
    await cancelRegistration(t, gone);
    await request(t.http)
      .post(`/api/v1/events/${event.id}/check-ins`)
      .set(bearer(organizer))
      .send({ code: chen.code, attendeeIds: [chen.attendees[0].id] })
      .expect(200);
  });
  afterAll(async () => t?.close());

  it('should stream a well-formed CSV, a row per attendee of the active registrations', async () => {
    expect(waiting.status).toBe('waitlisted');
    const { res, rows } = await csvOf(event.id);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${event.slug}-registrations.csv"`);
    expect(rows[0]).toEqual([...HEADER, 'Languages at home', 'Dietary needs', "'=Photos OK?", 'Arrival day']);
    expect(rows).toHaveLength(1 + 6);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      [chen.code, 'confirmed', '陈美'],
      [chen.code, 'confirmed', '陈小明'],
      [trouble.code, 'confirmed', "'@SUM(1+1)"],
      [trouble.code, 'confirmed', "'-2+3"],
      [waiting.code, 'waitlisted', 'Wai Ting'],
      [waiting.code, 'waitlisted', 'Wai Two'],
    ]);
  });

  it('should keep commas, quotes, newlines and Chinese names intact, and join multiple choices', async () => {
    const { rows } = await csvOf(event.id);
    const [mei, ming] = rows.slice(1, 3);
    expect(mei.slice(2, 8)).toEqual(['Chen, "Mei"', 'chen.mei@example.org', "'+86 10 1234 5678", '陈美', 'adult', '']);
    expect(mei[8]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(mei[9]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(mei.slice(10)).toEqual([
      'English; 中文; Français, Belgique',
      'no nuts,\nno "shellfish"',
      'yes',
      '2027-05-15',
    ]);
    expect(ming.slice(5, 9)).toEqual(['陈小明', 'child', '2018-06-01', '']);
    expect(ming.slice(10)).toEqual(mei.slice(10));
  });

  it('should show cells a spreadsheet would run as formulas as text', async () => {
    const { rows } = await csvOf(event.id);
    const [first] = rows.filter((r) => r[0] === trouble.code);
    expect(first[2]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(first.slice(10)).toEqual(['', "'+cmd|calc", 'no', '']);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it.each([
    ['?status=all', 7],
    ['?status=cancelled', 1],
    ['?status=confirmed', 4],
    ['?status=waitlisted', 2],
    ['?status=active', 6],
  ])('should choose registrations by %s', async (query, count) => {
    const { rows } = await csvOf(event.id, query);
    expect(rows).toHaveLength(1 + count);
    if (query === '?status=cancelled') expect(rows[1].slice(0, 2)).toEqual([gone.code, 'cancelled']);
  });

  it('should answer the header alone for an event nobody registered for', async () => {
    const empty = await createPublishedEvent(t, organizer);
    const { rows } = await csvOf(empty.id);
    expect(rows).toEqual([HEADER]);
  });

  it('should write the exact CSV text: BOM, CRLF, quotes doubled, formulas as text, instants in a DST zone', async () => {
    const ny = await createPublishedEvent(t, organizer, {
      timezone: 'America/New_York',
      questions: [
        { id: 'kids-size', label: '@Size, "kids"', type: 'choice', required: false, options: ['S', 'M'] },
        { id: 'count', label: 'How many', type: 'number', required: false },
        { id: 'notes', label: 'Notes', type: 'textarea', required: false },
      ],
    });
    const reg = await register(t, ny.id, {
      contact: { name: '=1+1', email: 'eq@example.org', phone: '+1 212 555 0100' },
      attendees: [adult('李 "小龙", Jr.'), child('-Minus', '2019-02-03')],
      answers: { 'kids-size': 'M', count: -2, notes: 'line one\nline "two"' },
    });
    // Fixed instants: registered in winter (EST), the child checked in in summer (EDT).
    await t.db.query(`UPDATE registrations SET created_at = '2027-01-15T17:04:05.999Z' WHERE id = $1`, [reg.id]);
    await t.db.query(
      `UPDATE registration_attendees SET checked_in_at = '2027-07-04T16:00:00Z' WHERE registration_id = $1 AND position = 1`,
      [reg.id],
    );
    const res = await exportOf(ny.id)
      .buffer(true)
      .parse(raw as never)
      .expect(200);
    const family = `${reg.code},confirmed,'=1+1,eq@example.org,'+1 212 555 0100`;
    const answers = `M,'-2,"line one\nline ""two"""`;
    expect((res.body as Buffer).toString()).toBe(
      '\ufeff' +
        [
          `${HEADER.join(',')},"'@Size, ""kids""",How many,Notes`,
          `${family},"李 ""小龙"", Jr.",adult,,,2027-01-15T12:04:05-05:00,${answers}`,
          `${family},'-Minus,child,2019-02-03,2027-07-04T12:00:00-04:00,2027-01-15T12:04:05-05:00,${answers}`,
        ].join('\r\n') +
        '\r\n',
    );
  });

  describe('the cells Postgres writes', () => {
    /** `expr` over each of `values` (as text `u.v`), in order, with the session's TimeZone set to `zone`. */
    const cellsOf = (expr: string, values: string[], zone = 'UTC') =>
      t.db.transaction(async (m) => {
        await m.query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
        const rows: { cell: string | null }[] = await m.query(
          `SELECT ${expr} AS cell FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n) ORDER BY n`,
          [values],
        );
        return rows.map((r) => r.cell ?? '');
      });

    it('should guard formulas by the same rule as the header', async () => {
      // [value, the cell a spreadsheet gets]: a leading = + - @ tab or carriage return is guarded.
      const cells: [string, string][] = [
        ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
        ['+86', "'+86"],
        ['-2+3', "'-2+3"],
        ['@cmd', "'@cmd"],
        ['\tx', "'\tx"],
        ['\rx', "'\rx"],
        ['Mei Chen', 'Mei Chen'],
        ['陈美', '陈美'],
        ['a=b', 'a=b'],
        ['', ''],
        [' =x', ' =x'],
        ["'x", "'x"],
        ['\n=x', '\n=x'],
      ];
      const values = cells.map(([v]) => v);
      const expected = cells.map(([, c]) => c);
      expect(await cellsOf(safeCellSql('u.v'), values)).toEqual(expected);
      expect(values.map(safeCell)).toEqual(expected); // the header's spelling of the rule
    });

    it('should write answers: choices joined with "; ", yes or no, numbers and text as they are', async () => {
      const answers: [unknown, string][] = [
        [['English', '中文', 'Français, Belgique'], 'English; 中文; Français, Belgique'],
        [true, 'yes'],
        [false, 'no'],
        [null, ''],
        [[], ''],
        [3, '3'],
        [-2.5, '-2.5'],
        [0.1, '0.1'],
        ['vegetarian', 'vegetarian'],
        ['', ''],
        ['2027-05-15', '2027-05-15'],
      ];
      const json = [...answers.map(([a]) => JSON.stringify({ q: a })), '{}'];
      expect(await cellsOf(answerCellSql(`u.v::jsonb -> 'q'`), json)).toEqual([...answers.map(([, c]) => c), '']);
    });

    it('should write instants as the zone database says, around every DST change and in odd offsets', async () => {
      /** What luxon (the zone rules of the api's ICU) says, to the second. */
      const slow = (at: Date, zone: string) =>
        DateTime.fromJSDate(at, { zone }).set({ millisecond: 0 }).toISO({ suppressMilliseconds: true });
      const start = Date.parse('2026-01-01T00:00:00Z');
      const end = start + 2 * 365 * 86_400_000;
      for (const zone of [
        'UTC',
        'Etc/UTC',
        'Europe/London',
        'America/New_York',
        'America/St_Johns',
        'Asia/Kathmandu',
        'Australia/Lord_Howe',
        'Pacific/Chatham',
        'Asia/Shanghai',
      ]) {
        // Every 2.5 hours and a bit through two years, and the seconds around each offset change.
        const instants: number[] = [];
        for (let ms = start; ms < end; ms += 433_000 * 21) instants.push(ms + (ms % 997));
        const step = 6 * 3_600_000;
        const offset = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
        for (let ms = start; ms < end; ms += step) {
          if (offset(ms) === offset(ms + step)) continue;
          for (let m = ms; m <= ms + step; m += 60_000) instants.push(m - 1000, m, m + 1000);
        }
        const dates = instants.map((ms) => new Date(ms));
        const cells = await cellsOf(
          instantCellSql('u.v::timestamptz', zone),
          dates.map((d) => d.toISOString()),
          zone,
        );
        expect(cells).toEqual(dates.map((d) => slow(d, zone)));
      }
    }, 60_000);
  });

  describe('errors before the first byte are problem+json', () => {
    it('should refuse families (403), anonymous callers (401), other organizers (403), bad status (400)', async () => {
      const family = await createUser(t, ['family']);
      const other = await createUser(t, ['organizer']);
      expectProblem(await exportOf(event.id, '', family), 403, 'forbidden');
      expectProblem(await exportOf(event.id, '', null), 401, 'unauthenticated');
      expectProblem(await exportOf(event.id, '', other), 403, 'forbidden');
      expectProblem(await exportOf(event.id, '?status=everything'), 400, 'invalid_request');
    });

    it("should answer 404 for an unknown event and for another organizer's draft", async () => {
      const other = await createUser(t, ['organizer']);
      const draft = await createEvent(t, other);
      expectProblem(await exportOf('00000000-0000-4000-8000-000000000000'), 404, 'not_found');
      expectProblem(await exportOf('not-a-uuid'), 404, 'not_found');
      expectProblem(await exportOf(draft.id), 404, 'not_found');
      await exportOf(draft.id, '', other).expect(200);
    });

    it('should answer a database fault before the first byte as a 500 problem with an error id', async () => {
      const spy = jest
        .spyOn(OrganizerRegistrationsRepository.prototype, 'connectForStream')
        .mockRejectedValueOnce(new Error('connection refused'));
      try {
        const res = await exportOf(event.id);
        expectProblem(res, 500, 'internal_error');
        expect(res.body.errorId).toEqual(expect.any(String));
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('a large event', () => {
    let big: TestEvent;
    let base: string;

    beforeAll(async () => {
      big = await createPublishedEvent(t, organizer, { capacity: 100_000 });
      // 10,000 families of two, straight into the tables.
      await t.db.query(
        `INSERT INTO registrations (event_id, code, status, party_size, contact_name, contact_email, answers, consents, locale)
         SELECT $1, 'B' || lpad(i::text, 5, '0'), 'confirmed', 2, 'Family ' || i, 'bulk' || i || '@example.org',
                '{}', '{"dataProcessing": true, "photos": false}', 'en'
         FROM generate_series(1, 10000) AS i`,
        [big.id],
      );
      await t.db.query(
        `INSERT INTO registration_attendees (registration_id, event_id, position, name, category)
         SELECT r.id, r.event_id, p, r.contact_name || ' #' || p, 'adult'
         FROM registrations r, generate_series(0, 1) AS p WHERE r.event_id = $1`,
        [big.id],
      );
      const server = t.http.listening ? t.http : t.http.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
      base = `http://127.0.0.1:${(t.http.address() as AddressInfo).port}`;
    }, 60_000);

    it('should export all 20,000 attendees, in request order', async () => {
      const { rows } = await csvOf(big.id);
      expect(rows).toHaveLength(1 + 20_000);
      expect(rows[1].slice(0, 6)).toEqual(['B00001', 'confirmed', 'Family 1', 'bulk1@example.org', '', 'Family 1 #0']);
      expect(rows[20_000].slice(0, 6)).toEqual([
        'B10000',
        'confirmed',
        'Family 10000',
        'bulk10000@example.org',
        '',
        'Family 10000 #1',
      ]);
    }, 60_000);

    it('should cut the response off when a fault strikes mid-stream, and keep serving', async () => {
      // A database fault after the first rows went out: row 10,000 waits (so the earlier rows reach
      // the client first), then the query fails.
      const spy = jest
        .spyOn(OrganizerRegistrationsRepository.prototype, 'startExport')
        .mockImplementationOnce(async (client) =>
          client.query(
            copyTo(`COPY (
              SELECT CASE WHEN n < 10000 THEN 'row ' || n
                          WHEN n = 10000 THEN (SELECT 'slow' FROM pg_sleep(0.3))
                          ELSE (1 / (n - n))::text END
              FROM generate_series(1, 20000) AS n) TO STDOUT`),
          ),
        );
      try {
        const cut = await fetchStream(`${base}/api/v1/events/${big.id}/registrations/export.csv`, organizer.token);
        expect(cut.status).toBe(200);
        expect(cut.bytes).toBeGreaterThan(0);
        expect(cut.complete).toBe(false);
      } finally {
        spy.mockRestore();
      }
      const whole = await fetchStream(`${base}/api/v1/events/${big.id}/registrations/export.csv`, organizer.token);
      expect(whole).toMatchObject({ status: 200, complete: true });
    }, 60_000);

    it('should give back its database connection when the client goes away', async () => {
      // More aborted exports than the pool has connections: a leak would hang the last export.
      for (let i = 0; i < 25; i++) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no first byte')), 10_000);
          const req = http.get(
            `${base}/api/v1/events/${big.id}/registrations/export.csv`,
            { headers: { Authorization: `Bearer ${organizer.token}` } },
            (res) => {
              res.once('data', () => {
                clearTimeout(timer);
                req.destroy();
                resolve();
              });
            },
          );
          req.on('error', () => undefined);
        });
      }
      const whole = await fetchStream(`${base}/api/v1/events/${big.id}/registrations/export.csv`, organizer.token);
      expect(whole).toMatchObject({ status: 200, complete: true });
      const stats = await request(t.http).get(`/api/v1/events/${big.id}/stats`).set(bearer(organizer)).expect(200);
      expect(stats.body).toMatchObject({ confirmed: 10_000, adults: 20_000 });
    }, 60_000);
  });
});
