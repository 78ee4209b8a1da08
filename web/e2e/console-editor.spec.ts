import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { components } from '../src/api/schema';
import { client, signup, uniqueEmail } from './support/api';
import { expectAccessible } from './support/axe';
import { EDITOR_PASSWORD, familyRegisters, localInput, organizerAccount } from './support/editor';
import { signInPage } from './support/session';
import { mailTo } from './support/mail';
import { saveScreen } from './support/screens';

test('an organizer writes an event with translations and questions, publishes it, follows the families, writes to them and cancels one', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const title = `Lantern Workshop ${suffix}`;
  const maya = await organizerAccount('Maya Gurung');
  const colleague = await organizerAccount('Nima Lama');
  // An event of Maya's that already holds the slug she will first try.
  const taken = `lanterns-${suffix}`;
  const other = await client(maya.token).POST('/api/v1/events', {
    body: {
      title: 'Another evening',
      slug: taken,
      kind: 'other',
      format: 'online',
      onlineUrl: 'https://meet.example.test/other',
      timezone: 'Asia/Kathmandu',
      startsAt: new Date(Date.now() + 50 * 86400_000).toISOString(),
      endsAt: new Date(Date.now() + 50 * 86400_000 + 3600_000).toISOString(),
      capacity: 5,
    } as components['schemas']['CreateEventDto'],
  });
  expect(other.response.status).toBe(201);
  await signInPage(page, maya.email, EDITOR_PASSWORD);

  // The editor, from the events list.
  await page.goto('/console');
  await page.getByRole('link', { name: 'New event' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New event');
  const field = (label: string) => page.getByLabel(label, { exact: true });

  // Saving an empty form lists what is missing, each on its field.
  await page.getByRole('button', { name: 'Save the draft' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Please fix these before saving' });
  await expect(summary).toBeFocused();
  await expect(field('Title')).toHaveAccessibleDescription('This is required.');
  await expect(field('Starts')).toHaveAccessibleDescription('This is required.');
  await expect(field('Venue')).toHaveAccessibleDescription('Needed for events in person. This is required.');

  // Rules checked while typing.
  await field('Title').fill(title);
  await expect(field('Title')).not.toHaveAccessibleDescription(/required/);
  await field('Format').selectOption({ label: 'In person and online' });
  await field('Online link').fill('meet.example.test/lanterns');
  await expect(field('Online link')).toHaveAccessibleDescription(/Give a link starting with http:\/\/ or https:\/\//);
  await field('Online link').fill('https://meet.example.test/lanterns');
  await expect(field('Online link')).not.toHaveAccessibleDescription(/Give a link/);
  await field('Starts').fill(localInput(20, 10));
  await field('Ends').fill(localInput(20, 9));
  await expect(field('Ends')).toHaveAccessibleDescription('The end must be after the start.');
  await field('Ends').fill(localInput(20, 13));
  await expect(field('Ends')).toHaveAccessibleDescription('');

  await field('Web address (slug)').fill(taken);
  await field('Summary').fill('Make a paper lantern and carry it in the evening walk.');
  await field('Description').fill('All materials are provided.\nBring a torch.');
  await field('Kind of event').selectOption({ label: 'Workshop' });
  await field('Venue').fill('Patan Community Hall');
  await expect(field('Time zone')).toHaveValue('Asia/Kathmandu');
  await field('Seats').fill('10');
  await field('Largest family (persons)').fill('4');

  await field('Title (Simplified Chinese)').fill('灯笼工作坊');
  await field('Summary (Simplified Chinese)').fill('做一个纸灯笼，晚上提着它去散步。');
  await field('Title (Nepali)').fill('लालटिन कार्यशाला');

  // Questions: add three, set them up, move one, remove one.
  await page.getByRole('button', { name: 'Add a question' }).click();
  const q1 = page.getByRole('group', { name: 'Question 1' });
  await expect(q1.getByLabel('Question', { exact: true })).toBeFocused();
  await q1.getByLabel('Question', { exact: true }).fill('Dietary needs');
  await q1.getByLabel('Key').fill('diet');
  await page.getByRole('button', { name: 'Add a question' }).click();
  const q2 = page.getByRole('group', { name: 'Question 2' });
  await q2.getByLabel('Question', { exact: true }).fill('Lantern colour');
  await q2.getByLabel('Key').fill('colour');
  await q2.getByLabel('Kind of answer').selectOption({ label: 'One choice' });
  await q2.getByLabel('An answer is required').check();
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(q2.getByLabel('Choices, one per line')).toHaveAccessibleDescription('Give at least one choice.');
  await q2.getByLabel('Choices, one per line').fill('Red\nGold\nBlue');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('group', { name: 'Question 3' }).getByLabel('Question', { exact: true }).fill('Spare');
  await page.getByRole('button', { name: 'Remove question 3' }).click();
  await expect(page.getByRole('group', { name: 'Question 3' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Move question 2 up' }).click();
  await expect(page.getByRole('group', { name: 'Question 1' }).getByLabel('Key')).toHaveValue('colour');
  await expect(page.getByRole('group', { name: 'Question 2' }).getByLabel('Key')).toHaveValue('diet');

  await field('Co-organizers’ account ids, one per line').fill(colleague.id);
  await expectAccessible(page, 'the event editor (en, 360 px)');
  await saveScreen(page, 'console-editor-en');

  // The server's word lands on its field: the slug is taken.
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(field('Web address (slug)')).toHaveAccessibleDescription(/The server says: slug is already in use/);
  await expect(summary).toContainText('slug is already in use');
  await field('Web address (slug)').fill(`lantern-workshop-${suffix}`);
  await page.getByRole('button', { name: 'Save the draft' }).click();

  // The draft's dashboard: publish it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  const eventId = page.url().split('/').pop()!;
  const stored = await client(maya.token).GET('/api/v1/events/{idOrSlug}', {
    params: { path: { idOrSlug: eventId } },
  });
  expect(stored.data).toMatchObject({
    slug: `lantern-workshop-${suffix}`,
    format: 'hybrid',
    kind: 'workshop',
    capacity: 10,
    maxPartySize: 4,
    timezone: 'Asia/Kathmandu',
    organizerIds: [maya.id, colleague.id],
    translations: {
      'zh-CN': { title: '灯笼工作坊', summary: '做一个纸灯笼，晚上提着它去散步。' },
      ne: { title: 'लालटिन कार्यशाला' },
    },
    questions: [
      { id: 'colour', label: 'Lantern colour', type: 'choice', required: true, options: ['Red', 'Gold', 'Blue'] },
      { id: 'diet', label: 'Dietary needs', type: 'text', required: false },
    ],
  });
  // 10:00 in Kathmandu, the zone the form was in.
  expect(new Date(stored.data!.startsAt).toISOString()).toBe(new Date(`${localInput(20, 10)}:00+05:45`).toISOString());
  await page.getByRole('button', { name: 'Publish this event' }).click();
  await page.getByRole('button', { name: 'Yes, publish' }).click();
  await expect(page.getByText('The event is published.')).toBeVisible();

  // Families register; the dashboard shows them once refreshed.
  const asha = await familyRegisters(eventId, 'Asha Rai', 2, { colour: 'Gold', diet: 'No nuts' }, 'en');
  const mei = await familyRegisters(eventId, 'Mei Zhang', 3, { colour: 'Red' }, 'zh-CN');
  const sita = await familyRegisters(eventId, 'Sita Thapa', 2, { colour: 'Blue' }, 'ne');
  expect([asha.status, mei.status, sita.status]).toEqual(['confirmed', 'confirmed', 'confirmed']);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('7 of 10 seats taken (70%)')).toBeVisible();

  // The attendee list as a spreadsheet: a column per question, a row per person.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the attendee list (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/,Lantern colour,Dietary needs$/);
  expect(lines).toHaveLength(1 + 7);
  expect(lines.filter((l) => l.includes('Asha Rai'))).toHaveLength(2);
  expect(csv).toContain('Mei Zhang 3');
  expect(lines.find((l) => l.includes('Asha Rai 1'))).toMatch(/,Gold,No nuts$/);

  // A message to every family, read in each language first.
  await page.getByRole('link', { name: 'Write to every family' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write to every family');
  await page.getByRole('button', { name: 'Preview in each language' }).click();
  await expect(page.getByLabel('Subject')).toHaveAccessibleDescription('This is required.');
  await page.getByLabel('Subject').fill('Bring a torch');
  await page.getByLabel('Message', { exact: true }).fill('The walk starts at dusk.\nA torch helps on the way back.');
  await page.getByRole('button', { name: 'Preview in each language' }).click();
  await expect(page.getByRole('heading', { name: 'What the families will read' })).toBeFocused();
  const preview = (language: string) => page.getByRole('article', { name: language });
  await expect(preview('English')).toContainText(`Subject: [${title}] Bring a torch`);
  await expect(preview('English')).toContainText('Hello [family’s name],');
  await expect(preview('English')).toContainText('Maya Gurung, organizer of');
  await expect(preview('Simplified Chinese')).toContainText('Subject: 【灯笼工作坊】组织者消息：Bring a torch');
  await expect(preview('Nepali')).toContainText('Subject: [लालटिन कार्यशाला] आयोजकको सन्देश: Bring a torch');
  await expect(preview('Nepali')).toContainText('A torch helps on the way back.');
  await expectAccessible(page, 'the message page with its preview (en, 360 px)');
  await saveScreen(page, 'console-messages-en');
  await page.getByRole('button', { name: 'Send to every family' }).click();
  await page.getByRole('button', { name: 'Yes, send it' }).click();
  await expect(page.getByText('Sent: 3 families will get the mail.')).toBeVisible();
  const chinese = await mailTo(mei.email, /组织者消息：Bring a torch/);
  expect(chinese.subject).toBe('【灯笼工作坊】组织者消息：Bring a torch');
  expect(chinese.text).toContain('The walk starts at dusk.');
  const nepali = await mailTo(sita.email, /आयोजकको सन्देश: Bring a torch/);
  expect(nepali.text).toContain('A torch helps on the way back.');

  // A family cancelled on its behalf, from its page.
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await page.getByRole('link', { name: 'Attendees' }).click();
  await page.getByRole('link', { name: 'Sita Thapa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sita Thapa');
  await expect(page.getByText('Blue', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel this registration' }).click();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByText('The registration is cancelled; the family is told by mail.')).toBeVisible();
  await mailTo(sita.email, /./, 20_000);
  const stats = await client(maya.token).GET('/api/v1/events/{id}/stats', { params: { path: { id: eventId } } });
  expect(stats.data).toMatchObject({ seatsTaken: 5, confirmed: 2, cancelled: 1 });

  // The same pages in Chinese: the editor, from the dashboard's Edit link, and the message page.
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('link', { name: '返回参加者' }).click();
  await page.getByRole('link', { name: '返回活动概览' }).click();
  await page.getByRole('link', { name: '编辑此活动' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`编辑 ${title}`);
  await expect(page.getByText('此活动已发布：时间或地点变更时，家庭会收到邮件通知。')).toBeVisible();
  await expect(page.getByLabel('标题（简体中文）', { exact: true })).toHaveValue('灯笼工作坊');
  await expect(page.getByRole('group', { name: '问题 1' }).getByLabel('标识')).toHaveValue('colour');
  await expectAccessible(page, 'the event editor (zh-CN, 360 px)');
  await saveScreen(page, 'console-editor-zh-CN');
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, 'the event editor (zh-CN, 1280 px)');
  await page.goto(`/console/events/${eventId}/messages`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('给所有家庭写信');
  await expectAccessible(page, 'the message page (zh-CN, 1280 px)');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectAccessible(page, 'the message page (zh-CN, 360 px)');
});

test('a co-organizer the server refuses is shown on its field, and a co-organizer edits the event without changing its organizers', async ({
  page,
}) => {
  const owner = await organizerAccount('Dawa Sherpa');
  const colleague = await organizerAccount('Pema Lama');
  const family = await signup('Hari Rai', uniqueEmail('family'), 'family password 1');
  await signInPage(page, owner.email, EDITOR_PASSWORD);
  await page.goto('/console/events/new');
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await field('Title').fill('Kite Morning');
  await field('Venue').fill('Tundikhel');
  await field('Starts').fill(localInput(15, 8));
  await field('Ends').fill(localInput(15, 11));
  await field('Co-organizers’ account ids, one per line').fill(`${colleague.id}\n${family.user.id}`);
  await page.getByRole('button', { name: 'Save the draft' }).click();

  // The event is saved; its edit page says which co-organizer was refused.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit Kite Morning');
  await expect(field('Co-organizers’ account ids, one per line')).toHaveAccessibleDescription(
    /The server says: userIds\[1\] names a user without the organizer role/,
  );
  await field('Co-organizers’ account ids, one per line').fill(colleague.id);
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kite Morning');
  const eventId = page.url().split('/').pop()!;

  // The co-organizer edits the seats; only the creator (or an admin) names organizers.
  await page.context().clearCookies();
  await signInPage(page, colleague.email, EDITOR_PASSWORD);
  await page.goto(`/console/events/${eventId}`);
  await page.getByRole('link', { name: 'Edit this event' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit Kite Morning');
  await expect(page.getByRole('heading', { name: 'Co-organizers' })).toHaveCount(0);
  await field('Seats').fill('35');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kite Morning');
  const stored = await client(owner.token).GET('/api/v1/events/{idOrSlug}', {
    params: { path: { idOrSlug: eventId } },
  });
  expect(stored.data).toMatchObject({ capacity: 35, organizerIds: [owner.id, colleague.id], status: 'draft' });
});
