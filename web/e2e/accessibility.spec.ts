import { expect, test, type Browser, type Page } from '@playwright/test';
import { client, guestRegisters, login, organizer, publishedEvent, signup, uniqueEmail } from './support/api';
import { accountWith } from './support/admin';
import { expectAccessible } from './support/axe';
import { sponsorshipProgram, student } from './support/fund';
import { saveScreen } from './support/screens';
import { signInPage } from './support/session';
import { stack } from './support/stack';

const LANGUAGES = ['en', 'zh-CN', 'ne'] as const;
const WIDTHS = [360, 1280] as const;
/** The main pages, saved as screenshots in English and Chinese at phone width. */
const SCREENS = new Set(['home', 'events', 'event', 'register', 'register-errors', 'manage-waitlisted', 'login']);

interface World {
  eventSlug: string;
  fullSlug: string;
  waitlistedLink: string;
  familyEmail: string;
}
let world: World;

test.beforeAll(async () => {
  const token = await organizer();
  const event = await publishedEvent(token, { title: 'Family Picnic by the River', childAgeMin: 2, childAgeMax: 12 });
  const full = await publishedEvent(token, { title: 'Story Morning', capacity: 2, maxPartySize: 2 });
  await guestRegisters(full.id, 'Asha Rai', 2);
  const waitlisted = await guestRegisters(full.id, 'Binod KC', 2);
  const familyEmail = uniqueEmail('family');
  await signup('Hari Adhikari', familyEmail, 'family password 1');
  const family = await login(familyEmail, 'family password 1');
  const f = client(family);
  await f.POST('/api/v1/me/household/members', {
    body: { name: 'Hari Adhikari', relationship: 'self', birthDate: '1985-06-01' },
  });
  await f.POST('/api/v1/me/household/members', {
    body: { name: 'Kiran Adhikari', relationship: 'child', birthDate: '2017-02-11' },
  });
  const admin = await login(stack().adminEmail, stack().adminPassword);
  const me = await f.GET('/api/v1/me');
  await client(admin).PUT('/api/v1/users/{id}/roles', {
    params: { path: { id: me.data!.id } },
    body: { roles: ['family', 'sponsor'] },
  });
  world = {
    eventSlug: event.slug,
    fullSlug: full.slug,
    waitlistedLink: `/registrations/${waitlisted.id}#token=${waitlisted.manageToken}`,
    familyEmail,
  };
});

/** Signs the family in as the browser does (a session cookie), its account set to this language. */
async function signIn(page: Page, lang: string): Promise<void> {
  await signInPage(page, world.familyEmail, 'family password 1', lang);
}

/** Every page of the public app, in the state a family meets it. */
const PAGES: { name: string; open: (page: Page) => Promise<void>; signedIn?: boolean }[] = [
  { name: 'home', open: (p) => goto(p, '/') },
  { name: 'events', open: (p) => goto(p, '/events') },
  { name: 'event', open: (p) => goto(p, `/events/${world.eventSlug}`) },
  { name: 'event-full', open: (p) => goto(p, `/events/${world.fullSlug}`) },
  { name: 'register', open: (p) => goto(p, `/events/${world.eventSlug}/register`) },
  {
    name: 'register-errors',
    open: async (p) => {
      await goto(p, `/events/${world.eventSlug}/register`);
      await p.locator('button[type=submit]').click();
      await expect(p.locator('.error-summary')).toBeFocused();
    },
  },
  { name: 'manage-waitlisted', open: (p) => goto(p, world.waitlistedLink) },
  { name: 'manage-no-link', open: (p) => goto(p, '/registrations/00000000-0000-4000-8000-000000000000') },
  { name: 'login', open: (p) => goto(p, '/login') },
  { name: 'signup', open: (p) => goto(p, '/signup') },
  { name: 'reset-password', open: (p) => goto(p, '/reset-password') },
  { name: 'reset-password-new', open: (p) => goto(p, '/reset-password#token=not-a-real-token') },
  { name: 'not-found', open: (p) => goto(p, '/no/such/page') },
  {
    name: 'unsubscribe',
    open: (p) => goto(p, '/unsubscribe/00000000-0000-4000-8000-000000000000?token=not-a-real-token'),
  },
  { name: 'me', open: (p) => goto(p, '/me'), signedIn: true },
  { name: 'household', open: (p) => goto(p, '/me/household'), signedIn: true },
  { name: 'my-registrations', open: (p) => goto(p, '/me/registrations'), signedIn: true },
  { name: 'sponsorships', open: (p) => goto(p, '/me/sponsorships'), signedIn: true },
  { name: 'console', open: (p) => goto(p, '/console'), signedIn: true },
  { name: 'checkin', open: (p) => goto(p, '/checkin/00000000-0000-4000-8000-000000000000'), signedIn: true },
];

let currentLang: string = 'en';
async function goto(page: Page, path: string): Promise<void> {
  const [base, hash] = path.split('#');
  const sep = base.includes('?') ? '&' : '?';
  await page.goto(`${base}${sep}lang=${currentLang}${hash ? `#${hash}` : ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|正在加载|लोड हुँदैछ/ })).toHaveCount(0);
}

async function newPage(browser: Browser, width: number, lang: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    locale: lang === 'ne' ? 'ne-NP' : lang,
  });
  return context.newPage();
}

for (const lang of LANGUAGES) {
  for (const width of WIDTHS) {
    test(`every public page passes axe-core in ${lang} at ${width} px`, async ({ browser }) => {
      currentLang = lang;
      const page = await newPage(browser, width, lang);
      for (const p of PAGES.filter((x) => !x.signedIn)) {
        await p.open(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expectAccessible(page, `${p.name} (${lang}, ${width} px)`);
        if (width === 360 && lang !== 'ne' && SCREENS.has(p.name)) await saveScreen(page, `${p.name}-${lang}`);
      }
      await signIn(page, lang);
      for (const p of PAGES.filter((x) => x.signedIn)) {
        await p.open(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expectAccessible(page, `${p.name} (${lang}, ${width} px)`);
      }
      // Tap targets: every link and control of the last pages is at least 24 px high (WCAG 2.2 AA 2.5.8).
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
      await page.context().close();
    });
  }
}

/** The check-in app at the door, at phone width: the list, a family to check in, an unknown code, offline. */
for (const lang of LANGUAGES) {
  test(`the check-in app passes axe-core in ${lang} at 360 px`, async ({ browser }) => {
    const email = uniqueEmail('door');
    const { user } = await signup('Door Organizer', email, 'organizer password 1');
    const admin = await login(stack().adminEmail, stack().adminPassword);
    await client(admin).PUT('/api/v1/users/{id}/roles', {
      params: { path: { id: user.id } },
      body: { roles: ['family', 'organizer'] },
    });
    const event = await publishedEvent(await login(email, 'organizer password 1'), { title: 'Door Check' });
    const family = await guestRegisters(event.id, 'Asha Rai', 3);
    const page = await newPage(browser, 360, lang);
    await signInPage(page, email, 'organizer password 1');
    currentLang = lang;
    await goto(page, `/checkin/${event.id}`);
    const code = page.getByRole('textbox');
    await expect(code).toBeFocused();
    await expectAccessible(page, `check-in (${lang})`);
    await code.fill(family.code);
    await code.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(3);
    await expectAccessible(page, `check-in, a family (${lang})`);
    // Tap targets at the door: every control at least 24 px high (WCAG 2.2 AA 2.5.8).
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main a, main button, main input')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && r.height < 24;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);
    if (lang !== 'ne') await saveScreen(page, `checkin-${lang}`);
    await page.context().setOffline(true);
    await code.fill('ZZZZZZ');
    await code.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);
    await expectAccessible(page, `check-in offline, an unknown code (${lang})`);
    await page.context().close();
  });
}

test('the accessibility check fails on a page that breaks a rule (it is not a check that cannot fail)', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    document.querySelector('main')!.append(input);
  });
  await expect(expectAccessible(page, 'a page with an unlabelled field')).rejects.toThrow(/label/);
});

/** The organizers' console, as an organizer meets it: the events, a dashboard with a chart, the lists, a family. */
test.describe('the console', () => {
  const consoleWorld = {
    email: uniqueEmail('console-a11y'),
    eventId: '',
    registrationId: '',
    programId: '',
    fundId: '',
    studentId: '',
  };

  test.beforeAll(async () => {
    const { user } = await signup('Sita Tamang', consoleWorld.email, 'organizer password 1');
    const admin = await login(stack().adminEmail, stack().adminPassword);
    await client(admin).PUT('/api/v1/users/{id}/roles', {
      params: { path: { id: user.id } },
      body: { roles: ['family', 'organizer'] },
    });
    const token = await login(consoleWorld.email, 'organizer password 1');
    const program = await client(token).POST('/api/v1/programs', {
      body: { name: 'Harvest Circle', kind: 'events', description: 'Autumn gatherings' },
    });
    consoleWorld.programId = program.data!.id;
    const event = await publishedEvent(token, {
      title: 'Harvest Fair',
      capacity: 4,
      maxPartySize: 3,
      programId: consoleWorld.programId,
    });
    const first = await guestRegisters(event.id, 'Asha Rai', 3);
    await guestRegisters(event.id, 'Binod KC', 2); // waitlisted
    consoleWorld.eventId = event.id;
    consoleWorld.registrationId = first.id;
    const fund = await sponsorshipProgram(token, 'Girls to School Fund');
    consoleWorld.fundId = fund.id;
    consoleWorld.studentId = (await student(token, fund.id, {})).id;
  });

  const CONSOLE_PAGES = [
    { name: 'console-events', path: () => '/console' },
    { name: 'console-dashboard', path: () => `/console/events/${consoleWorld.eventId}` },
    { name: 'console-attendees', path: () => `/console/events/${consoleWorld.eventId}/attendees` },
    { name: 'console-waitlist', path: () => `/console/events/${consoleWorld.eventId}/attendees?status=waitlisted` },
    {
      name: 'console-family',
      path: () => `/console/events/${consoleWorld.eventId}/attendees/${consoleWorld.registrationId}`,
    },
    { name: 'console-program', path: () => `/console/programs/${consoleWorld.programId}` },
    { name: 'console-editor-new', path: () => '/console/events/new' },
    { name: 'console-editor', path: () => `/console/events/${consoleWorld.eventId}/edit` },
    { name: 'console-messages', path: () => `/console/events/${consoleWorld.eventId}/messages` },
    { name: 'console-waitlist-order', path: () => `/console/events/${consoleWorld.eventId}/waitlist` },
    { name: 'console-programs', path: () => '/console/programs' },
    { name: 'console-sponsorship', path: () => '/console/sponsorship' },
    { name: 'console-students', path: () => `/console/sponsorship/programs/${consoleWorld.fundId}` },
    { name: 'console-enrol', path: () => `/console/sponsorship/programs/${consoleWorld.fundId}/enrol` },
    { name: 'console-student', path: () => `/console/sponsorship/students/${consoleWorld.studentId}` },
    { name: 'console-funds', path: () => `/console/sponsorship/programs/${consoleWorld.fundId}/funds` },
  ];

  for (const lang of LANGUAGES) {
    // Both widths in English; the other languages at phone width (the layout does not change with them).
    const widths = lang === 'en' ? WIDTHS : ([360] as const);
    test(`every console page passes axe-core in ${lang} at ${widths.join(' and ')} px`, async ({ browser }) => {
      currentLang = lang;
      const page = await newPage(browser, 360, lang);
      await signInPage(page, consoleWorld.email, 'organizer password 1', lang);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        for (const p of CONSOLE_PAGES) {
          await goto(page, p.path());
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          // The chart's table open, so axe reads it too.
          if (p.name === 'console-dashboard') await page.locator('details summary').click();
          await expectAccessible(page, `${p.name} (${lang}, ${width} px)`);
          const small = await page.evaluate(() =>
            [...document.querySelectorAll('a, button, input, select, textarea, summary')]
              .filter((el) => {
                const r = el.getBoundingClientRect();
                const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline';
                return r.width > 0 && r.height > 0 && !inline && r.height < 24;
              })
              .map((el) => el.outerHTML.slice(0, 80)),
          );
          expect(small, `tap targets of ${p.name}`).toEqual([]);
        }
      }
      await page.context().close();
    });
  }

  /** The admin's pages: users and roles, the mail log, one mail's history. */
  for (const lang of LANGUAGES) {
    const widths = lang === 'en' ? WIDTHS : ([360] as const);
    test(`the admin pages pass axe-core in ${lang} at ${widths.join(' and ')} px`, async ({ browser }) => {
      currentLang = lang;
      const admin = await accountWith('Mina Admin', ['admin']);
      const mails = await client(admin.token).GET('/api/v1/notifications', { params: { query: { limit: 1 } } });
      const mailId = mails.data!.items[0].id;
      const page = await newPage(browser, 360, lang);
      await signInPage(page, admin.email, admin.password, lang);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of ['/console/admin/users', '/console/admin/mails', `/console/admin/mails/${mailId}`]) {
          await goto(page, path);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expectAccessible(page, `${path} (${lang}, ${width} px)`);
        }
      }
      await page.context().close();
    });
  }
});
