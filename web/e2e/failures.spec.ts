import { expect, test } from '@playwright/test';
import { organizer, publishedEvent, uniqueEmail } from './support/api';

const problem = (status: number, code: string, extra: object = {}) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title: code, status, detail: code, code, ...extra }),
});

test.describe('when the network or the server fails, the family is told what happened', () => {
  test('offline: a banner says so, and a search that cannot be sent says why', async ({ page, context }) => {
    await page.goto('/events');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
    await context.setOffline(true);
    await expect(page.getByText('You are offline. What you see may be out of date', { exact: false })).toBeVisible();
    await page.getByLabel('Search').fill('picnic');
    await page.getByRole('button', { name: 'Show events' }).click();
    await expect(page.getByText('You seem to be offline. Check your connection and try again.')).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByText('You are offline.', { exact: false })).toHaveCount(0);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText(/events? found/)).toBeVisible();
  });

  test('a server error shows its error code, and retrying works once the server is back', async ({ page }) => {
    let fail = true;
    await page.route('**/api/v1/events?*', (route) =>
      fail ? route.fulfill(problem(500, 'internal_error', { errorId: 'err-7f3a' })) : route.continue(),
    );
    await page.goto('/events');
    await expect(
      page.getByText(
        'Something went wrong on our side. Please try again. If it keeps happening, tell the organizers this code: err-7f3a',
      ),
    ).toBeVisible();
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText(/events? found/)).toBeVisible();
  });

  test('too many tries, and a busy server, are explained when registering', async ({ page }) => {
    const event = await publishedEvent(await organizer());
    let answer = problem(429, 'rate_limited');
    await page.route(`**/api/v1/events/${event.id}/registrations`, (route) =>
      route.fulfill({ ...answer, headers: { 'Retry-After': '42' } }),
    );
    await page.goto(`/events/${event.slug}/register`);
    await page.getByLabel('Your name').fill('Gita Tamang');
    await page.getByLabel('Your email address').fill(uniqueEmail('gita'));
    await page.getByRole('group', { name: 'Person 1' }).getByLabel('Name').fill('Gita Tamang');
    await page.getByLabel('I agree that the organizers keep these details to run the event.').check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page.getByText('Too many tries. Please wait 42 seconds and try again.')).toBeVisible();

    answer = problem(503, 'service_unavailable');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page.getByText('The service is busy right now. Please try again in a minute.')).toBeVisible();

    // The same form sent again goes out with the same idempotency key: one registration at most.
    const keys: string[] = [];
    await page.unroute(`**/api/v1/events/${event.id}/registrations`);
    await page.route(`**/api/v1/events/${event.id}/registrations`, async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      await route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page.getByText('You seem to be offline.', { exact: false })).toBeVisible();
    await page.unroute(`**/api/v1/events/${event.id}/registrations`);
    await page.route(`**/api/v1/events/${event.id}/registrations`, async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      await route.continue();
    });
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are registered');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  test('a page that does not exist says so, with a way back', async ({ page }) => {
    const res = await page.goto('/events/no-such-event-anywhere');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'See the events' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
  });
});
