import { expect } from '@playwright/test';
import { client, login, signup, uniqueEmail } from './api';
import { stack } from './stack';

/** The mail catcher refuses this address from now on (550 at RCPT TO), like a mailbox that does not exist. */
export async function refuseAddress(address: string): Promise<void> {
  const res = await fetch(`${stack().mailURL}/api/refused/${encodeURIComponent(address)}`, { method: 'PUT' });
  expect(res.status).toBe(204);
}

/** The mail catcher takes mail for this address again. */
export async function acceptAddress(address: string): Promise<void> {
  const res = await fetch(`${stack().mailURL}/api/refused/${encodeURIComponent(address)}`, { method: 'DELETE' });
  expect(res.status).toBe(204);
}

/** A new account with these roles (granted by the stack's admin): its email, password, id and token. */
export async function accountWith(
  name: string,
  roles: ('family' | 'organizer' | 'sponsor' | 'admin')[],
): Promise<{ id: string; email: string; password: string; token: string }> {
  const email = uniqueEmail(name.split(' ')[0]);
  const password = `${name} password 1`;
  const { user } = await signup(name, email, password);
  const admin = await login(stack().adminEmail, stack().adminPassword);
  const res = await client(admin).PUT('/api/v1/users/{id}/roles', {
    params: { path: { id: user.id } },
    body: { roles: ['family', ...roles] },
  });
  expect(res.response.status).toBe(200);
  return { id: user.id, email, password, token: await login(email, password) };
}
