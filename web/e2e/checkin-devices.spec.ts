import { expect, test, type Page } from '@playwright/test';
import { client } from './support/api';
import { expectAccessible } from './support/axe';
import {
  checkIn,
  device,
  expectNoSidewaysScroll,
  families,
  organizers,
  query,
  sharedEvent,
  undoCheckIn,
  type Registration,
} from './support/door';
import { saveScreen } from './support/screens';
import { stack } from './support/stack';

/**
 * Three door devices with the network cut, three times (DESIGN.md, "Check-in app"): 200 check-ins
 * (197 families, 280 persons, most families of one), each code typed as a USB scanner types it and
 * the party checked in with the button, most of them offline. The same family taken on two devices
 * while both were offline, and a family cancelled while a device was offline, come back as conflicts
 * on the device that lost; an undo reaches the server; and the server ends with exactly the right
 * persons checked in, in Postgres and in the api's stats.
 */
test.setTimeout(90_000);

const waitingNone = (page: Page) => expect(page.getByText('Everything is sent.')).toBeVisible();
const conflictsOf = (page: Page) => page.getByRole('region', { name: /^Conflicts/ }).getByRole('listitem');
const run = async (page: Page, list: Registration[]) => {
  for (const f of list) await checkIn(page, f);
};

test('three door devices make 200 check-ins across three network cuts, and the server ends with each person once', async ({
  browser,
}) => {
  const [owner, second, third] = await organizers(['Door Owner', 'Door Second', 'Door Third']);
  const event = await sharedEvent([owner, second, third], { title: 'Family Day at the Door', capacity: 300 });
  // The four families the story follows (two of four, two of three), then 193 more: every eighth of
  // three, every eighth of two, the rest alone. 280 persons.
  const sizes = [4, 4, 3, 3, ...Array.from({ length: 193 }, (_, k) => [3, 1, 1, 1, 2, 1, 1, 1][(k + 4) % 8])];
  const fam = await families(event.id, sizes, 16);
  expect(fam.every((f) => f.status === 'confirmed')).toBe(true);
  const [shared, partial, cancelled, undone] = fam;
  // 200 check-ins: the 193 others once each, and seven for the four followed (the shared family on
  // two doors, the partial family in two goes, the cancelled family, the undone family and its undo).
  let next = 4;
  const take = (n: number) => fam.slice(next, (next += n));
  const [aCut1, bCut1, cOnline1] = [take(35), take(35), take(25)];
  const [cCut2, aOnline2, bOnline2] = [take(20), take(10), take(10)];
  const [aCut3, bCut3, cCut3] = [take(18), take(20), take(20)];
  expect(next).toBe(fam.length);

  const [a, b, c] = await Promise.all([owner, second, third].map((o) => device(browser, o, event.id)));
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Check-in: Family Day at the Door');
  await expect(a.getByText('0 of 280 persons checked in')).toBeVisible();

  // Online, the third door checks in a family it will take back later.
  await checkIn(c, undone);
  await waitingNone(c);

  // Cut 1: the first two doors go offline and both take the same family; the third stays online.
  await Promise.all([a.context().setOffline(true), b.context().setOffline(true)]);
  await expect(a.getByText(/^Offline: check-ins are kept on this device/)).toBeVisible();
  await Promise.all([
    (async () => {
      await checkIn(a, shared);
      // Only one of the family of four has come yet.
      await checkIn(a, partial, { only: [partial.attendees[0].id] });
      await run(a, aCut1);
    })(),
    (async () => {
      await run(b, bCut1);
      await checkIn(b, shared);
    })(),
    run(c, cOnline1),
  ]);
  await expect(a.getByText('37 check-ins waiting to be sent')).toBeVisible();
  await expect(b.getByText('36 check-ins waiting to be sent')).toBeVisible();
  // The first door is back first: its check-in of the shared family wins.
  await a.context().setOffline(false);
  await waitingNone(a);
  await b.context().setOffline(false);
  await waitingNone(b);
  await expect(conflictsOf(b)).toHaveCount(1);
  await expect(conflictsOf(b)).toContainText(
    `${shared.contact.name} (${shared.attendees.map((p) => p.name).join(', ')})`,
  );
  await expect(conflictsOf(b)).toContainText('was already checked in on another device.');
  await waitingNone(c);

  // Cut 2: the third door, offline, checks in a family that cancels meanwhile, and takes one back;
  // the other two, online, go on.
  await c.context().setOffline(true);
  await Promise.all([
    (async () => {
      await run(c, cCut2);
      await checkIn(c, cancelled);
      const cancel = await client(owner.token).POST('/api/v1/registrations/{id}/cancel', {
        params: { path: { id: cancelled.id } },
      });
      expect(cancel.response.status).toBe(200);
      await undoCheckIn(c, undone);
    })(),
    run(a, aOnline2),
    run(b, bOnline2),
  ]);
  await expect(c.getByText('22 check-ins waiting to be sent')).toBeVisible();
  await c.context().setOffline(false);
  await waitingNone(c);
  await expect(conflictsOf(c)).toHaveCount(1);
  await expect(conflictsOf(c)).toContainText(
    `${cancelled.contact.name} (${cancelled.attendees.map((p) => p.name).join(', ')}) could not be checked in: the registration is waitlisted or cancelled now.`,
  );
  // The list came back with the cancellation.
  await c.getByLabel('Check-in code').fill(cancelled.code);
  await c.getByLabel('Check-in code').press('Enter');
  await expect(c.getByText(`${cancelled.contact.name}: this registration is cancelled. Not checkable.`)).toBeVisible();

  // Cut 3: all three doors offline at once; the rest of the partial family arrives.
  await Promise.all([a, b, c].map((p) => p.context().setOffline(true)));
  await a.getByLabel('Check-in code').fill(partial.code);
  await a.getByLabel('Check-in code').press('Enter');
  await expect(a.getByText(new RegExp(`^${partial.attendees[0].name} \\(adult\\): checked in at `))).toBeVisible();
  await saveScreen(a, 'checkin-devices-family-en');
  await Promise.all([
    (async () => {
      await checkIn(a, partial, { alreadyIn: [partial.attendees[0].id] });
      await run(a, aCut3);
    })(),
    run(b, bCut3),
    run(c, cCut3),
  ]);
  await expect(a.getByText('19 check-ins waiting to be sent')).toBeVisible();
  await expect(b.getByText('20 check-ins waiting to be sent')).toBeVisible();
  await expect(c.getByText('20 check-ins waiting to be sent')).toBeVisible();
  await Promise.all([a, b, c].map((p) => p.context().setOffline(false)));
  for (const p of [a, b, c]) await waitingNone(p);

  // Every door ends with nothing waiting, the whole list (after one more sync), and its own conflicts.
  for (const p of [a, b, c]) {
    await p.getByRole('button', { name: 'Sync now' }).click();
    await expect(p.getByText('274 of 277 persons checked in')).toBeVisible();
    await waitingNone(p);
  }
  await expect(conflictsOf(a)).toHaveCount(0);
  await expect(conflictsOf(b)).toHaveCount(1);
  await expect(conflictsOf(c)).toHaveCount(1);

  // Postgres: exactly these persons are checked in; each operation applied once, by its device.
  const expected = fam
    .filter((f) => f !== cancelled && f !== undone)
    .flatMap((f) => f.attendees.map((p) => p.id))
    .sort();
  const rows = await query<{ id: string }>(
    'SELECT id FROM registration_attendees WHERE event_id = $1 AND checked_in_at IS NOT NULL ORDER BY id',
    [event.id],
  );
  expect(rows.map((r) => r.id)).toEqual(expected);
  const ops = await query<{ user_id: string; outcome: string; registration_id: string; n: number }>(
    `SELECT user_id, outcome, count(*)::int AS n, min(registration_id::text) AS registration_id
       FROM check_in_operations WHERE event_id = $1 GROUP BY user_id, outcome ORDER BY user_id, outcome`,
    [event.id],
  );
  const byDevice = (o: { userId: string }) =>
    Object.fromEntries(ops.filter((r) => r.user_id === o.userId).map((r) => [r.outcome, r.n]));
  expect(byDevice(owner)).toEqual({ checked_in: 66 });
  expect(byDevice(second)).toEqual({ checked_in: 65, already_checked_in: 1 });
  expect(byDevice(third)).toEqual({ checked_in: 66, not_checkable: 1, undone: 1 });
  expect(ops.reduce((n, r) => n + r.n, 0)).toBe(200);
  const lost = (o: { userId: string }, outcome: string) =>
    ops.find((r) => r.user_id === o.userId && r.outcome === outcome)?.registration_id;
  expect(lost(second, 'already_checked_in')).toBe(shared.id);
  expect(lost(third, 'not_checkable')).toBe(cancelled.id);
  expect(lost(third, 'undone')).toBe(undone.id);

  // The api's stats for the event.
  const stats = await client(owner.token).GET('/api/v1/events/{id}/stats', { params: { path: { id: event.id } } });
  expect(stats.data).toEqual({
    capacity: 300,
    seatsTaken: 277,
    confirmed: 196,
    waitlisted: 0,
    cancelled: 1,
    checkedIn: 274,
    adults: 248,
    children: 29,
  });

  await saveScreen(b, 'checkin-devices-en');
  await expectNoSidewaysScroll(b, 'the check-in app at 360 px');

  // The organizers' dashboard, on a phone.
  await a.goto(`/console/events/${event.id}`);
  await expect(a.getByRole('heading', { level: 1, name: 'Family Day at the Door' })).toBeVisible();
  await expect(a.getByText('274 of 277 persons')).toBeVisible();
  await a.getByText('Show the numbers as a table').click();
  // At phone width the day table stacks, and is still read as a table.
  const days = a.getByRole('table', { name: /^Registrations per day/ });
  await expect(days.getByRole('columnheader')).toHaveText(['Day', 'Confirmed', 'Waitlisted', 'Cancelled']);
  await expect(days.getByRole('cell')).toHaveText(['196', '0', '1']);
  await expectNoSidewaysScroll(a, 'the dashboard at 360 px');
  await saveScreen(a, 'checkin-devices-dashboard-en');
  await a.getByLabel('Language').selectOption('zh-CN');
  await expect(a.getByText('274 / 277 人')).toBeVisible();
  await saveScreen(a, 'checkin-devices-dashboard-zh-CN');

  // The door in Chinese and in Nepali, at 360 and at 1280 px wide, with the conflicts on screen.
  await c.getByLabel('Language').selectOption('zh-CN');
  await expect(c.getByRole('heading', { level: 1 })).toHaveText('签到：Family Day at the Door');
  await saveScreen(c, 'checkin-devices-zh-CN');
  await expectNoSidewaysScroll(c, 'the check-in app in Chinese at 360 px');
  await expectAccessible(c, 'the check-in app in Chinese at 360 px');
  await c.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(c, 'the check-in app in Chinese at 1280 px');
  await c.getByLabel('语言').selectOption('ne');
  await expect(c.getByRole('heading', { level: 1 })).toHaveText(/^चेक-इन/);
  await expectAccessible(c, 'the check-in app in Nepali at 1280 px');
  await c.setViewportSize({ width: 360, height: 780 });
  await expectAccessible(c, 'the check-in app in Nepali at 360 px');
  await expectNoSidewaysScroll(c, 'the check-in app in Nepali at 360 px');

  // Signed out, the door asks for an organizer.
  const visitor = await browser.newContext({ baseURL: stack().baseURL });
  const out = await visitor.newPage();
  await out.goto(`/checkin/${event.id}`);
  await expect(out.getByText('Sign in as an organizer of this event to check families in.')).toBeVisible();
  await expectAccessible(out, 'the check-in app signed out');
  await visitor.close();
  for (const p of [a, b, c]) await p.context().close();
});
