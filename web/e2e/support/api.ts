import createClient from 'openapi-fetch';
import type { components, paths } from '../../src/api/schema';
import { stack } from './stack';

type Schemas = components['schemas'];
export type EventResponse = Schemas['EventResponse'];

/** The api as a test sets up what a story needs (organizers, events, other families), over HTTP. */
export function client(token?: string) {
  return createClient<paths>({ baseUrl: stack().baseURL, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
}

let counter = 0;
/** A unique email for one test's person. */
export function uniqueEmail(name: string): string {
  counter += 1;
  return `${name}.${Date.now().toString(36)}${counter}@example.test`.toLowerCase();
}

export async function login(email: string, password: string): Promise<string> {
  const out = await ok(client().POST('/api/v1/auth/login', { body: { email, password } }));
  return out.accessToken!;
}

export async function signup(name: string, email: string, password: string, locale: 'en' | 'zh-CN' = 'en') {
  return ok(client().POST('/api/v1/auth/signup', { body: { name, email, password, locale: locale as never } }));
}

/** A new organizer account (the admin grants the role), and its token. */
export async function organizer(): Promise<string> {
  const email = uniqueEmail('organizer');
  const { user } = await signup('Test Organizer', email, 'organizer-password');
  const admin = await login(stack().adminEmail, stack().adminPassword);
  await ok(
    client(admin).PUT('/api/v1/users/{id}/roles', {
      params: { path: { id: user.id } },
      body: { roles: ['family', 'organizer'] },
    }),
  );
  return login(email, 'organizer-password');
}

/** A published event starting in `days` days (times in Kathmandu), open for registration now. */
export async function publishedEvent(
  token: string,
  overrides: Partial<Schemas['CreateEventDto']> = {},
  days = 20,
): Promise<EventResponse> {
  const start = new Date(Date.now() + days * 86400_000);
  start.setUTCHours(4, 15, 0, 0); // 10:00 in Kathmandu
  const end = new Date(start.getTime() + 4 * 3600_000);
  const created = await ok(
    client(token).POST('/api/v1/events', {
      body: {
        title: `Family Day ${uniqueEmail('e').slice(2, 12)}`,
        summary: 'Games, stories and a shared lunch for the whole family.',
        description: 'Bring a hat.\n\nLunch is shared.',
        kind: 'celebration',
        format: 'in_person',
        venue: 'Community Hall, Lalitpur',
        timezone: 'Asia/Kathmandu',
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        capacity: 20,
        waitlistEnabled: true,
        maxPartySize: 5,
        childAgeMin: 3,
        childAgeMax: 12,
        ...overrides,
      } as Schemas['CreateEventDto'],
    }),
  );
  return ok(client(token).POST('/api/v1/events/{id}/publish', { params: { path: { id: created.id } } }));
}

/** Another family registers as a guest, straight through the api. */
export async function guestRegisters(eventId: string, name: string, persons: number) {
  return ok(
    client().POST('/api/v1/events/{id}/registrations', {
      params: { path: { id: eventId } },
      body: {
        contact: { name, email: uniqueEmail(name.split(' ')[0]) },
        attendees: Array.from({ length: persons }, (_, i) => ({
          name: `${name} ${i + 1}`,
          category: 'adult' as const,
        })),
        consents: { dataProcessing: true, photos: false },
      },
    }),
  );
}
