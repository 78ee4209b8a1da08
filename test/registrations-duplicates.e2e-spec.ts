import { createPublishedEvent, TestEvent } from './factories/events';
import { createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { exitOf, startApis, Started } from './utils/processes';
import { resetDb } from './utils/reset-db';

/**
 * One active (confirmed or waitlisted) registration per account and per email, per event
 * (DESIGN.md rule 4), held across api processes: two real api processes race the same family, the
 * partial unique indexes refuse a duplicate written straight to the database, and a family that
 * cancelled may register again.
 */
interface Answer {
  status: number;
  type: string | null;
  body: { id?: string; code?: string; status?: string; manageToken?: string };
}

describe('one active registration per account and per email', () => {
  let t: TestApp;
  let apis: Started[] = [];
  let ports: number[] = [];
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    organizer = await createUser(t, ['organizer']);
    ({ apis, ports } = await startApis(2, { RATE_LIMIT_DISABLED: 'true', LOG_LEVEL: 'warn' }));
  }, 60_000);
  afterAll(async () => {
    for (const a of apis) a.child.kill('SIGTERM');
    await Promise.all(apis.map((a) => exitOf(a.child)));
    await t.close();
  });

  async function call(
    port: number,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() } as Answer;
  }

  const family = (email: string, name = 'Lin Family') => ({
    contact: { name, email },
    attendees: [{ name: `${name} parent`, category: 'adult' }],
    consents: { dataProcessing: true },
  });

  /** Every registration of the event, in request order. */
  const rows = (eventId: string) =>
    t.db.query(
      `SELECT id, status, contact_email, user_id, party_size FROM registrations WHERE event_id = $1 ORDER BY seq`,
      [eventId],
    );

  function expectOneWinner(answers: Answer[]): Answer {
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status !== 201);
    expect({ won: won.length, lost: lost.map((a) => `${a.status} ${(a.body as { code?: string }).code}`) }).toEqual({
      won: 1,
      lost: Array(answers.length - 1).fill('409 already_registered'),
    });
    for (const a of lost) expect(a.type).toMatch(/^application\/problem\+json/);
    return won[0];
  }

  it('should let exactly one of a family racing through two api processes register, by email and by account', async () => {
    const roomy = await createPublishedEvent(t, organizer, { capacity: 50 });
    // A full event: the racing family would be waitlisted, and still holds one place only.
    const full = await createPublishedEvent(t, organizer, { capacity: 1, waitlistEnabled: true });
    expect((await call(ports[0], 'POST', `/events/${full.id}/registrations`, family('first@example.org'))).status).toBe(
      201,
    );
    const account = await createUser(t, ['family']);
    const auth = { authorization: `Bearer ${account.token}` };

    const race = (event: TestEvent) => [
      // The same email, written in several cases, from both processes at once...
      ...Array.from({ length: 12 }, (_, i) =>
        call(
          ports[i % 2],
          'POST',
          `/events/${event.id}/registrations`,
          family(i % 3 ? 'Racing.Lin@Example.org' : 'racing.lin@example.org', `Lin ${i}`),
        ),
      ),
      // ... and one account, giving a different contact email each time.
      ...Array.from({ length: 12 }, (_, i) =>
        call(ports[i % 2], 'POST', `/events/${event.id}/registrations`, family(`account-${i}@example.org`), auth),
      ),
    ];
    const [onRoomy, onFull] = [race(roomy), race(full)];
    const answers = await Promise.all([...onRoomy, ...onFull]);

    const roomyByEmail = expectOneWinner(answers.slice(0, 12));
    const roomyByAccount = expectOneWinner(answers.slice(12, 24));
    const fullByEmail = expectOneWinner(answers.slice(24, 36));
    const fullByAccount = expectOneWinner(answers.slice(36, 48));
    expect([roomyByEmail, roomyByAccount].map((a) => a.body.status)).toEqual(['confirmed', 'confirmed']);
    expect([fullByEmail, fullByAccount].map((a) => a.body.status)).toEqual(['waitlisted', 'waitlisted']);

    // Stored: exactly the winners, one row (one seat, one mail) each.
    const stored = await rows(roomy.id);
    expect(stored.map((r: { id: string }) => r.id).sort()).toEqual(
      [roomyByEmail.body.id, roomyByAccount.body.id].sort(),
    );
    expect(stored.filter((r: { contact_email: string }) => r.contact_email === 'racing.lin@example.org')).toHaveLength(
      1,
    );
    expect(stored.filter((r: { user_id: string }) => r.user_id === account.id)).toHaveLength(1);
    const [counts] = await t.db.query('SELECT seats_taken, waitlist_count FROM events WHERE id = $1', [roomy.id]);
    expect(counts).toEqual({ seats_taken: 2, waitlist_count: 0 });
    const fullRows = await rows(full.id);
    expect(fullRows).toHaveLength(3);
    const [fullCounts] = await t.db.query('SELECT seats_taken, waitlist_count FROM events WHERE id = $1', [full.id]);
    expect(fullCounts).toEqual({ seats_taken: 1, waitlist_count: 2 });
    // One confirmation or waitlist mail per stored registration (and its reminder), none for a refused one.
    const [{ mails, outside }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE payload->>'registrationId' = ANY($1) AND kind <> 'registration.reminder')::int AS mails,
              count(*) FILTER (WHERE NOT payload->>'registrationId' = ANY($1))::int AS outside
       FROM notifications WHERE recipient_email = 'racing.lin@example.org' OR recipient_email LIKE 'account-%@example.org'
          OR recipient_email = 'first@example.org'`,
      [[...stored, ...fullRows].map((r: { id: string }) => r.id)],
    );
    expect({ mails, outside }).toEqual({ mails: 5, outside: 0 });
  }, 30_000);

  it('should refuse a duplicate active registration written straight to the database (partial unique indexes)', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 10 });
    const account = await createUser(t, ['family']);
    const first = await call(ports[0], 'POST', `/events/${event.id}/registrations`, family('held@example.org'), {
      authorization: `Bearer ${account.token}`,
    });
    expect(first.status).toBe(201);
    const insert = (status: string, email: string, userId: string | null, code: string) =>
      t.db.query(
        `INSERT INTO registrations (event_id, user_id, code, status, party_size, contact_name, contact_email, consents)
         VALUES ($1, $2, $3, $4, 1, 'Dup', $5, '{"dataProcessing": true}')`,
        [event.id, userId, code, status, email],
      );
    for (const status of ['confirmed', 'waitlisted']) {
      // The same email, without the account.
      await expect(insert(status, 'held@example.org', null, `E${status.slice(0, 4).toUpperCase()}1`)).rejects.toThrow(
        /registrations_active_email_uq/,
      );
      // The same account, with another email.
      await expect(
        insert(status, `other-${status}@example.org`, account.id, `U${status.slice(0, 4).toUpperCase()}1`),
      ).rejects.toThrow(/registrations_active_user_uq/);
    }
    // A cancelled one is history, not a second place: the indexes let it be.
    await insert('cancelled', 'held@example.org', account.id, 'CANC01');
    const stored = await rows(event.id);
    expect(stored.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'cancelled']);
  });

  it('should accept a family again once it cancelled, through either process, and then refuse a second one', async () => {
    const event = await createPublishedEvent(t, organizer, { capacity: 3 });
    const account = await createUser(t, ['family']);
    const auth = { authorization: `Bearer ${account.token}` };
    const guest = family('again@example.org');
    const path = `/events/${event.id}/registrations`;

    // Registered through process 0 (which now knows the event as it wrote it), cancelled through 1.
    const g1 = await call(ports[0], 'POST', path, guest);
    const a1 = await call(ports[0], 'POST', path, family('mine@example.org'), auth);
    expect([g1.status, a1.status]).toEqual([201, 201]);
    expect(
      (
        await call(
          ports[1],
          'POST',
          `/registrations/${g1.body.id}/cancel`,
          {},
          { 'x-manage-token': g1.body.manageToken! },
        )
      ).status,
    ).toBe(200);
    expect((await call(ports[1], 'POST', `/registrations/${a1.body.id}/cancel`, {}, auth)).status).toBe(200);

    const g2 = await call(ports[0], 'POST', path, {
      ...guest,
      contact: { ...guest.contact, email: 'AGAIN@example.org' },
    });
    const a2 = await call(ports[0], 'POST', path, family('mine-too@example.org'), auth);
    expect([g2.status, g2.body.status, a2.status, a2.body.status]).toEqual([201, 'confirmed', 201, 'confirmed']);
    expect(g2.body.id).not.toBe(g1.body.id);

    // Held again: a second active one is refused, through either process.
    for (const port of ports) {
      const dupGuest = await call(port, 'POST', path, guest);
      const dupAccount = await call(port, 'POST', path, family('mine-three@example.org'), auth);
      expect([dupGuest.status, dupGuest.body]).toMatchObject([409, { code: 'already_registered' }]);
      expect([dupAccount.status, dupAccount.body]).toMatchObject([409, { code: 'already_registered' }]);
    }
    const stored = await rows(event.id);
    expect(stored.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [g1.body.id, 'cancelled'],
      [a1.body.id, 'cancelled'],
      [g2.body.id, 'confirmed'],
      [a2.body.id, 'confirmed'],
    ]);
    const [counts] = await t.db.query('SELECT seats_taken, waitlist_count FROM events WHERE id = $1', [event.id]);
    expect(counts).toEqual({ seats_taken: 2, waitlist_count: 0 });
  });
});
