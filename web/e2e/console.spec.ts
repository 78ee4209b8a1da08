import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { components } from '../src/api/schema';
import { client, guestRegisters, login, publishedEvent, signup, uniqueEmail } from './support/api';
import { mailTo } from './support/mail';
import { saveScreen } from './support/screens';
import { signInPage } from './support/session';
import { stack } from './support/stack';

const PASSWORD = 'organizer password 1';

/** A new organizer account (the admin grants the role): its email and a bearer token for set-up. */
async function organizerAccount(): Promise<{ email: string; token: string }> {
  const email = uniqueEmail('console');
  const { user } = await signup('Maya Gurung', email, PASSWORD);
  const admin = await login(stack().adminEmail, stack().adminPassword);
  const roles = await client(admin).PUT('/api/v1/users/{id}/roles', {
    params: { path: { id: user.id } },
    body: { roles: ['family', 'organizer'] },
  });
  expect(roles.response.status).toBe(200);
  return { email, token: await login(email, PASSWORD) };
}

const seats = (page: Page) => page.getByText(/seats taken \(/);

test('an organizer signs in, follows registrations on the dashboard, searches, cancels a family and exports', async ({
  page,
}) => {
  const { email, token } = await organizerAccount();
  const event = await publishedEvent(token, { title: 'Lantern Walk', capacity: 10 });
  const draft = await client(token).POST('/api/v1/events', {
    body: {
      title: 'Spring Quiz (draft)',
      kind: 'competition',
      format: 'online',
      onlineUrl: 'https://meet.example.test/quiz',
      timezone: 'Asia/Kathmandu',
      startsAt: new Date(Date.now() + 40 * 86400_000).toISOString(),
      endsAt: new Date(Date.now() + 40 * 86400_000 + 7200_000).toISOString(),
      capacity: 30,
    } as components['schemas']['CreateEventDto'],
  });
  expect(draft.response.status).toBe(201);
  await guestRegisters(event.id, 'Asha Rai', 2);

  // Signed out: the console asks to sign in, and brings the organizer back after.
  await page.goto('/console');
  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your events');
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  // Upcoming first: the event in 20 days before the draft in 40.
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Lantern Walk');
  await expect(cards.nth(0)).toContainText('Published');
  await expect(cards.nth(0)).toContainText('2 of 10 seats taken');
  await expect(cards.nth(1)).toContainText('Spring Quiz (draft)');
  await expect(cards.nth(1)).toContainText('Draft');

  await page.getByRole('link', { name: 'Lantern Walk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lantern Walk');
  await expect(seats(page)).toHaveText('2 of 10 seats taken (20%)');
  const count = (label: string) =>
    page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  await expect(count('Confirmed')).toHaveText('1');

  // A family registers meanwhile: the dashboard shows it once refreshed.
  await guestRegisters(event.id, 'Binod KC', 3);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(seats(page)).toHaveText('5 of 10 seats taken (50%)');
  await expect(count('Confirmed')).toHaveText('2');
  await expect(count('Adults')).toHaveText('5');
  await expect(
    page.getByRole('img', { name: /Registrations per day .*2 confirmed, 0 waitlisted, 0 cancelled/ }),
  ).toBeVisible();
  await page.getByText('Show the numbers as a table').click();
  const today = page.getByRole('table').getByRole('row').last();
  await expect(today.getByRole('cell')).toHaveText(['2', '0', '0']);
  await saveScreen(page, 'console-dashboard-en');
  // The chart's count labels keep their size on a wide screen: the drawing is not scaled up.
  const topLabel = page
    .getByRole('img', { name: /^Registrations per day/ })
    .locator('text')
    .last();
  await expect(topLabel).toHaveText('2');
  const labelHeight = async () => (await topLabel.boundingBox())?.height ?? 0;
  const narrow = await labelHeight();
  expect(narrow).toBeGreaterThan(10);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => Math.abs((await labelHeight()) - narrow)).toBeLessThan(1);
  await page.setViewportSize({ width: 360, height: 780 });

  // The attendee list: search, open a family, cancel it on its behalf.
  await page.getByRole('link', { name: 'Attendees' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendees');
  await expect(page.getByText('2 families')).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Asha Rai'); // request order
  await expect(rows.nth(2)).toContainText('Binod KC');
  await saveScreen(page, 'console-attendees-en');
  await page.getByLabel('Search').fill('binod');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('1 family')).toBeVisible();
  await expect(page).toHaveURL(/q=binod/);
  await page.getByRole('link', { name: 'Binod KC' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Binod KC');
  await expect(page.getByRole('heading', { name: '3 persons' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel this registration' }).click();
  await expect(page.getByText('Cancel the registration of Binod KC?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByText('The registration is cancelled; the family is told by mail.')).toBeVisible();
  await expect(page.locator('main').getByText('Cancelled', { exact: true }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Back to the attendees' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('Binod KC');

  // What the server says now, read independently of the page.
  const stats = await client(token).GET('/api/v1/events/{id}/stats', { params: { path: { id: event.id } } });
  expect(stats.data).toMatchObject({ seatsTaken: 2, confirmed: 1, cancelled: 1 });

  // The export: a CSV whose first line is the header.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the attendee list (CSV)' }).click();
  const file = await (await download).path();
  const firstLine = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0];
  expect(firstLine).toBe(
    'Registration code,Status,Contact name,Contact email,Contact phone,Attendee name,Category,Birth date,Checked in at,Registered at',
  );

  // The same pages in Chinese, for the README.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('参加者');
  await page.getByLabel('状态', { exact: true }).selectOption('');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByText('2 个家庭')).toBeVisible();
  await saveScreen(page, 'console-attendees-zh-CN');
  await page.getByRole('link', { name: '返回活动概览' }).click();
  await expect(page.getByText('已占 2 / 10 个名额（20%）')).toBeVisible();
  await saveScreen(page, 'console-dashboard-zh-CN');
});

test('the dashboard of an event under way refreshes itself every 15 seconds', async ({ page, context }) => {
  const { email, token } = await organizerAccount();
  const startsAt = new Date(Date.now() + 2 * 3600_000);
  const event = await publishedEvent(token, {
    title: 'Evening Songs',
    capacity: 8,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
  });
  await signInPage(context, email, PASSWORD);
  await page.clock.install();
  await page.goto(`/console/events/${event.id}`);
  await expect(page.getByText('Updates itself every 15 seconds during the event.')).toBeVisible();
  await expect(seats(page)).toHaveText('0 of 8 seats taken (0%)');
  await expect(page.getByText('No registrations yet.')).toBeVisible();

  await guestRegisters(event.id, 'Chandra Lama', 2);
  await page.clock.runFor(16_000);
  await expect(seats(page)).toHaveText('2 of 8 seats taken (25%)');
  await expect(page.getByRole('img', { name: /1 confirmed/ })).toBeVisible();
});

test('a family without the organizer role is told the console is for organizers', async ({ page }) => {
  const email = uniqueEmail('family');
  await signup('Dawa Sherpa', email, 'family password 1');
  await signInPage(page, email, 'family password 1');
  await page.goto('/console');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This is for organizers');
  await expect(page.getByRole('heading', { name: 'Your events' })).toHaveCount(0);
});

test('an organizer reads a program’s report: each event and the totals', async ({ page }) => {
  const { email, token } = await organizerAccount();
  const program = await client(token).POST('/api/v1/programs', {
    body: { name: 'Saturday Circle', kind: 'events', description: 'Weekend gatherings' },
  });
  expect(program.response.status).toBe(201);
  const programId = program.data!.id;
  const first = await publishedEvent(token, { title: 'Circle: Kites', programId, capacity: 3 }, 10);
  const second = await publishedEvent(token, { title: 'Circle: Songs', programId }, 12);
  await guestRegisters(first.id, 'Asha Rai', 2);
  await guestRegisters(first.id, 'Binod KC', 2); // does not fit: waitlisted
  await guestRegisters(second.id, 'Chandra Lama', 3);
  await signInPage(page, email, PASSWORD);

  await page.goto(`/console/events/${first.id}`);
  await page.getByRole('link', { name: 'The program’s report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saturday Circle');
  const table = page.getByRole('table', { name: 'Families and persons per event (confirmed registrations)' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  // families, persons, children, waitlisted families, families and persons checked in
  await expect(row('Circle: Kites').getByRole('cell')).toHaveText(['1', '2', '0', '1', '0', '0']);
  await expect(row('Circle: Songs').getByRole('cell')).toHaveText(['1', '3', '0', '0', '0', '0']);
  await expect(row('All events').getByRole('cell')).toHaveText(['2', '5', '0', '1', '0', '0']);
});

test('the waitlist lists the waiting families in request order, and a family gets its link again', async ({ page }) => {
  const { email, token } = await organizerAccount();
  const event = await publishedEvent(token, { title: 'Pottery Morning', capacity: 2, maxPartySize: 2 });
  await guestRegisters(event.id, 'Asha Rai', 2);
  await guestRegisters(event.id, 'Binod KC', 2);
  await guestRegisters(event.id, 'Chandra Lama', 1);
  await signInPage(page, email, PASSWORD);

  await page.goto(`/console/events/${event.id}`);
  await expect(page.getByText('2 of 2 seats taken (100%)')).toBeVisible();
  await page.getByRole('link', { name: 'Waitlist', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waitlist');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Binod KC');
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('1');
  await expect(rows.nth(1)).toContainText('Waitlisted, place 1');
  await expect(rows.nth(2)).toContainText('Chandra Lama');
  await expect(rows.nth(2)).toContainText('Waitlisted, place 2');
  await expect(page.getByRole('table')).not.toContainText('Asha Rai');

  // The organizer sends a waiting family its link again: the mail arrives.
  await page.getByRole('link', { name: 'Chandra Lama' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chandra Lama');
  const address = (await page.getByRole('link', { name: /@example\.test$/ }).textContent())!;
  await page.getByRole('button', { name: 'Send the family its link again' }).click();
  await expect(page.getByText(`A new link to manage the registration is on its way to ${address}.`)).toBeVisible();
  await mailTo(address, /^Your link to manage your registration: Pottery Morning$/);
});

test('another organizer cannot see an event’s dashboard or its families', async ({ page }) => {
  const owner = await organizerAccount();
  const event = await publishedEvent(owner.token, { title: 'Private Tea' });
  await guestRegisters(event.id, 'Asha Rai', 1);
  const other = await organizerAccount();
  await signInPage(page, other.email, PASSWORD);

  await page.goto(`/console/events/${event.id}`);
  await expect(page.getByText('This event is not one of yours')).toBeVisible();
  await expect(page.getByText(/seats taken/)).toHaveCount(0);
  await page.goto(`/console/events/${event.id}/attendees`);
  await expect(page.getByText('You are not allowed to do this.')).toBeVisible();
  await expect(page.getByText('Asha Rai')).toHaveCount(0);
  await page.goto('/console');
  await expect(page.getByText('You have no events yet.')).toBeVisible();
});
