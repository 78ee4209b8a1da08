import { describe, expect, it } from 'vitest';
import { ApiError, call, idempotencyKey } from './client';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  error: body,
  response: new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  }),
});

describe('call', () => {
  it("should turn a problem+json answer into an ApiError with the server's field errors", async () => {
    const problem = {
      code: 'ineligible',
      detail: 'no',
      status: 422,
      errors: [{ field: 'attendees[1].birthDate', message: 'too old' }],
    };
    const e = await call(Promise.resolve(answer(422, problem))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('ineligible');
    expect((e as ApiError).fieldErrors('attendees[1].birthDate')).toEqual([
      { field: 'attendees[1].birthDate', message: 'too old' },
    ]);
  });

  it('should read Retry-After on 429', async () => {
    const e = (await call(Promise.resolve(answer(429, { code: 'rate_limited' }, { 'Retry-After': '30' }))).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect(e.retryAfter).toBe(30);
  });

  it('should say offline when no answer came at all', async () => {
    const e = (await call(Promise.reject(new TypeError('Failed to fetch'))).catch((x: unknown) => x)) as ApiError;
    expect(e.offline).toBe(true);
  });

  it('should return the data of a successful answer', async () => {
    await expect(
      call(Promise.resolve({ data: { ok: 1 }, response: new Response('{}', { status: 200 }) })),
    ).resolves.toEqual({ ok: 1 });
  });
});

describe('idempotencyKey', () => {
  it('should make a version 4 uuid, a new one each time', () => {
    const a = idempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotencyKey()).not.toBe(a);
  });
});
