import { expect } from '@playwright/test';
import { client, login, signup, uniqueEmail } from './api';
import { stack } from './stack';

export const EDITOR_PASSWORD = 'organizer password 1';

/** A new organizer account (the admin grants the role): its id, email and a bearer token. */
export async function organizerAccount(name: string): Promise<{ id: string; email: string; token: string }> {
  const email = uniqueEmail('editor');
  const { user } = await signup(name, email, EDITOR_PASSWORD);
  const admin = await login(stack().adminEmail, stack().adminPassword);
  const roles = await client(admin).PUT('/api/v1/users/{id}/roles', {
    params: { path: { id: user.id } },
    body: { roles: ['family', 'organizer'] },
  });
  expect(roles.response.status).toBe(200);
  return { id: user.id, email, token: await login(email, EDITOR_PASSWORD) };
}

/** A guest family registers through the api, answering the event's questions, in its language. */
export async function familyRegisters(
  eventId: string,
  name: string,
  persons: number,
  answers: Record<string, unknown>,
  locale: 'en' | 'zh-CN' | 'ne',
): Promise<{ id: string; email: string; status: string }> {
  const email = uniqueEmail(name.split(' ')[0]);
  const res = await client().POST('/api/v1/events/{id}/registrations', {
    params: { path: { id: eventId } },
    body: {
      contact: { name, email },
      attendees: Array.from({ length: persons }, (_, i) => ({ name: `${name} ${i + 1}`, category: 'adult' as const })),
      answers,
      consents: { dataProcessing: true, photos: false },
      locale,
    },
  });
  expect(res.response.status, JSON.stringify(res.error)).toBe(201);
  return { id: res.data!.id, email, status: res.data!.status };
}

/** `YYYY-MM-DDTHH:mm`, `days` from now at `hour` o'clock, as a datetime-local input takes it. */
export function localInput(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}
