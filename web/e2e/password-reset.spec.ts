import { expect, test } from '@playwright/test';
import { signup, uniqueEmail } from './support/api';
import { linkIn, mailTo } from './support/mail';

test('a family resets its forgotten password from the mail and signs in with the new one', async ({ page }) => {
  const email = uniqueEmail('sunita');
  await signup('Sunita Karki', email, 'the old password');

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByText(`If ${email} has an account, a link is on its way.`, { exact: false })).toBeVisible();

  const mail = await mailTo(email, /password/i);
  const link = linkIn(mail, '/reset-password');
  await page.goto(link);
  // The secret leaves the address bar at once.
  await expect(page).not.toHaveURL(/token/);
  await page.getByLabel('New password').fill('the new password');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByText('Your password is changed. Please sign in with it.')).toBeVisible();

  // The same link does not work twice, opened again here or in a new tab.
  await page.goto(link);
  await page.getByLabel('New password').fill('yet another password');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByText('This link has expired or was already used.')).toBeVisible();
  const again = await page.context().newPage();
  await again.goto(link);
  await again.getByLabel('New password').fill('yet another password');
  await again.getByRole('button', { name: 'Save my new password' }).click();
  await expect(again.getByText('This link has expired or was already used.')).toBeVisible();
  await again.close();

  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('the old password');
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect(page.getByText('That email address and password do not match.', { exact: false })).toBeVisible();
  await page.getByLabel('Password').fill('the new password');
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My registrations');
});
