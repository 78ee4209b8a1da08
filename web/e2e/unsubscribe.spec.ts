import { expect, test } from '@playwright/test';
import { client, organizer, publishedEvent, uniqueEmail } from './support/api';
import { linkIn, mailTo } from './support/mail';

test('a family stops an event’s messages from the link in the mail, in Chinese, and a changed link is refused', async ({
  page,
}) => {
  const token = await organizer();
  const event = await publishedEvent(token, { title: '风筝节' } as never);
  const email = uniqueEmail('lan');
  const registered = await client().POST('/api/v1/events/{id}/registrations', {
    params: { path: { id: event.id } },
    body: {
      contact: { name: '王兰', email },
      attendees: [{ name: '王兰', category: 'adult' }],
      consents: { dataProcessing: true, photos: false },
      locale: 'zh-CN',
    } as never,
  });
  expect(registered.response.status).toBe(201);
  await client(token).POST('/api/v1/events/{id}/messages', {
    params: { path: { id: event.id } },
    body: { subject: 'Kites', body: 'Bring a kite.' },
  });

  const mail = await mailTo(email, /Kites/);
  const link = linkIn(mail, '/unsubscribe/');
  expect(link).toContain('lang=zh-CN');
  await page.goto(link);
  // Opening the link changes nothing (mail scanners open links); the family confirms.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('退订消息和提醒');
  await expect(page).not.toHaveURL(/token/);
  await page.getByRole('button', { name: '退订' }).click();
  await expect(page.getByText('已退订：您不会再收到关于“风筝节”的消息或提醒。')).toBeVisible();

  // A link whose signature was changed is refused, and says so.
  const bad = new URL(link);
  bad.searchParams.set('token', 'not-the-signature');
  await page.goto(bad.toString());
  await page.getByRole('button', { name: '退订' }).click();
  await expect(page.getByText('此链接无效。请从邮件中重新打开，或联系活动组织者。')).toBeVisible();
});
