import { expect, type BrowserContext, type Page } from '@playwright/test';
import { stack } from './stack';

/**
 * Signs a page (or a whole browser context) in as the login form does, with a session cookie; with
 * `lang`, the account's language is set to it too, as a family choosing it would.
 */
export async function signInPage(
  page: Page | BrowserContext,
  email: string,
  password: string,
  lang?: string,
): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email, password, session: 'cookie' } });
  expect(res.status()).toBe(200);
  if (!lang) return;
  const set = await page.request.patch('/api/v1/me', { data: { locale: lang }, headers: { Origin: stack().baseURL } });
  expect(set.status()).toBe(200);
}
