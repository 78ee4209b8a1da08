import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { client, login, signup, uniqueEmail } from './support/api';
import { expectAccessible } from './support/axe';
import { mailTo } from './support/mail';
import { saveScreen } from './support/screens';
import { signInPage } from './support/session';
import {
  amountForms,
  dateForms,
  expectNoLeak,
  recordResponses,
  sponsorWorld,
  withdrawShareProgress,
  type SponsorAccount,
  type SponsorWorld,
} from './support/sponsor';

let w: SponsorWorld;

test.beforeAll(async () => {
  w = await sponsorWorld();
});

/** What neither sponsor may receive: the student's identity. */
const studentSecrets = () => [
  w.secret.fullName,
  'Lamichhane',
  w.secret.region,
  w.secret.guardianName,
  w.secret.guardianPhone,
  '9803 672 418',
  ...dateForms(w.secret.birthDate),
];

/** And of the other sponsor: her name, address and every amount she gave. */
const otherSponsor = (other: SponsorAccount, amounts: number[], refs: string[]) => [
  other.name,
  other.email,
  other.id,
  other.sponsorshipId,
  ...refs,
  ...amounts.flatMap(amountForms),
];

async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale, acceptDownloads: true });
  return context.newPage();
}

/** Fills the login page's form (it then goes on to its `next=` page). */
async function fillLogin(page: Page, who: SponsorAccount): Promise<void> {
  await page.getByLabel(/^(Email address|电子邮箱|इमेल ठेगाना)$/).fill(who.email);
  await page.getByLabel(/^(Password|密码|पासवर्ड)$/).fill(who.password);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^(Sign in|登录|लग इन गर्नुहोस्)$/ })
    .click();
}

/** Signs in through the login page, as a sponsor does from a mail link. */
async function signIn(page: Page, who: SponsorAccount, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillLogin(page, who);
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|正在加载|लोड हुँदैछ/ })).toHaveCount(0);
}

/** Every link and control that is not a link inside text is at least 24 px high (WCAG 2.2 AA 2.5.8). */
async function expectTapTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('a, button, input, select, textarea')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline';
        return r.width > 0 && r.height > 0 && !inline && r.height < 24;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(small).toEqual([]);
}

/** The figures a sponsor's own sponsorship holds, as the api gives them to her. */
async function ownView(who: SponsorAccount) {
  const token = await login(who.email, who.password);
  const { data } = await client(token).GET('/api/v1/sponsorships/{id}', {
    params: { path: { id: who.sponsorshipId } },
  });
  return data!;
}

test('each sponsor sees her student, the report and only her own money; nothing private reaches her browser', async ({
  browser,
}) => {
  test.setTimeout(75_000);
  const year = new Date().toISOString().slice(0, 4);
  const viewA = await ownView(w.a);
  expect(viewA.overdue.amount).toBeGreaterThan(0);

  // Sponsor A, in English, follows the report mail's link and signs in on the way.
  const mail = await mailTo(w.a.email, /New progress report for Pabi/);
  const link = /https?:\/\/\S+\/me\/sponsorships\/[0-9a-f-]+\/reports\/[0-9a-f-]+\?lang=en/.exec(mail.text)?.[0];
  expect(link, 'the report link in the mail').toBeTruthy();
  const target = new URL(link!);
  expect(target.pathname).toBe(`/me/sponsorships/${w.a.sponsorshipId}/reports/${w.reportId}`);

  const page = await newPage(browser, 'en-GB');
  const seenA = recordResponses(page);
  await page.goto(target.pathname + target.search);
  await settled(page);
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await fillLogin(page, w.a);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pabi: 2026 Term 2');
  await expect(page.getByRole('cell', { name: 'Mathematics' })).toBeVisible();
  await expect(page.getByText('Attendance 96%')).toBeVisible();
  await expect(page.getByText(/moved up a grade/)).toBeVisible();
  await expectAccessible(page, 'report (en, 360 px)');

  // The cards, through the header's link.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My students' }).click();
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The students I sponsor');
  const card = page.getByRole('article', { name: 'Pabi' });
  await expect(card).toContainText('Nepal');
  await expect(card).toContainText('Grade 9');
  await expect(card).toContainText('Chautara');
  await expect(card).toContainText(/Age\s*1[34] years/);
  await expect(card).toContainText('Latest report, 2026 Term 2');
  await expect(card).toContainText('Pabi came first in the district science fair.');
  await expect(card).not.toContainText('helps younger girls'); // the first sentence only
  await expect(card).toContainText(`Paid in ${year}`);
  await expect(card).toContainText('US$85.46');
  await expect(card).toContainText(`Overdue: US$${(viewA.overdue.amount / 100).toFixed(2)}`);
  await expectAccessible(page, 'cards (en, 360 px)');
  await saveScreen(page, 'sponsor-cards-en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page, 'cards (en, 1280 px)');
  await page.setViewportSize({ width: 360, height: 800 });

  // The sponsorship, as the payment-due mail's link opens it: commitment, dues with the overdue
  // ones marked, payments, the reports.
  const due = await mailTo(w.a.email, /Sponsorship payment due for Pabi/);
  const dueLink = /https?:\/\/\S+\/me\/sponsorships\/[0-9a-f-]+\?lang=en/.exec(due.text)?.[0];
  expect(dueLink, 'the sponsorship link in the payment-due mail').toBeTruthy();
  expect(new URL(dueLink!).pathname).toBe(`/me/sponsorships/${w.a.sponsorshipId}`);
  await page.goto(new URL(dueLink!).pathname + new URL(dueLink!).search);
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pabi');
  await expect(page.getByText('US$42.73 a month')).toBeVisible();
  const dues = page.getByRole('table', { name: 'Due dates' });
  await expect(dues.getByRole('row')).toHaveCount(1 + viewA.dues.length);
  await expect(dues.getByRole('cell', { name: 'Overdue', exact: true }).first()).toBeVisible();
  await expect(dues.getByRole('cell', { name: 'Paid', exact: true })).toHaveCount(2);
  const payments = page.getByRole('table', { name: 'Paid so far' });
  await expect(payments.getByRole('row').filter({ hasText: 'US$42.73' })).toHaveCount(2);
  await expect(payments).toContainText('Bank transfer');
  await expect(page.getByRole('heading', { level: 3, name: 'Report for 2026 Term 2' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'A-', exact: true })).toBeVisible();
  await expectAccessible(page, 'sponsorship (en, 360 px)');
  await expectTapTargets(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page, 'sponsorship (en, 1280 px)');
  await page.setViewportSize({ width: 360, height: 800 });

  // The statement: figures on the page, the same in the CSV, and it prints.
  await page.getByRole('link', { name: `Statement for ${year}` }).click();
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Statement for ${year}`);
  await expectAccessible(page, 'statement (en, 360 px)');
  await expectTapTargets(page);
  const pageRows = await page
    .getByRole('table', { name: 'Payments' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(pageRows).toHaveLength(2);
  await expect(page.getByText(/^Total: /)).toHaveText('Total: US$85.46');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  for (const [, amount, , reference] of pageRows) {
    const major = amount.replace(/[^0-9.]/g, '');
    expect(csv).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2},Payment,${major.replace('.', '\\.')},USD,\\w+,${reference}`));
  }
  expect(csv).toContain(`Total ${year},85.46,USD`);
  expect(csv).toContain('Progress report: 2026 Term 2');
  await expect(page.getByText(/^Prepared for /)).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(`Prepared for ${w.a.name} on `)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await saveScreen(page, 'sponsor-statement-en');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 360, height: 800 });

  // In Nepali: the same student, the money in Nepali digits.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  await page.getByLabel('Language').selectOption('ne');
  expect((await saved).status()).toBe(200);
  await page.goto('/me/sponsorships');
  await settled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ne');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('मैले सहयोग गरेका विद्यार्थीहरू');
  const cardNe = page.getByRole('article', { name: 'Pabi' });
  await expect(cardNe).toContainText('USD\u00a0८५.४६');
  await expectAccessible(page, 'cards (ne, 360 px)');
  await saveScreen(page, 'sponsor-cards-ne');
  await cardNe.getByRole('link', { name: 'Pabi' }).click();
  await settled(page);
  await expect(page.getByText('म्याद नाघेको', { exact: true }).first()).toBeVisible();
  await expectAccessible(page, 'sponsorship (ne, 360 px)');
  await page.goto(`/me/sponsorships/${w.a.sponsorshipId}/statement?year=${year}`);
  await settled(page);
  await expectAccessible(page, 'statement (ne, 360 px)');

  await seenA.settle();
  seenA.texts.push(await page.content());
  expectNoLeak(seenA.texts, [...studentSecrets(), ...otherSponsor(w.b, [98765], ['LIN-7731'])], 'sponsor A');
  await page.context().close();

  // Sponsor B, in Chinese: her own card and money only.
  const pageB = await newPage(browser, 'zh-CN');
  const seenB = recordResponses(pageB);
  await signIn(pageB, w.b, '/me/sponsorships');
  await settled(pageB);
  await expect(pageB.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('我资助的学生');
  const cardB = pageB.getByRole('article', { name: 'Pabi' });
  await expect(cardB).toContainText('NPR\u00a0987.65');
  await expect(cardB).toContainText('最新报告：2026 Term 2');
  await expect(cardB).not.toContainText('逾期');
  await expectAccessible(pageB, 'cards (zh-CN, 360 px)');
  await saveScreen(pageB, 'sponsor-cards-zh-CN');
  await cardB.getByRole('link', { name: 'Pabi' }).click();
  await settled(pageB);
  await expect(pageB.getByText('每年 NPR\u00a0987.65')).toBeVisible();
  await expect(pageB.getByText('手机支付')).toBeVisible();
  await expectAccessible(pageB, 'sponsorship (zh-CN, 360 px)');
  await pageB.getByRole('link', { name: '2026 Term 2 学习报告' }).click();
  await settled(pageB);
  await expect(pageB.getByText('出勤率 96%')).toBeVisible();
  await expectAccessible(pageB, 'report (zh-CN, 360 px)');
  await pageB.goto(`/me/sponsorships/${w.b.sponsorshipId}/statement?year=${year}`);
  await settled(pageB);
  await expect(pageB.getByText(/^合计：/)).toContainText('NPR\u00a0987.65');
  await expectAccessible(pageB, 'statement (zh-CN, 360 px)');
  await seenB.settle();
  seenB.texts.push(await pageB.content());
  expectNoLeak(
    seenB.texts,
    [...studentSecrets(), ...otherSponsor(w.a, [4273, 8546], ['ASH-0001', 'ASH-0002'])],
    'sponsor B',
  );
  // A's sponsorship is not hers: the page says so and shows nothing of it.
  const before = seenB.texts.length;
  await pageB.goto(`/me/sponsorships/${w.a.sponsorshipId}`);
  await expect(pageB.getByRole('alert')).toContainText('没有找到');
  await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('资助详情');
  await seenB.settle();
  expectNoLeak([await pageB.content(), ...seenB.texts.slice(before)], [w.a.name, '42.73', 'ASH-0001'], 'sponsor B');
  await pageB.context().close();
});

test('withdrawing the consent to share her progress hides the reports at once', async ({ browser }) => {
  // Her account reads in English again (the story above left it in Nepali).
  const token = await login(w.a.email, w.a.password);
  expect((await client(token).PATCH('/api/v1/me', { body: { locale: 'en' } })).response.status).toBe(200);
  const page = await newPage(browser, 'en-GB');
  await signIn(page, w.a, `/me/sponsorships/${w.a.sponsorshipId}`);
  await settled(page);
  await expect(page.getByRole('heading', { level: 3, name: 'Report for 2026 Term 2' })).toBeVisible();

  await withdrawShareProgress(w);
  await page.reload();
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pabi');
  await expect(page.getByText('No report has been published yet.')).toBeVisible();
  await expect(page.getByText('Mathematics')).toHaveCount(0);
  await page.goto(`/me/sponsorships/${w.a.sponsorshipId}/reports/${w.reportId}`);
  await settled(page);
  await expect(page.getByText('This report is not available.')).toBeVisible();
  await expect(page.getByText('Mathematics')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My students' }).click();
  await settled(page);
  await expect(page.getByRole('article', { name: 'Pabi' })).not.toContainText('2026 Term 2');
  await page.context().close();
});

test('an account that sponsors nobody is told so on the sponsor page, without an error', async ({ page }) => {
  const email = uniqueEmail('no-sponsor');
  await signup('Hari Adhikari', email, 'family password 1');
  await signInPage(page, email, 'family password 1');
  await page.goto('/me/sponsorships');
  await settled(page);
  await expect(page.getByRole('main')).toContainText('You are not sponsoring a student yet.');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
