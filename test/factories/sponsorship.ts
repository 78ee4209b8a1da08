import request from 'supertest';
import { TestApp } from '../utils/create-app';
import { createProgram, TestProgram } from './programs';
import { bearer, TestUser } from './users';

let seq = 0;

/** A full student body; every identifying value is unique, so a leak is easy to spot. */
export function studentBody(programId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    programId,
    fullName: `Asha Kumari Tamang ${seq}x`,
    preferredName: `Asha${seq}`,
    birthDate: '2011-04-02',
    country: 'Nepal',
    region: `Kavrepalanchok Region ${seq}`,
    school: { name: 'Shree Janata Secondary School', town: 'Dhulikhel' },
    gradeLevel: 'Grade 8',
    annualNeed: { amount: 36000, currency: 'USD' },
    guardian: { name: `Sita Guardian ${seq}`, relationship: 'mother', phone: `+977 981 ${String(100000 + seq)}` },
    consents: [{ purpose: 'share_progress', grantedBy: 'Sita (mother)', grantedAt: '2025-01-10T00:00:00Z' }],
    ...overrides,
  };
}

export const sponsorshipProgram = (t: TestApp, organizer: TestUser) =>
  createProgram(t, organizer, { kind: 'sponsorship' }) as Promise<TestProgram>;

export async function createStudent(
  t: TestApp,
  organizer: TestUser,
  programId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await request(t.http)
    .post('/api/v1/students')
    .set(bearer(organizer))
    .send(studentBody(programId, overrides));
  if (res.status !== 201) throw new Error(`student create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createSponsorship(
  t: TestApp,
  organizer: TestUser,
  body: {
    studentId: string;
    sponsorUserId: string;
    programId: string;
    commitment?: { amount: number; currency: string; period: string };
    startDate?: string;
    endDate?: string;
  },
) {
  const res = await request(t.http)
    .post('/api/v1/sponsorships')
    .set(bearer(organizer))
    .send({ commitment: { amount: 3000, currency: 'USD', period: 'month' }, startDate: today(), ...body });
  if (res.status !== 201) throw new Error(`sponsorship create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function recordPayment(
  t: TestApp,
  organizer: TestUser,
  sponsorshipId: string,
  body: Partial<{ amount: number; currency: string; receivedOn: string; method: string; reference: string }> = {},
) {
  const res = await request(t.http)
    .post(`/api/v1/sponsorships/${sponsorshipId}/payments`)
    .set(bearer(organizer))
    .send({ amount: 3000, currency: 'USD', receivedOn: today(), method: 'bank_transfer', ...body });
  if (res.status !== 201) throw new Error(`payment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Today (UTC) as YYYY-MM-DD, shifted by `days`. */
export function today(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `months` months, clamped to the month's end. */
export function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
