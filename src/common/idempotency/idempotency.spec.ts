import { canonicalJson } from './canonical-json';
import { IdempotencyCrypto } from './idempotency-crypto';
import { parseIdempotencyKey, scopeOf } from './idempotency.interceptor';
import type { RequestWithCaller } from '../auth';

describe('canonicalJson', () => {
  it('should sort keys at every depth and keep array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('should keep a __proto__ member as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__": {"x": 1}, "a": 1}'))).toBe('{"__proto__":{"x":1},"a":1}');
  });

  it('should refuse absurd nesting with a 400 rather than overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(/nested/);
  });
});

describe('IdempotencyCrypto', () => {
  const crypto = new IdempotencyCrypto('a secret of some length');

  it('should hash equal bodies equally whatever the key order, and differ otherwise', () => {
    expect(crypto.hash({ a: 1, b: 'x' })).toBe(crypto.hash({ b: 'x', a: 1 }));
    expect(crypto.hash({ a: 1 })).not.toBe(crypto.hash({ a: 2 }));
    expect(crypto.hash({ a: 1 })).not.toBe(new IdempotencyCrypto('another secret').hash({ a: 1 }));
  });

  it('should seal an answer that only the same secret opens', () => {
    const body = { accessToken: 'eyJ.secret.token', user: { id: 'u1' } };
    const sealed = crypto.seal(body);
    expect(sealed.toString('latin1')).not.toContain('secret.token');
    expect(crypto.open(sealed)).toEqual(body);
    expect(crypto.open(crypto.seal(undefined))).toBeUndefined();
    expect(() => new IdempotencyCrypto('another secret').open(sealed)).toThrow();
    sealed[sealed.length - 1] ^= 1;
    expect(() => crypto.open(sealed)).toThrow();
  });
});

describe('parseIdempotencyKey', () => {
  it('should take 1 to 200 printable ASCII characters', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    for (const k of ['a', 'x'.repeat(200), '9f1c-4e2b order #12 ~!']) expect(parseIdempotencyKey(k)).toBe(k);
  });

  it('should refuse anything else with a 400 naming the header', () => {
    for (const k of ['', 'x'.repeat(201), 'a\tb', 'a\u0000b', 'clé', '键', ['a', 'b']]) {
      expect(() => parseIdempotencyKey(k)).toThrow(
        expect.objectContaining({
          status: 400,
          code: 'invalid_request',
          errors: [expect.objectContaining({ field: 'Idempotency-Key' })],
        }),
      );
    }
  });
});

describe('scopeOf', () => {
  const req = (over: Partial<RequestWithCaller>) =>
    ({
      method: 'POST',
      path: '/x',
      params: {},
      route: { path: '/api/v1/events/:id/registrations' },
      ip: '203.0.113.7',
      ...over,
    }) as RequestWithCaller;

  it('should name the caller, the route pattern and the path params', () => {
    expect(scopeOf(req({ params: { id: 'e1' } }))).toMatch(
      /^anon:[\w-]{22} POST \/api\/v1\/events\/:id\/registrations\?id=e1$/,
    );
    expect(scopeOf(req({ params: { id: 'e1' }, caller: { id: 'u1' } as RequestWithCaller['caller'] }))).toBe(
      'user:u1 POST /api/v1/events/:id/registrations?id=e1',
    );
    expect(scopeOf(req({ params: { id: 'e1' } }))).not.toBe(scopeOf(req({ params: { id: 'e2' } })));
  });

  it('should tell anonymous callers apart by their address, never writing it out', () => {
    const here = scopeOf(req({}));
    expect(scopeOf(req({}))).toBe(here);
    expect(scopeOf(req({ ip: '203.0.113.8' } as Partial<RequestWithCaller>))).not.toBe(here);
    expect(scopeOf(req({ ip: '::ffff:203.0.113.7' } as Partial<RequestWithCaller>))).toBe(here);
    expect(here).not.toContain('203.0.113');
  });

  it('should hash an endpoint too long for the column', () => {
    const scope = scopeOf(req({ params: { id: 'x'.repeat(400) } }));
    expect(scope).toMatch(/^anon:[\w-]{22} sha256:[0-9a-f]{64}$/);
  });
});
