import { expect, test, type Page } from '@playwright/test';
import { organizer, publishedEvent, uniqueEmail } from './support/api';
import { tabTo } from './support/keyboard';
import { linkIn, mailTo } from './support/mail';

/** Registers a guest family through the form, with the keyboard alone. */
async function registerWithKeyboard(
  page: Page,
  contact: { name: string; email: string },
  persons: string[],
  labels: Labels,
) {
  await tabTo(page, page.getByLabel(labels.contactName));
  await page.keyboard.type(contact.name);
  await tabTo(page, page.getByLabel(labels.contactEmail));
  await page.keyboard.type(contact.email);
  for (let i = 0; i < persons.length; i++) {
    if (i > 0) {
      await tabTo(page, page.getByRole('button', { name: labels.addPerson }));
      await page.keyboard.press('Enter');
    }
    // Adding a person moves focus to the new person's name.
    const name = page.getByRole('group', { name: labels.person(i + 1) }).getByLabel(labels.personName);
    await tabTo(page, name);
    // The first person's name follows the contact's: written over, as a keyboard user would.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(persons[i]);
    if (i > 0) {
      // The new person starts as a child; this story's party is all adults. In a radio group Tab
      // stops on the chosen button, and the arrow keys choose another.
      await tabTo(
        page,
        page.getByRole('group', { name: labels.person(i + 1) }).getByRole('radio', { name: labels.child }),
      );
      await page.keyboard.press('ArrowLeft');
      await expect(
        page.getByRole('group', { name: labels.person(i + 1) }).getByRole('radio', { name: labels.adult }),
      ).toBeChecked();
    }
  }
  await tabTo(page, page.getByLabel(labels.consent));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: labels.submit, exact: true }));
  await page.keyboard.press('Enter');
}

interface Labels {
  contactName: string;
  contactEmail: string;
  addPerson: string;
  person: (n: number) => string;
  personName: string;
  adult: string;
  child: string;
  consent: string;
  submit: string;
}

const EN: Labels = {
  contactName: 'Your name',
  contactEmail: 'Your email address',
  addPerson: 'Add another person',
  person: (n) => `Person ${n}`,
  personName: 'Name',
  adult: 'adult',
  child: 'child',
  consent: 'I agree that the organizers keep these details to run the event.',
  submit: 'Register',
};
const NE: Labels = {
  contactName: 'तपाईंको नाम',
  contactEmail: 'तपाईंको इमेल ठेगाना',
  addPerson: 'अर्को व्यक्ति थप्नुहोस्',
  person: (n) => `व्यक्ति ${'०१२३४५६७८९'[n]}`,
  personName: 'नाम',
  adult: 'वयस्क',
  child: 'बालबालिका',
  consent: 'कार्यक्रम सञ्चालनका लागि आयोजकले यी विवरण राख्न म सहमत छु।',
  submit: 'प्रतीक्षा सूचीमा नाम लेखाउनुहोस्',
};

test('a waitlisted family sees its place, and is promoted and mailed when the confirmed family cancels from its mail', async ({
  browser,
}) => {
  const event = await publishedEvent(await organizer(), {
    capacity: 3,
    maxPartySize: 3,
    childAgeMin: null,
    childAgeMax: null,
  });
  const first = { name: 'Anna Lama', email: uniqueEmail('anna') };
  const second = { name: 'Bishnu Thapa', email: uniqueEmail('bishnu') };

  // The first family fills the event, with the keyboard alone.
  const a = await browser.newPage();
  await a.goto(`/events/${event.slug}/register`);
  await registerWithKeyboard(a, first, ['Anna Lama', 'Dawa Lama', 'Pema Lama'], EN);
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('You are registered');
  await expect(a.getByText('Confirmed for 3 people')).toBeVisible();

  // The second family, in Nepali, on another device: the event is full, so it joins the waitlist.
  const bContext = await browser.newContext({ locale: 'ne-NP' });
  const b = await bContext.newPage();
  await b.clock.install();
  await b.goto(`/events/${event.slug}?lang=ne`);
  await expect(b.getByText('भरिएको: प्रतीक्षा सूचीमा नाम लेखाउन सकिन्छ')).toBeVisible();
  await b.getByRole('link', { name: 'प्रतीक्षा सूचीमा नाम लेखाउनुहोस्' }).click();
  await registerWithKeyboard(b, second, ['Bishnu Thapa', 'Sita Thapa'], NE);
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('तपाईं प्रतीक्षा सूचीमा हुनुहुन्छ');
  await expect(b.getByText('प्रतीक्षा सूचीमा क्रम संख्या १')).toBeVisible();
  const waitlistedMail = await mailTo(second.email);
  expect(waitlistedMail.subject.length).toBeGreaterThan(0);

  // The first family cannot come: it opens the link in its confirmation mail and cancels.
  const confirmed = await mailTo(first.email);
  const manage = linkIn(confirmed, '/registrations/');
  const aPhone = await browser.newPage();
  await aPhone.goto(manage);
  await expect(aPhone).not.toHaveURL(/token=/);
  await expect(aPhone.getByText('Confirmed for 3 people')).toBeVisible();
  // ...with the keyboard alone as well.
  await tabTo(aPhone, aPhone.getByRole('button', { name: 'Cancel this registration' }));
  await aPhone.keyboard.press('Enter');
  await tabTo(aPhone, aPhone.getByRole('button', { name: 'Yes, cancel it' }));
  await aPhone.keyboard.press('Enter');
  await expect(aPhone.getByText('Cancelled', { exact: true })).toBeVisible();

  // The waitlisted family's page, still open, shows the promotion by itself; and the mail comes.
  await b.clock.fastForward(25_000);
  await expect(b.getByText('२ जनाको दर्ता पक्का भयो')).toBeVisible();
  await expect(b.getByRole('img', { name: /QR/ })).toBeVisible();
  const promoted = await mailTo(second.email, new RegExp(`^(?!${escapeRegExp(waitlistedMail.subject)}$)`));
  expect(promoted.attachments.map((x) => x.filename)).toContain('invite.ics');
  await bContext.close();
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
