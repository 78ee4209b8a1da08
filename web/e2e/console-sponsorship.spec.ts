import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { account, open, smallTargets, sponsorshipProgram, sponsorshipWithPayment, student } from './support/fund';
import { saveScreen } from './support/screens';
import { signInPage } from './support/session';
import { stack } from './support/stack';

const PASSWORD = 'organizer password 1';
const YEAR = new Date().getUTCFullYear();

/** The value beside a term of a facts list (a <dt>/<dd> pair) inside `scope`. */
const fact = (page: Page, label: string, scope = page.locator('main')) =>
  scope
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

async function accessibleAt360(page: Page, what: string): Promise<void> {
  await expectAccessible(page, what);
  expect(await smallTargets(page), `tap targets on ${what}`).toEqual([]);
}

test('an organizer enrols a girl, two sponsors share her, records money, publishes a report and keeps her consents', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const organizer = await account('Maya Gurung', ['organizer'], PASSWORD);
  const sponsorA = await account('Margaret Hill', ['sponsor'], 'sponsor password 1');
  const sponsorB = await account('Bikash Thapa', ['sponsor'], 'sponsor password 2');
  const program = await sponsorshipProgram(organizer.token, 'Girls to School Fund');
  // Her classmate, sponsored in rupees, so the funds page has two currencies that never mix.
  const pema = await student(organizer.token, program.id, {});
  await sponsorshipWithPayment(
    organizer.token,
    { studentId: pema.id, programId: program.id, sponsorUserId: sponsorB.id, amount: 2400000, currency: 'NPR' },
    1200000,
  );

  // And a girl still waiting for a sponsor.
  await student(organizer.token, program.id, {
    fullName: 'Sunita Rai',
    preferredName: 'Sunita',
    annualNeed: { amount: 30000, currency: 'USD' },
  });

  await page.setViewportSize({ width: 360, height: 800 });
  await signInPage(page, organizer.email, PASSWORD, 'en');
  await open(page, '/console');
  await page.getByRole('link', { name: 'Sponsorship' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sponsorship programs');
  await accessibleAt360(page, 'sponsorship programs (en)');

  // 1. Enrol a new girl, with her guardian's consent to share her progress.
  await page.getByRole('link', { name: 'Enrol a student' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enrol a student');
  await accessibleAt360(page, 'enrol (en)');
  await page.getByRole('button', { name: 'Enrol her' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await page.getByLabel('Full name').fill('Asha Kumari Tamang');
  await page.getByLabel('Preferred name').fill('Asha');
  await page.getByLabel('Date of birth').fill('2011-04-02');
  await page.getByLabel('Country').fill('Nepal');
  await page.getByLabel('Region or district (optional)').fill('Kavrepalanchok');
  await page.getByLabel('School name').fill('Shree Janata Secondary School');
  await page.getByLabel('Town of the school').fill('Dhulikhel');
  await page.getByLabel('Grade', { exact: true }).fill('Grade 8');
  await page.getByLabel('Amount').fill('3,600.00');
  await page.getByLabel('Currency').fill('USD');
  await page.getByLabel('Guardian’s name').fill('Sita Tamang');
  await page.getByLabel('Relationship to her').fill('mother');
  await page.getByLabel('Guardian’s phone').fill('+977 981 234 5678');
  await page.getByLabel('Share her progress with her sponsors').check();
  await page.getByLabel('Given by').fill('Sita Tamang (mother)');
  await page.getByRole('button', { name: 'Enrol her' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Asha Kumari Tamang');
  const main = page.locator('main');
  await expect(main.getByText('Waiting', { exact: true })).toBeVisible();
  await expect(main.getByText('waiting 0 days')).toBeVisible();
  const gap = page.getByTestId(`funding-gap-${YEAR}`);
  await expect(gap).toHaveText('US$3,600.00');

  // 2. Two sponsors share her, found by their emails: the gap is what neither covers.
  const addSponsor = async (email: string, amount: string) => {
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Add a sponsor' }) });
    await form.getByLabel('Sponsor’s email').fill(email);
    await form.getByLabel('Amount').fill(amount);
    await form.getByLabel('Due every').selectOption('year');
    await form.getByRole('button', { name: 'Add the sponsor' }).click();
    await expect(form.getByText('The sponsorship is recorded.')).toBeVisible();
  };
  await addSponsor(sponsorA.email, '1200');
  await expect(gap).toHaveText('US$2,400.00');
  await addSponsor(sponsorB.email.toUpperCase(), '1000.00');
  await expect(gap).toHaveText('US$1,400.00');
  await expect(fact(page, 'Committed by her sponsors').first()).toHaveText('US$2,200.00');
  await expect(main.getByText('Sponsored', { exact: true })).toBeVisible();
  const sponsorItem = (name: string) =>
    page.locator('.fund-list > li').filter({ has: page.getByRole('heading', { name: new RegExp(name) }) });
  await expect(sponsorItem('Margaret Hill')).toContainText('US$1,200.00 a year');
  await expect(sponsorItem('Bikash Thapa')).toContainText('US$1,000.00 a year');

  // 3. Payments from both, and the school's tuition paid out.
  const pay = async (name: string, amount: string) => {
    const item = sponsorItem(name);
    await item.getByLabel('Amount').fill(amount);
    await item.getByLabel('Reference (optional)').fill(`REF-${name.slice(0, 4)}`);
    await item.getByRole('button', { name: 'Record the payment' }).click();
    await expect(item.getByText('The payment is recorded.')).toBeVisible();
  };
  await pay('Margaret Hill', '1200');
  await expect(fact(page, 'Paid to date', sponsorItem('Margaret Hill'))).toHaveText('US$1,200.00');
  await pay('Bikash Thapa', '500');
  await expect(fact(page, 'Paid to date', sponsorItem('Bikash Thapa'))).toHaveText('US$500.00');
  await expect(fact(page, 'Due now', sponsorItem('Bikash Thapa'))).toHaveText('US$500.00');
  const disburse = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Record money paid out' }) });
  await disburse.getByLabel('Amount').fill('800');
  await disburse.getByRole('button', { name: 'Record it' }).click();
  await expect(disburse.getByText('The disbursement is recorded.')).toBeVisible();
  await expect(main.getByText(/Tuition: US\$800\.00 to Shree Janata Secondary School/)).toBeVisible();

  // 4. A progress report: written, previewed as her sponsors will see it, then published.
  const write = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Write a progress report' }) });
  await write.getByLabel('Term', { exact: true }).fill(`${YEAR} Term 3`);
  await write.getByLabel('Subject 1', { exact: true }).fill('Mathematics');
  await write.getByLabel('Grade in subject 1').fill('A');
  await write.getByRole('button', { name: 'Add a subject' }).click();
  await write.getByLabel('Subject 2', { exact: true }).fill('Science');
  await write.getByLabel('Grade in subject 2').fill('B+');
  await write.getByLabel('Attendance (%)').fill('96');
  await write.getByLabel('Promoted to the next grade').check();
  await write.getByLabel('Highlights').fill('Asha led her class science fair team.');
  await write.getByRole('button', { name: 'Preview as her sponsors will see it' }).click();
  const preview = write.getByRole('group', { name: 'As her sponsors will see it' });
  await expect(preview.getByRole('heading')).toHaveText(`Asha: ${YEAR} Term 3`);
  await expect(preview).toContainText('Attendance 96%');
  await expect(preview).toContainText('moved up a grade');
  await expect(preview.getByRole('row', { name: 'Science B+' })).toBeVisible();
  await expect(preview).not.toContainText('Tamang');
  await write.getByRole('button', { name: 'Save as a draft' }).click();
  await expect(write.getByText('The draft is saved.')).toBeVisible();
  const report = page.locator('.fund-list > li').filter({ has: page.getByRole('heading', { name: `${YEAR} Term 3` }) });
  await expect(report.getByText('Draft', { exact: true })).toBeVisible();
  await report.getByRole('button', { name: 'Publish this report' }).click();
  await report.getByRole('button', { name: 'Yes, publish' }).click();
  await expect(page.getByText('The report is published.')).toBeVisible();
  await expect(report.getByText(/^Published /)).toBeVisible();

  // 5. The consent withdrawn (at once), then given again.
  const consents = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Consents', exact: true }) });
  await expect(consents.getByText('In force')).toHaveCount(1);
  await consents.getByRole('button', { name: 'Withdraw “Share her progress with her sponsors”' }).click();
  await consents.getByRole('button', { name: 'Yes, withdraw it' }).click();
  await expect(consents.getByText('The consent is withdrawn.')).toBeVisible();
  await expect(consents.getByText(/^Withdrawn /)).toHaveCount(1);
  await expect(consents.getByText('In force')).toHaveCount(0);
  await expect(page.getByText('She does not consent to sharing her progress now').first()).toBeVisible();
  await consents.getByLabel('Given by').fill('Sita Tamang (mother), by phone');
  await consents.getByLabel('Until (optional)').fill(`${YEAR + 1}-12-31`);
  await consents.getByRole('button', { name: 'Record the consent' }).click();
  await expect(consents.getByText('The consent is recorded.')).toBeVisible();
  await expect(consents.getByText('The consent is withdrawn.')).toHaveCount(0);
  await expect(consents.getByText('In force')).toHaveCount(1);
  await expect(consents.locator('.fund-list > li').first()).toContainText(`until 31 December ${YEAR + 1}`);

  // The audit trail tells the story, newest first.
  const audit = page.locator('.fund-audit > li');
  await expect(audit.first()).toContainText('Consent recorded: Share her progress with her sponsors');
  await expect(audit.first()).toContainText('Maya Gurung');
  await expect(audit.nth(1)).toContainText('Consent withdrawn');
  await expect(page.locator('.fund-audit')).toContainText('Progress report published');
  await expect(page.locator('.fund-audit')).toContainText('Money paid out: US$800.00');
  await expect(page.locator('.fund-audit')).toContainText('Sponsorship started: US$1,000.00 a year');
  await expect(page.locator('.fund-audit')).toContainText('Status changed: Waiting → Sponsored');

  // Her record changed: a new grade; the trail names what changed, not the values of private fields.
  await page.getByRole('button', { name: 'Change her record' }).click();
  const edit = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Change her record' }) });
  await expect(edit.getByLabel('Full name')).toHaveValue('Asha Kumari Tamang');
  await expect(edit.getByLabel('Amount')).toHaveValue('3600.00');
  await accessibleAt360(page, 'student with her record open (en)');
  await edit.getByLabel('Grade', { exact: true }).fill('Grade 9');
  await edit.getByLabel('Guardian’s phone').fill('+977 981 000 0000');
  await edit.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByText('Her record is saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change her record' })).toBeFocused();
  await expect(fact(page, 'Grade')).toHaveText('Grade 9');
  await expect(audit.first()).toContainText('Record changed: Changed: grade, guardian');
  await expect(page.locator('.fund-audit')).not.toContainText('981 000 0000');
  await accessibleAt360(page, 'student (en)');
  await saveScreen(page, 'console-student-en');

  // The students list: filtered, the waiting one with her days.
  await page.getByRole('link', { name: 'Back to the students' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Students');
  await expect(page.getByText('3 students')).toBeVisible();
  await page.getByLabel('Status').selectOption('waiting');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('1 student Longest waiting first.')).toBeVisible();
  const waiting = page.locator('.fund-list > li');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('Sunita Rai');
  await expect(waiting).toContainText('Waiting for 0 days');
  await expect(waiting).toContainText('annual need US$300.00');
  await page.getByLabel('Status').selectOption('sponsored');
  await page.getByLabel('Grade', { exact: true }).fill('grade 9');
  await page.getByLabel('Name').fill('asha');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('1 student', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Asha Kumari Tamang' })).toBeVisible();
  await expect(page.locator('.fund-list > li')).toContainText('funding gap US$1,400.00');
  await accessibleAt360(page, 'students (en)');

  // 6. The funds match what was recorded, per currency.
  await page.getByRole('link', { name: 'Funds', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Funds');
  const usd = page.getByRole('table', { name: 'Per student, in USD' });
  await expect(usd.getByRole('row', { name: /Asha Kumari Tamang/ }).getByRole('cell')).toHaveText([
    'US$2,200.00',
    'US$1,700.00',
    'US$800.00',
    'US$900.00',
  ]);
  const npr = page.getByRole('table', { name: 'Per student, in NPR' });
  await expect(npr.getByRole('row', { name: /Pema Sherpa/ }).getByRole('cell')).toHaveText([
    /NPR\s?24,000\.00/,
    /NPR\s?12,000\.00/,
    /NPR\s?0\.00/,
    /NPR\s?12,000\.00/,
  ]);
  await expect(page.locator('.fund-chart svg')).toHaveCount(2);
  await expect(page.locator('.fund-chart').first().locator('rect')).toHaveCount(3);
  await accessibleAt360(page, 'funds (en)');
  await saveScreen(page, 'console-funds-en');
  const fundsUrl = page.url();
  const studentsUrl = fundsUrl.replace(/\/funds$/, '');
  const studentUrl = await page.getByRole('link', { name: 'Asha Kumari Tamang' }).first().getAttribute('href');

  // Every new page again in Chinese, then in Nepali.
  const pages = [
    ['programs', '/console/sponsorship'],
    ['students', studentsUrl],
    ['enrol', `${studentsUrl}/enrol`],
    ['student', studentUrl!],
    ['funds', fundsUrl],
  ] as const;
  const speak = async (lang: string) => {
    const set = await page.request.patch('/api/v1/me', {
      data: { locale: lang },
      headers: { Origin: stack().baseURL },
    });
    expect(set.status()).toBe(200);
  };
  await speak('zh-CN');
  for (const [what, path] of pages) {
    await open(page, path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await accessibleAt360(page, `${what} (zh-CN)`);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('资金');
  await expect(page.getByRole('table', { name: '按学生列出，货币：USD' })).toContainText('US$1,700.00');
  await saveScreen(page, 'console-funds-zh-CN');

  await speak('ne');
  for (const [what, path] of pages) {
    await open(page, path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ne');
    await accessibleAt360(page, `${what} (ne)`);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('कोष');
  // Rupees in Devanagari digits, never converted.
  await expect(page.getByRole('table', { name: 'प्रति विद्यार्थी, NPR मा' })).toContainText('१२,०००.००');

  // The desktop width: the record and the funds pass too.
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const [what, path] of [pages[3], pages[4]]) {
    await open(page, path);
    await expectAccessible(page, `${what} (ne, 1280 px)`);
  }
  await page.screenshot({ path: test.info().outputPath('funds-1280.png'), fullPage: true });
});
