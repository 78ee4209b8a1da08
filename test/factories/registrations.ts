import request from 'supertest';
import { TestApp } from '../utils/create-app';
import { bearer, TestUser } from './users';

export interface AttendeeInput {
  name?: string;
  category?: 'adult' | 'child';
  birthDate?: string;
  memberId?: string;
}

export interface RegisterOptions {
  /** One adult when left out. */
  attendees?: AttendeeInput[];
  /** A fresh contact (unique email) when left out; given fields replace the fresh ones. */
  contact?: { name?: string; email?: string; phone?: string };
  /** Registers as this account; a guest when left out. */
  caller?: TestUser;
  answers?: Record<string, unknown>;
  locale?: 'en' | 'zh-CN' | 'ne';
  consents?: { dataProcessing: boolean; photos?: boolean };
}

export interface TestRegistration {
  id: string;
  code: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  waitlistPosition: number | null;
  partySize: number;
  attendees: { id: string; name: string; category: string; birthDate: string | null; checkedInAt: string | null }[];
  contact: { name: string; email: string; phone: string | null };
  eventId: string;
  manageToken?: string;
  [field: string]: unknown;
}

let seq = 0;

export const adult = (name: string): AttendeeInput => ({ name, category: 'adult' });
export const child = (name: string, birthDate = '2018-06-01'): AttendeeInput => ({
  name,
  category: 'child',
  birthDate,
});

/** Registers a family for a published event through the api; guests get their manageToken back. */
export async function register(t: TestApp, eventId: string, opts: RegisterOptions = {}): Promise<TestRegistration> {
  seq += 1;
  const body = {
    contact: { name: `Family ${seq}`, email: `family${seq}-${Date.now()}@example.org`, ...opts.contact },
    attendees: opts.attendees ?? [adult(`Parent ${seq}`)],
    consents: opts.consents ?? { dataProcessing: true },
    ...(opts.answers ? { answers: opts.answers } : {}),
    ...(opts.locale ? { locale: opts.locale } : {}),
  };
  const req = request(t.http).post(`/api/v1/events/${eventId}/registrations`);
  const res = await (opts.caller ? req.set(bearer(opts.caller)) : req).send(body);
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Cancels through the api, as its account or with its guest token. */
export async function cancelRegistration(
  t: TestApp,
  r: TestRegistration,
  caller?: TestUser,
): Promise<TestRegistration> {
  const req = request(t.http).post(`/api/v1/registrations/${r.id}/cancel`);
  const res = await (caller ? req.set(bearer(caller)) : req.set('X-Manage-Token', r.manageToken ?? '')).send();
  if (res.status !== 200) throw new Error(`cancel failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
