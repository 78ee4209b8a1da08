import { expect, type Page, type Response } from '@playwright/test';
import { client, login, organizer, signup, uniqueEmail } from './api';
import { stack } from './stack';

async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: globalThis.Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
}

/** Today (UTC) as YYYY-MM-DD, `months` months away, clamped to the month's end (as the due dates are). */
export function monthsFromToday(months: number): string {
  const now = new Date();
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() + months;
  const y = Math.floor(total / 12);
  const m = total % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(Math.min(now.getUTCDate(), last)).padStart(2, '0')}`;
}

/** `date` plus `months` months, clamped to the month's end, as the api counts due dates. */
function addMonths(date: string, months: number): string {
  const [y0, m0, d] = date.split('-').map(Number);
  const total = y0 * 12 + (m0 - 1) + months;
  const y = Math.floor(total / 12);
  const m = total % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A monthly start four or five months back from which today is a due date (so its payment-due
 * mail goes out today): the month chosen is long enough to hold today's day of the month.
 */
export function monthlyStartDueToday(): string {
  const today = monthsFromToday(0);
  const k = [4, 5].find((n) => addMonths(monthsFromToday(-n), n) === today)!;
  return monthsFromToday(-k);
}

export interface SponsorAccount {
  id: string;
  name: string;
  email: string;
  password: string;
  sponsorshipId: string;
}

export interface SponsorWorld {
  organizerToken: string;
  studentId: string;
  preferredName: string;
  /** What no sponsor may ever receive about the student. */
  secret: { fullName: string; birthDate: string; region: string; guardianName: string; guardianPhone: string };
  reportId: string;
  a: SponsorAccount;
  b: SponsorAccount;
}

/** A sponsor account: signed up, given the sponsor role by the admin. */
async function sponsorAccount(
  name: string,
  locale: 'en' | 'zh-CN' | 'ne',
): Promise<Omit<SponsorAccount, 'sponsorshipId'>> {
  const email = uniqueEmail(name.split(' ')[0]);
  const password = 'sponsor password 1';
  const { user } = await signup(name, email, password, locale as 'en');
  const admin = await login(stack().adminEmail, stack().adminPassword);
  await ok(
    client(admin).PUT('/api/v1/users/{id}/roles', {
      params: { path: { id: user.id } },
      body: { roles: ['family', 'sponsor'] },
    }),
  );
  return { id: user.id, name, email, password };
}

/**
 * One student shared by two sponsors, through the api as the program's organizer: A gives
 * USD 42.73 a month since four or five months ago, today a due date, and paid two months (so dues are overdue); B gives
 * NPR 987.65 a year from today and paid it. One report is published.
 */
export async function sponsorWorld(): Promise<SponsorWorld> {
  const organizerToken = await organizer();
  const o = client(organizerToken);
  const program = await ok(
    o.POST('/api/v1/programs', {
      body: { name: `Education Fund ${uniqueEmail('p').slice(2, 10)}`, kind: 'sponsorship', description: '' },
    }),
  );
  const secret = {
    fullName: 'Pabitra Kumari Lamichhane',
    birthDate: '2012-07-09',
    region: 'Sindhupalchok Upper Valley',
    guardianName: 'Tek Bahadur Lamichhane',
    guardianPhone: '+977 9803 672 418',
  };
  const student = await ok(
    o.POST('/api/v1/students', {
      body: {
        programId: program.id,
        fullName: secret.fullName,
        preferredName: 'Pabi',
        birthDate: secret.birthDate,
        country: 'Nepal',
        region: secret.region,
        school: { name: 'Shree Saraswati Secondary School', town: 'Chautara' },
        gradeLevel: 'Grade 9',
        annualNeed: { amount: 60000, currency: 'USD' },
        guardian: { name: secret.guardianName, relationship: 'father', phone: secret.guardianPhone },
        consents: [{ purpose: 'share_progress', grantedBy: 'Tek (father)', grantedAt: '2026-01-05T00:00:00Z' }],
      } as never,
    }),
  );
  const a = await sponsorAccount('Margaret Ashworth', 'en');
  const b = await sponsorAccount('Lin Xiaoyu Beta', 'zh-CN');
  const sponsorship = (sponsorUserId: string, commitment: object, startDate: string) =>
    ok(
      o.POST('/api/v1/sponsorships', {
        body: { studentId: student.id, sponsorUserId, programId: program.id, commitment, startDate } as never,
      }),
    );
  const sa = await sponsorship(a.id, { amount: 4273, currency: 'USD', period: 'month' }, monthlyStartDueToday());
  const sb = await sponsorship(b.id, { amount: 98765, currency: 'NPR', period: 'year' }, monthsFromToday(0));
  const pay = (id: string, body: object) =>
    ok(o.POST('/api/v1/sponsorships/{id}/payments', { params: { path: { id } }, body: body as never }));
  const today = monthsFromToday(0);
  await pay(sa.id, {
    amount: 4273,
    currency: 'USD',
    receivedOn: today,
    method: 'bank_transfer',
    reference: 'ASH-0001',
  });
  await pay(sa.id, { amount: 4273, currency: 'USD', receivedOn: today, method: 'card', reference: 'ASH-0002' });
  await pay(sb.id, {
    amount: 98765,
    currency: 'NPR',
    receivedOn: today,
    method: 'mobile_money',
    reference: 'LIN-7731',
  });
  const report = await ok(
    o.POST('/api/v1/students/{id}/reports', {
      params: { path: { id: student.id } },
      body: {
        term: '2026 Term 2',
        gradeLevel: 'Grade 9',
        subjects: [
          { name: 'Mathematics', grade: 'A' },
          { name: 'Science', grade: 'A-' },
          { name: 'English', grade: 'B+' },
        ],
        attendanceRate: 0.96,
        promoted: true,
        summary: 'Pabi came first in the district science fair. She now helps younger girls with reading after school.',
        published: true,
      } as never,
    }),
  );
  return {
    organizerToken,
    studentId: student.id,
    preferredName: 'Pabi',
    secret,
    reportId: report.id,
    a: { ...a, sponsorshipId: sa.id },
    b: { ...b, sponsorshipId: sb.id },
  };
}

/** The organizer withdraws the student's consent to share her progress. */
export async function withdrawShareProgress(w: SponsorWorld): Promise<void> {
  await ok(
    client(w.organizerToken).POST('/api/v1/students/{id}/consents/{purpose}/withdraw', {
      params: { path: { id: w.studentId, purpose: 'share_progress' } },
    } as never),
  );
}

/** Every body the page's browser receives (documents, scripts, JSON, CSV), kept for a search. */
export function recordResponses(page: Page): { texts: string[]; settle: () => Promise<void> } {
  const texts: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res: Response) => {
    pending.push(
      res
        .body()
        .then((b) => void texts.push(`${res.url()}\n${JSON.stringify(res.headers())}\n${b.toString('utf8')}`))
        .catch(() => undefined), // a redirect or an aborted request has no body
    );
  });
  return { texts, settle: async () => void (await Promise.all(pending)) };
}

/** Each way a date may be written on a page or in an answer, in the three languages. */
export function dateForms(iso: string): string[] {
  const at = new Date(`${iso}T00:00:00Z`);
  const [y, m, d] = iso.split('-').map(Number);
  const forms = [iso, `${d}/${m}/${y}`, `${m}/${d}/${y}`, `${y}年${m}月${d}日`, `${iso.replace(/-/g, '')}`];
  for (const locale of ['en-GB', 'en-US', 'zh-CN', 'ne-NP']) {
    for (const dateStyle of ['long', 'medium', 'full'] as const) {
      forms.push(new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' }).format(at));
    }
  }
  const deva = (s: string) => s.replace(/[0-9]/g, (c) => '०१२३४५६७८९'[Number(c)]);
  return [...new Set([...forms, ...forms.map(deva)])];
}

/** An amount in minor units as it may appear: raw, in major units, grouped, in Devanagari digits. */
export function amountForms(minor: number): string[] {
  const major = (minor / 100).toFixed(2);
  const grouped = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2 }).format(minor / 100);
  const forms = [String(minor), major, grouped];
  const deva = (s: string) => s.replace(/[0-9]/g, (c) => '०१२३४५६७८९'[Number(c)]);
  return [...new Set([...forms, ...forms.map(deva)])];
}

/** Asserts none of `forbidden` is in any of `texts`, naming what leaked where. */
export function expectNoLeak(texts: string[], forbidden: string[], who: string): void {
  const found: string[] = [];
  for (const text of texts) {
    for (const f of forbidden) if (text.includes(f)) found.push(`${f} in ${text.split('\n')[0].slice(0, 120)}`);
  }
  expect(found, `what ${who}'s browser received`).toEqual([]);
}
