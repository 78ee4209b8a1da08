import request from 'supertest';
import { Role } from '../../src/users/user.entity';
import { TestApp } from '../utils/create-app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
  token: string;
  roles: Role[];
}

let seq = 0;

/** Signs up through the api, then grants roles straight in the database (as an admin would). */
export async function createUser(
  t: TestApp,
  roles: Role[] = ['family'],
  overrides: Partial<Pick<TestUser, 'email' | 'name' | 'password'>> = {},
): Promise<TestUser> {
  seq += 1;
  const email = overrides.email ?? `user${seq}-${Date.now()}@example.org`;
  const password = overrides.password ?? 'a long enough password';
  const name = overrides.name ?? `Test User ${seq}`;
  const res = await request(t.http).post('/api/v1/auth/signup').send({ email, password, name });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const all = Array.from(new Set<Role>(['family', ...roles]));
  await t.db.query('UPDATE users SET roles = $2 WHERE id = $1', [res.body.user.id, all]);
  return { id: res.body.user.id, email: email.toLowerCase(), password, name, token: res.body.accessToken, roles: all };
}

export const organizer = (t: TestApp) => createUser(t, ['organizer']);
export const family = (t: TestApp) => createUser(t, ['family']);
export const admin = (t: TestApp) => createUser(t, ['admin']);
export const sponsor = (t: TestApp) => createUser(t, ['sponsor']);

export function bearer(u: { token: string }): { Authorization: string } {
  return { Authorization: `Bearer ${u.token}` };
}
