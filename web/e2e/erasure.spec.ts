import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { client, guestRegisters, login, organizer, publishedEvent, signup, uniqueEmail } from './support/api';
import { expectAccessible } from './support/axe';

test('a family downloads its data, then deletes its account, and the waiting family gets its places', async ({
  page,
}) => {
  const event = await publishedEvent(await organizer(), { capacity: 2 });
  const email = uniqueEmail('lakpa');
  const password = 'a long family password';
  await signup('Lakpa Sherpa', email, password);
  const token = await login(email, password);
  const mine = await client(token).POST('/api/v1/events/{id}/registrations', {
    params: { path: { id: event.id } },
    body: {
      contact: { name: 'Lakpa Sherpa', email, phone: '+977 980 1234567' },
      attendees: [
        { name: 'Lakpa Sherpa', category: 'adult' },
        { name: 'Pemba Sherpa', category: 'child', birthDate: '2018-02-11' },
      ],
      consents: { dataProcessing: true, photos: true },
    },
  });
  expect(mine.data?.status).toBe('confirmed');
  const waiting = await guestRegisters(event.id, 'Waiting Family', 2);
  expect(waiting.status).toBe('waitlisted');

  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My registrations');
  await page.goto('/me');

  // The download is the export of everything held about the account.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kinship-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(data.profile).toMatchObject({ email, name: 'Lakpa Sherpa' });
  expect(data.registrations).toHaveLength(1);
  expect(data.registrations[0].attendees.map((a: { name: string }) => a.name)).toEqual([
    'Lakpa Sherpa',
    'Pemba Sherpa',
  ]);
  expect(data.consents).toEqual([expect.objectContaining({ eventId: event.id, photos: true })]);

  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const field = page.getByLabel('Enter your password to confirm');
  await expect(field).toBeFocused();
  await expectAccessible(page, 'me-delete');
  await field.fill('not my password');
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByText('That password is not right. Nothing was deleted.')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill(password);
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account is deleted');

  // Signed out, and the account is gone: its password opens nothing.
  await page.goto('/me');
  await expect(page.getByText('Please sign in to see this page.')).toBeVisible();
  const again = await client().POST('/api/v1/auth/login', { body: { email, password } });
  expect(again.response.status).toBe(401);
  // The seats went to the family that was waiting.
  const theirs = await client().GET('/api/v1/registrations/{id}', {
    params: { path: { id: waiting.id } },
    headers: { 'X-Manage-Token': waiting.manageToken! },
  });
  expect(theirs.data?.status).toBe('confirmed');
});

test('a guest removes the family’s details from the manage page, and the link then opens nothing', async ({ page }) => {
  const event = await publishedEvent(await organizer());
  const guest = await guestRegisters(event.id, 'Dolma Tamang', 2);
  await page.goto(`/registrations/${guest.id}#token=${guest.manageToken}`);
  await expect(page.getByText('Confirmed for 2 people')).toBeVisible();

  await page.getByRole('button', { name: 'Remove our details' }).click();
  await expect(page.getByText('Remove your details from this registration for good?')).toBeFocused();
  await page.getByRole('button', { name: 'Yes, remove them' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your details are removed');

  const after = await client().GET('/api/v1/registrations/{id}', {
    params: { path: { id: guest.id } },
    headers: { 'X-Manage-Token': guest.manageToken! },
  });
  expect(after.response.status).toBe(404);
  const seats = await client().GET('/api/v1/events/{idOrSlug}', { params: { path: { idOrSlug: event.slug } } });
  expect(seats.data?.seatsTaken).toBe(0);
});
