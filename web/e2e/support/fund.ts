import { expect, type Page } from '@playwright/test';
import type { components } from '../../src/api/schema';
import { client, login, signup, uniqueEmail } from './api';
import { stack } from './stack';

type Schemas = components['schemas'];

async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
}

/** A new account with these roles (the admin grants them): its email, id and a bearer token. */
export async function account(name: string, roles: ('organizer' | 'sponsor')[], password: string) {
  const email = uniqueEmail(roles[0]);
  const { user } = await signup(name, email, password);
  const admin = await login(stack().adminEmail, stack().adminPassword);
  await ok(
    client(admin).PUT('/api/v1/users/{id}/roles', {
      params: { path: { id: user.id } },
      body: { roles: ['family', ...roles] as Schemas['SetRolesDto']['roles'] },
    }),
  );
  return { email, id: user.id, token: await login(email, password) };
}

/** A sponsorship program of this organizer. */
export async function sponsorshipProgram(token: string, name: string) {
  return ok(
    client(token).POST('/api/v1/programs', {
      body: {
        name,
        description: 'Girls through school, one sponsor at a time.',
        kind: 'sponsorship',
      } as Schemas['CreateProgramDto'],
    }),
  );
}

/** A waiting student, set up over the api (the story's second girl). */
export async function student(token: string, programId: string, body: Partial<Schemas['CreateStudentDto']>) {
  return ok(
    client(token).POST('/api/v1/students', {
      body: {
        programId,
        fullName: 'Pema Sherpa',
        preferredName: 'Pema',
        birthDate: '2012-03-09',
        country: 'Nepal',
        region: 'Solukhumbu',
        school: { name: 'Himalayan Secondary School', town: 'Salleri' },
        gradeLevel: 'Grade 7',
        annualNeed: { amount: 6000000, currency: 'NPR' },
        guardian: { name: 'Lhakpa Sherpa', relationship: 'father', phone: '+977 980 000 1111' },
        ...body,
      },
    }),
  );
}

/** A sponsorship with one payment, set up over the api. */
export async function sponsorshipWithPayment(
  token: string,
  body: { studentId: string; programId: string; sponsorUserId: string; amount: number; currency: string },
  paid: number,
) {
  const today = new Date().toISOString().slice(0, 10);
  const s = await ok(
    client(token).POST('/api/v1/sponsorships', {
      body: {
        studentId: body.studentId,
        programId: body.programId,
        sponsorUserId: body.sponsorUserId,
        commitment: { amount: body.amount, currency: body.currency, period: 'year' },
        startDate: today,
      },
    }),
  );
  await ok(
    client(token).POST('/api/v1/sponsorships/{id}/payments', {
      params: { path: { id: s.id } },
      body: { amount: paid, currency: body.currency, receivedOn: today, method: 'bank_transfer', reference: 'SETUP' },
    }),
  );
  return s;
}

/** Opens a page and waits until it has its heading and nothing is loading. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|正在加载|लोड हुँदैछ/ })).toHaveCount(0);
}

/** Controls smaller than 24 px high (links inside text excepted). */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a, button, input, select, textarea, summary')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline';
        return r.width > 0 && r.height > 0 && !inline && r.height < 24;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}
