import { expect, test } from '@playwright/test';
import { organizer, publishedEvent, uniqueEmail } from './support/api';
import { mailTo } from './support/mail';
import { saveScreen } from './support/screens';

test('a guest registers a family of three in Chinese and is confirmed', async ({ page }) => {
  const event = await publishedEvent(await organizer(), { title: '国际家庭日 Family Day', capacity: 10 });
  const email = uniqueEmail('mei');

  await page.goto(`/events/${event.slug}?lang=zh-CN`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '国际家庭日 Family Day' })).toBeVisible();
  await expect(page.getByText('剩余 10 个名额')).toBeVisible();
  await page.getByRole('link', { name: '为家庭报名' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('报名：国际家庭日 Family Day');
  await page.getByLabel('您的姓名').fill('陈美');
  await page.getByLabel('您的电子邮箱').fill(email);
  await page.getByRole('group', { name: '第 1 位' }).getByLabel('姓名').fill('陈美');
  await page.getByRole('button', { name: '再添加一人' }).click();
  const second = page.getByRole('group', { name: '第 2 位' });
  await second.getByLabel('姓名').fill('陈小宝');
  await second.getByLabel('出生日期').fill('2019-03-08');
  await page.getByRole('button', { name: '再添加一人' }).click();
  const third = page.getByRole('group', { name: '第 3 位' });
  await third.getByLabel('姓名').fill('陈小丽');
  await third.getByLabel('出生日期').fill('2016-11-20');
  await page.getByLabel('我同意主办方为举办本活动保存以上信息。').check();
  await page.getByRole('button', { name: '报名', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('报名成功');
  await expect(page.getByText('已确认 3 人')).toBeVisible();
  const qr = page.getByRole('img', { name: /您的签到码 [A-Z0-9]+ 的二维码/ });
  await expect(qr).toBeVisible();
  const code = (await page.locator('.code').textContent())!.trim();
  await expect(qr).toHaveAccessibleName(`您的签到码 ${code} 的二维码`);
  // The private link is shown once, to keep.
  await expect(page.getByText('请保存这个链接')).toBeVisible();
  await expect(page.getByLabel('您的专属链接')).toHaveValue(/\/registrations\/[0-9a-f-]{36}#token=/);
  await saveScreen(page, 'confirmation-zh-CN');

  const mail = await mailTo(email, /国际家庭日 Family Day/);
  expect(mail.text).toContain(code);
  expect(mail.text).toContain('陈小宝');
  expect(mail.attachments.map((a) => a.filename)).toContain('invite.ics');
});
