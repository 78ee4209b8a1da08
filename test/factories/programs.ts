import request from 'supertest';
import { TestApp } from '../utils/create-app';
import { bearer, TestUser } from './users';

let seq = 0;

export interface TestProgram {
  id: string;
  slug: string;
  name: string;
  kind: string;
}

/** Creates a program through the api as `organizer` (its creator). */
export async function createProgram(
  t: TestApp,
  organizer: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<TestProgram> {
  seq += 1;
  const res = await request(t.http)
    .post('/api/v1/programs')
    .set(bearer(organizer))
    .send({ name: `Test Program ${seq}`, kind: 'events', ...overrides });
  if (res.status !== 201) throw new Error(`program create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Names co-organizers of a program through the api, as its creator (or an admin). */
export async function setProgramOrganizers(t: TestApp, by: TestUser, programId: string, userIds: string[]) {
  const res = await request(t.http).put(`/api/v1/programs/${programId}/organizers`).set(bearer(by)).send({ userIds });
  if (res.status !== 200) throw new Error(`program organizers failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
