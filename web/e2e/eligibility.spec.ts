import { expect, test } from '@playwright/test';
import { client, guestRegisters, organizer, publishedEvent, uniqueEmail } from './support/api';

/** A birth date that makes a child `age` on a day `days` from now (well inside that year of age). */
function bornYearsBefore(age: number, days: number): string {
  const d = new Date(Date.now() + days * 86400_000);
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString().slice(0, 10);
}

test.describe('the party rules', () => {
  test('a child too old for the event is refused on the field, naming the child and the rule', async ({ page }) => {
    const event = await publishedEvent(await organizer(), { childAgeMin: 3, childAgeMax: 12, maxPartySize: 3 }, 20);
    await page.goto(`/events/${event.slug}/register`);
    await page.getByLabel('Your name').fill('Maya Gurung');
    await page.getByLabel('Your email address').fill(uniqueEmail('maya'));
    await page.getByRole('group', { name: 'Person 1' }).getByLabel('Name').fill('Maya Gurung');
    await page.getByRole('button', { name: 'Add another person' }).click();
    const child = page.getByRole('group', { name: 'Person 2' });
    await child.getByLabel('Name').fill('Rohan Gurung');
    await child.getByLabel('Date of birth').fill(bornYearsBefore(14, 20));

    // Checked as the family types: the field says which child and which rule.
    const birthDate = child.getByLabel('Date of birth');
    await expect(birthDate).toHaveAttribute('aria-invalid', 'true');
    await expect(birthDate).toHaveAccessibleDescription(
      /Rohan Gurung will be 14 on .*This event is for children up to 12 years old\./,
    );

    await page.getByLabel('I agree that the organizers keep these details to run the event.').check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Please check these:' });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: /Rohan Gurung will be 14/ }).click();
    await expect(birthDate).toBeFocused();
    // Nothing was sent: the event still has every place.
    const after = await client().GET('/api/v1/events/{idOrSlug}', { params: { path: { idOrSlug: event.id } } });
    expect(after.data!.seatsTaken).toBe(0);

    // Too many people is said at the party, as soon as it happens.
    await page.getByRole('button', { name: 'Add another person' }).click();
    await page.getByRole('button', { name: 'Add another person' }).click();
    await expect(page.getByRole('group', { name: 'Who is coming' })).toHaveAccessibleDescription(
      /At most 3 people may come/,
    );
  });

  test("the server's errors land on the fields when the rules changed after the page was loaded", async ({ page }) => {
    const token = await organizer();
    const event = await publishedEvent(token, { childAgeMin: 3, childAgeMax: 12 }, 20);
    await page.goto(`/events/${event.slug}/register`);
    await page.getByLabel('Your name').fill('Lhakpa Sherpa');
    await page.getByLabel('Your email address').fill(uniqueEmail('lhakpa'));
    await page.getByRole('group', { name: 'Person 1' }).getByLabel('Name').fill('Lhakpa Sherpa');
    await page.getByRole('button', { name: 'Add another person' }).click();
    const child = page.getByRole('group', { name: 'Person 2' });
    await child.getByLabel('Name').fill('Nima Sherpa');
    await child.getByLabel('Date of birth').fill(bornYearsBefore(10, 20));
    await page.getByLabel('I agree that the organizers keep these details to run the event.').check();

    // Meanwhile the organizers make the event for younger children.
    const changed = await client(token).PATCH('/api/v1/events/{id}', {
      params: { path: { id: event.id } },
      body: { childAgeMax: 8 },
    });
    expect(changed.response.status).toBe(200);

    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const birthDate = child.getByLabel('Date of birth');
    await expect(birthDate).toHaveAccessibleDescription(/Not accepted: Nima Sherpa will be 10 on .*aged up to 8/);
    await expect(page.getByRole('alert').filter({ hasText: 'Please check these:' })).toBeFocused();
  });

  test('a family already registered is shown the way to its registration', async ({ page }) => {
    const event = await publishedEvent(await organizer(), {}, 20);
    const first = await guestRegisters(event.id, 'Kamala Rai', 1);
    await page.goto(`/events/${event.slug}/register`);
    await page.getByLabel('Your name').fill('Kamala Rai');
    await page.getByLabel('Your email address').fill(first.contact.email.toUpperCase());
    await page.getByRole('group', { name: 'Person 1' }).getByLabel('Name').fill('Kamala Rai');
    await page.getByLabel('I agree that the organizers keep these details to run the event.').check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page.getByText('You are already registered for this event')).toBeVisible();
    await page.getByRole('button', { name: 'Email me my link' }).click();
    await expect(page.getByText(/the link is on its way/)).toBeVisible();
  });
});

test.describe('the states of an event', () => {
  test('not open yet, closed, full without a waitlist, cancelled: each has its words and no form', async ({ page }) => {
    const token = await organizer();
    const soon = new Date(Date.now() + 5 * 86400_000).toISOString();
    const notYet = await publishedEvent(token, { registrationOpensAt: soon }, 20);
    await page.goto(`/events/${notYet.slug}`);
    await expect(page.getByText(/^Registration opens on /)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Register your family' })).toHaveCount(0);

    const full = await publishedEvent(token, { capacity: 1, waitlistEnabled: false }, 20);
    await guestRegisters(full.id, 'Tara Magar', 1);
    await page.goto(`/events/${full.slug}`);
    await expect(page.getByText('This event is full and has no waiting list.')).toBeVisible();

    const cancelled = await publishedEvent(token, {}, 20);
    await client(token).POST('/api/v1/events/{id}/cancel', { params: { path: { id: cancelled.id } } });
    await page.goto(`/events/${cancelled.slug}/register`);
    await expect(page.getByText('This event has been cancelled.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Register', exact: true })).toHaveCount(0);
    await page.goto(`/events/${cancelled.slug}`);
    await expect(page.getByText('This event has been cancelled.')).toBeVisible();
  });
});
