import request from 'supertest';
import { TestApp } from '../utils/create-app';
import { bearer, TestUser } from './users';

const DAY = 24 * 60 * 60 * 1000;

/** An instant `days` from now (negative: in the past), at a whole hour, as ISO 8601 with Z. */
export function daysFromNow(days: number, hours = 0): string {
  const at = new Date(Date.now() + days * DAY + hours * 60 * 60 * 1000);
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString();
}

let seq = 0;

/** A valid in-person event a month ahead; `overrides` replace or add fields. */
export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    title: `Family Day ${seq}`,
    summary: 'Games, food and music for the whole family',
    kind: 'celebration',
    format: 'in_person',
    venue: 'Community Hall, 1 Main Street',
    timezone: 'Asia/Shanghai',
    startsAt: daysFromNow(30),
    endsAt: daysFromNow(30, 4),
    capacity: 100,
    ...overrides,
  };
}

export interface TestEvent {
  id: string;
  slug: string;
  title: string;
  status: string;
  [field: string]: unknown;
}

/** Creates a draft through the api as `organizer`. */
export async function createEvent(
  t: TestApp,
  organizer: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<TestEvent> {
  const res = await request(t.http).post('/api/v1/events').set(bearer(organizer)).send(eventBody(overrides));
  if (res.status !== 201) throw new Error(`event create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates and publishes an event through the api as `organizer`. */
export async function createPublishedEvent(
  t: TestApp,
  organizer: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<TestEvent> {
  const draft = await createEvent(t, organizer, overrides);
  const res = await request(t.http).post(`/api/v1/events/${draft.id}/publish`).set(bearer(organizer));
  if (res.status !== 200) throw new Error(`event publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Names co-organizers of an event through the api, as its creator (or an admin). */
export async function setEventOrganizers(t: TestApp, by: TestUser, eventId: string, userIds: string[]) {
  const res = await request(t.http).put(`/api/v1/events/${eventId}/organizers`).set(bearer(by)).send({ userIds });
  if (res.status !== 200) throw new Error(`event organizers failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
