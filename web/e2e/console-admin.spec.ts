import { expect, test, type Page } from '@playwright/test';
import { client, guestRegisters, publishedEvent, signup, uniqueEmail } from './support/api';
import { acceptAddress, accountWith, refuseAddress } from './support/admin';
import { expectAccessible } from './support/axe';
import { mailTo } from './support/mail';
import { saveScreen } from './support/screens';
import { signInPage } from './support/session';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('an admin finds a failed mail in the mail log, retries it once the address accepts mail, and changes a user’s roles', async ({
  page,
}) => {
  const admin = await accountWith('Sita Admin', ['admin']);
  // A new account whose mailbox refuses mail: its welcome fails for good at the first try.
  const refused = uniqueEmail('nima');
  await refuseAddress(refused);
  await signup('Nima Lhamo', refused, 'nima password 1');
  await expect
    .poll(
      async () =>
        (
          await client(admin.token).GET('/api/v1/notifications', {
            params: { query: { recipient: refused, status: 'failed' } },
          })
        ).data?.total,
      { timeout: 20_000, message: 'the welcome mail to the refused address has failed' },
    )
    .toBe(1);

  await signInPage(page, admin.email, admin.password);
  await page.goto('/console');
  await expect(page.getByRole('link', { name: 'Queue dashboard' })).toHaveAttribute('href', '/admin/queues');
  await page.getByRole('link', { name: 'Mail log' }).click();
  await expect(heading(page)).toHaveText('Mail log');
  await page.getByLabel('Status').selectOption({ label: 'Failed' });
  await page.getByLabel('Recipient').fill(refused);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('1 mail', { exact: true })).toBeVisible();
  const row = page.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Welcome');
  await expect(row).toContainText(refused);
  await expect(row).toContainText('Failed');
  await expectAccessible(page, 'the mail log (en, 360 px)');
  await saveScreen(page, 'console-mail-log-en');

  await row.getByRole('link', { name: 'Welcome' }).click();
  await expect(heading(page)).toHaveText('Welcome');
  await expect(page.getByRole('list').filter({ hasText: 'Written' })).toContainText('Failed, after 1 try');
  await expect(page.getByText(/550/).first()).toBeVisible();
  await expectAccessible(page, 'a failed mail (en, 360 px)');

  // The address takes mail again: the retry from the page sends it.
  await acceptAddress(refused);
  await page.getByRole('button', { name: 'Retry this mail' }).click();
  await expect(page.getByText('The mail is queued again.')).toBeVisible();
  // the page looks again until the mail settles
  await expect(page.locator('main').getByText('Sent', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Retried by an administrator')).toBeVisible();
  await expect(page.getByText('Sent, after 1 try')).toBeVisible();
  await mailTo(refused, /^Welcome to Kinship, Nima Lhamo$/);
  await expect(page.getByRole('button', { name: 'Retry this mail' })).toHaveCount(0);

  // Users and roles: Nima becomes an organizer.
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(heading(page)).toHaveText('Users and roles');
  await page.getByLabel('Search').fill(refused);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('1 user', { exact: true })).toBeVisible();
  const roles = page.getByRole('group', { name: 'Roles of Nima Lhamo' });
  await expect(roles.getByLabel('Family')).toBeChecked();
  await roles.getByLabel('Organizer').check();
  await expectAccessible(page, 'users and roles (en, 360 px)');
  await page.getByRole('button', { name: 'Save the roles of Nima Lhamo' }).click();
  await expect(page.getByText('The roles of Nima Lhamo are saved.')).toBeVisible();
  const found = await client(admin.token).GET('/api/v1/users', { params: { query: { q: refused } } });
  expect(found.data?.items[0].roles.sort()).toEqual(['family', 'organizer']);

  // The same pages in Chinese.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(heading(page)).toHaveText('用户与角色');
  await expectAccessible(page, 'users and roles (zh-CN, 360 px)');
  await page.getByRole('link', { name: '邮件记录' }).click();
  await expect(heading(page)).toHaveText('邮件记录');
  await page.getByLabel('收件人').fill(refused);
  await page.getByRole('button', { name: '显示' }).click();
  const zhRow = page.getByRole('table').getByRole('row').nth(1);
  await expect(zhRow).toContainText('欢迎邮件');
  await expect(zhRow).toContainText('已发送');
  await expectAccessible(page, 'the mail log (zh-CN, 360 px)');
  await saveScreen(page, 'console-mail-log-zh-CN');
  await zhRow.getByRole('link', { name: '欢迎邮件' }).click();
  await expect(page.getByText('管理员已重试')).toBeVisible();
  await expectAccessible(page, 'a mail (zh-CN, 360 px)');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page, 'a mail (zh-CN, 1280 px)');
  await page.goBack();
  await expect(heading(page)).toHaveText('邮件记录');
  await expectAccessible(page, 'the mail log (zh-CN, 1280 px)');
});

test('an organizer reads the waitlist in order, changes a family’s party (the family gets the mail) and opens a program', async ({
  page,
}) => {
  const organizer = await accountWith('Maya Gurung', ['organizer']);
  const program = await client(organizer.token).POST('/api/v1/programs', {
    body: { name: 'Lantern Circle', kind: 'events', description: 'Evening gatherings' },
  });
  expect(program.response.status).toBe(201);
  const event = await publishedEvent(organizer.token, {
    title: 'Lantern Making',
    capacity: 3,
    maxPartySize: 3,
    programId: program.data!.id,
  });
  const asha = await guestRegisters(event.id, 'Asha Rai', 3);
  await guestRegisters(event.id, 'Binod KC', 2);
  await guestRegisters(event.id, 'Chandra Lama', 1);
  await signInPage(page, organizer.email, organizer.password);

  // The waitlist, in the order families move up.
  await page.goto(`/console/events/${event.id}`);
  await page.getByRole('link', { name: 'Waitlist', exact: true }).click();
  await expect(heading(page)).toHaveText('Waitlist');
  await expect(page.getByText('2 families waiting')).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('cell').nth(0)).toHaveText('1');
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('2');
  await expect(rows.nth(1)).toContainText('Binod KC');
  await expect(rows.nth(2).getByRole('cell').first()).toHaveText('2');
  await expect(rows.nth(2)).toContainText('Chandra Lama');
  await expectAccessible(page, 'the waitlist (en, 360 px)');

  // Asha's family comes with two instead of three: a seat frees, Chandra moves up, Asha is mailed.
  await page.goto(`/console/events/${event.id}/attendees/${asha.id}`);
  await expect(heading(page)).toHaveText('Asha Rai');
  const mails = page.getByRole('table', { name: 'Mails sent to the family' });
  await expect(mails).toContainText('Registration confirmed');
  await page.getByRole('button', { name: 'Remove person 3' }).click();
  await page.getByRole('group', { name: 'Person 2' }).getByLabel('Name').fill('Asha Rai junior');
  await page.getByRole('button', { name: 'Save the party' }).click();
  await expect(page.getByText('The party is changed; the family is told by mail.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '2 persons' })).toBeVisible();
  await expect(mails.getByRole('row').filter({ hasText: 'Registration changed' })).toHaveCount(1);
  await expectAccessible(page, 'a family with its mails and party form (en, 360 px)');
  const changed = await mailTo(asha.contact.email, /^Your registration has been updated: Lantern Making$/);
  expect(changed.text).toContain('Asha Rai junior');

  await page.goto(`/console/events/${event.id}/waitlist`);
  await expect(page.getByText('1 family waiting')).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Binod KC');
  await expect(page.getByRole('table')).not.toContainText('Chandra Lama');

  // Programs: the organizer's own, leading to the report.
  await page.getByRole('link', { name: 'Programs' }).click();
  await expect(heading(page)).toHaveText('Your programs');
  await expect(page.getByText('1 program', { exact: true })).toBeVisible();
  await expectAccessible(page, 'programs (en, 360 px)');
  await page.getByRole('link', { name: 'Report of Lantern Circle' }).click();
  await expect(heading(page)).toHaveText('Lantern Circle');

  // In Nepali.
  await page.getByLabel('Language').selectOption('ne');
  await page.getByRole('link', { name: 'परियोजनाहरू' }).click();
  await expect(heading(page)).toHaveText('तपाईंका परियोजनाहरू');
  await expectAccessible(page, 'programs (ne, 360 px)');
  await page.goto(`/console/events/${event.id}/waitlist`);
  await expect(heading(page)).toHaveText('प्रतीक्षा सूची');
  await expectAccessible(page, 'the waitlist (ne, 360 px)');
  await page.goto(`/console/events/${event.id}/attendees/${asha.id}`);
  await expect(page.getByRole('heading', { name: 'परिवारलाई पठाइएका इमेलहरू' })).toBeVisible();
  await expect(page.getByText('दर्ता परिवर्तन भयो')).toBeVisible();
  await expectAccessible(page, 'a family with its mails and party form (ne, 360 px)');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page, 'a family with its mails and party form (ne, 1280 px)');
  await page.goto(`/console/events/${event.id}/waitlist`);
  await expect(heading(page)).toHaveText('प्रतीक्षा सूची');
  await expectAccessible(page, 'the waitlist (ne, 1280 px)');
});
