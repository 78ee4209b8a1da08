import { expect, type Browser, type Page } from '@playwright/test';
import { Client } from 'pg';
import type { components } from '../../src/api/schema';
import { client, login, publishedEvent, signup, uniqueEmail, type EventResponse } from './api';
import { signInPage } from './session';
import { stack } from './stack';

/**
 * Helpers for the door with several devices (checkin-devices.spec.ts): organizers of one event,
 * many families made over the api at once, door devices in their own browser contexts, codes typed
 * as a USB scanner types them, and the rows the server ends with, read from Postgres itself.
 */
export type Registration = components['schemas']['RegistrationResponse'];

const PASSWORD = 'door-organizer-password';

export interface Organizer {
  email: string;
  token: string;
  userId: string;
}

async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
}

/** Organizer accounts (the admin grants the role), made at once. */
export async function organizers(names: string[]): Promise<Organizer[]> {
  const admin = await login(stack().adminEmail, stack().adminPassword);
  return Promise.all(
    names.map(async (name) => {
      const email = uniqueEmail(name.split(' ')[0]);
      const { user } = await signup(name, email, PASSWORD);
      await ok(
        client(admin).PUT('/api/v1/users/{id}/roles', {
          params: { path: { id: user.id } },
          body: { roles: ['family', 'organizer'] },
        }),
      );
      return { email, token: await login(email, PASSWORD), userId: user.id };
    }),
  );
}

/** A published event of the first organizer, which the others organize with it. */
export async function sharedEvent(
  [owner, ...others]: Organizer[],
  overrides: Parameters<typeof publishedEvent>[1],
): Promise<EventResponse> {
  const event = await publishedEvent(owner.token, overrides);
  await ok(
    client(owner.token).PUT('/api/v1/events/{id}/organizers', {
      params: { path: { id: event.id } },
      body: { userIds: others.map((o) => o.userId) },
    }),
  );
  return event;
}

const SURNAMES = ['Rai', 'Gurung', 'Tamang', 'Chen', 'Li', 'Wang', 'Thapa', 'Lama', 'Zhang', 'Shrestha', 'Liu', 'KC'];

/**
 * Families registering as guests over the api, `sizes[i]` persons in family i (two adults, the rest
 * children), sent a few at a time so many families take seconds. Family i's contact is
 * "<Surname> <i>" (e.g. "Chen 007"), unique in the event, and no name is a prefix of another.
 */
export async function families(eventId: string, sizes: number[], atOnce = 8): Promise<Registration[]> {
  const childBorn = `${new Date().getUTCFullYear() - 7}-05-04`;
  const register = (size: number, i: number) => {
    const name = `${SURNAMES[i % SURNAMES.length]} ${String(i).padStart(3, '0')}`;
    return ok(
      client().POST('/api/v1/events/{id}/registrations', {
        params: { path: { id: eventId } },
        body: {
          contact: { name, email: uniqueEmail(`family${i}`) },
          attendees: Array.from({ length: size }, (_, k) =>
            k < 2
              ? { name: `${name} ${'AB'[k]}`, category: 'adult' as const }
              : { name: `${name} ${'CDEFG'[k - 2]}`, category: 'child' as const, birthDate: childBorn },
          ),
          consents: { dataProcessing: true, photos: false },
        },
      }),
    ) as Promise<Registration>;
  };
  const out: Registration[] = [];
  for (let i = 0; i < sizes.length; i += atOnce) {
    out.push(...(await Promise.all(sizes.slice(i, i + atOnce).map((size, k) => register(size, i + k)))));
  }
  return out;
}

/** A door device: its own browser context (its own IndexedDB), signed in with a session cookie, the list downloaded. */
export async function device(
  browser: Browser,
  who: Organizer,
  eventId: string,
  viewport = { width: 360, height: 780 },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack().baseURL, viewport });
  const page = await context.newPage();
  await signInPage(page, who.email, PASSWORD);
  await page.goto(`/checkin/${eventId}`);
  await expect(page.getByText(/^List updated /)).toBeVisible();
  // The app's files are kept for offline use before the network may go.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return page;
}

/** A code as a USB scanner sends it: the characters into the focused code field, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Check-in code');
  await field.fill(code);
  await field.press('Enter');
}

function names(family: Registration, only?: string[]): string {
  return family.attendees
    .filter((a) => !only || only.includes(a.id))
    .map((a) => a.name)
    .join(', ');
}

/**
 * Scans a family's code and checks in its party: everyone not yet in, or only the attendees named
 * (the others are unticked). `alreadyIn`: attendees checked in before, shown without a box.
 */
export async function checkIn(
  page: Page,
  family: Registration,
  opts: { only?: string[]; alreadyIn?: string[] } = {},
): Promise<void> {
  await scan(page, family.code);
  const panel = page
    .locator('form')
    .filter({ has: page.getByRole('heading', { name: `Family of ${family.contact.name}` }) });
  const waiting = family.attendees.filter((a) => !opts.alreadyIn?.includes(a.id)).map((a) => a.id);
  const chosen = opts.only ?? waiting;
  for (const a of family.attendees) {
    if (waiting.includes(a.id) && !chosen.includes(a.id)) {
      await panel.getByRole('checkbox', { name: new RegExp(`^${a.name} `) }).uncheck();
    }
  }
  const n = chosen.length;
  await panel
    .getByRole(
      'button',
      n === waiting.length ? { name: 'Check in', exact: true } : { name: `Check in ${n} person${n === 1 ? '' : 's'}` },
    )
    .click();
  await expect(page.getByText(`Checked in: ${names(family, chosen)}.`, { exact: true })).toBeVisible();
}

/** Scans a family already checked in and takes its check-in back. */
export async function undoCheckIn(page: Page, family: Registration): Promise<void> {
  await scan(page, family.code);
  await expect(page.getByText(new RegExp(`^${family.contact.name}: already checked in at `))).toBeVisible();
  await page.getByRole('button', { name: 'Undo check-in' }).click();
  await expect(page.getByText(`Check-in taken back: ${names(family)}.`, { exact: true })).toBeVisible();
}

/** Reads Postgres itself: what the test expects the server to hold, not what the api says. */
export async function query<R>(sql: string, params: unknown[]): Promise<R[]> {
  const db = new Client({ connectionString: stack().databaseUrl });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as R[];
  } finally {
    await db.end();
  }
}

/** Nothing sticks out sideways: the page never scrolls horizontally at its width. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wide, `${what} scrolls sideways by ${wide} px`).toBe(0);
}
