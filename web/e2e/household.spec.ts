import { expect, test } from '@playwright/test';
import { organizer, publishedEvent, uniqueEmail } from './support/api';
import { mailTo } from './support/mail';
import { saveScreen } from './support/screens';

test('a family signs up, adds its household, and registers by picking its members', async ({ page }) => {
  const event = await publishedEvent(await organizer(), { childAgeMin: 3, childAgeMax: 12 });
  const email = uniqueEmail('priya');

  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Priya Shrestha');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('a long family password');
  await page.getByRole('button', { name: 'Create my account' }).click();

  // New accounts go to their household first.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My household');
  const add = async (name: string, relationship: string, birthDate: string) => {
    await page.getByLabel('Name', { exact: true }).last().fill(name);
    await page.getByLabel('Who is this to you?').last().selectOption({ label: relationship });
    await page.getByLabel('Date of birth').last().fill(birthDate);
    await page.getByRole('button', { name: 'Add to my household' }).click();
    await expect(page.getByText(`${name} is added.`)).toBeVisible();
  };
  await add('Priya Shrestha', 'Myself', '1988-04-02');
  await add('Aarav Shrestha', 'Child', '2018-09-15');
  await add('Grandpa Shrestha', 'Grandparent', '1950-01-30');
  await expect(page.getByRole('listitem').filter({ hasText: 'Aarav Shrestha' })).toContainText('child');
  await saveScreen(page, 'household-en');

  await page.goto(`/events/${event.slug}/register`);
  await expect(page.getByRole('group', { name: 'Who is coming' })).toBeVisible();
  await page.getByLabel('Priya Shrestha (adult)').check();
  await page.getByLabel('Aarav Shrestha (child)').check();
  await page.getByLabel('I agree that the organizers keep these details to run the event.').check();
  await page.getByRole('button', { name: 'Register', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are registered');
  await expect(page.getByText('Confirmed for 2 people')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Aarav Shrestha' })).toBeVisible();
  // An account holder has no private link to keep: the account is the key.
  await expect(page.getByText('Keep this link')).toHaveCount(0);

  await page.getByRole('link', { name: 'My registrations' }).click();
  await expect(page.getByRole('link', { name: event.title })).toBeVisible();
  await expect(page.getByText('Confirmed for 2 people')).toBeVisible();
  await saveScreen(page, 'my-registrations-en');
  await mailTo(email, new RegExp(event.title));
});
