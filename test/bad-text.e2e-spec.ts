import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { captureLogs } from './utils/log-capture';
import { resetDb } from './utils/reset-db';

/**
 * A NUL or an unpaired surrogate, in a path parameter, a query parameter, a header or any string
 * of a JSON body, on every operation /docs-json lists: 400 invalid_request as problem+json, never a
 * database error, and no query parameters in the log.
 */
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Op {
  method: string;
  path: string;
  query: string[];
  body?: Schema;
}
interface Doc {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/** What may not be stored as text, as it travels in a URL (percent-encoded UTF-8) and in JSON. */
const BAD = [
  { name: 'a NUL', url: 'a%00b', json: 'a\u0000b' },
  { name: 'a lone high surrogate', url: 'a%ED%A0%80b', json: 'a\ud800b' },
  { name: 'a lone low surrogate', url: '%ED%B0%80', json: '\udc00z' },
];

/** A body of the operation's shape, every string (at any depth) set to `text`. */
function bodyOf(schema: Schema | undefined, doc: Doc, text: string, depth = 0): unknown {
  if (!schema || depth > 5) return text;
  if (schema.$ref) return bodyOf(doc.components.schemas[schema.$ref.split('/').pop()!], doc, text, depth + 1);
  if (schema.allOf?.length) return bodyOf(schema.allOf[0], doc, text, depth + 1);
  if (schema.type === 'array') return [bodyOf(schema.items, doc, text, depth + 1)];
  if (schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, bodyOf(v, doc, text, depth + 1)]));
  }
  return text;
}

/** One request over a raw socket (an HTTP client refuses to send a NUL in a header); the status line and body. */
function rawRequest(port: number, head: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => (data += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headers, body = ''] = data.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0),
        type: /\r\ncontent-type: ([^\r]*)/i.exec(headers)?.[1] ?? '',
        body,
      });
    });
  });
}

describe('text that is not text (NUL, unpaired surrogates) in every kind of input', () => {
  let t: TestApp;
  let logs: ReturnType<typeof captureLogs>;
  let admin: TestUser;
  let doc: Doc;
  let ops: Op[];
  let port: number;

  beforeAll(async () => {
    logs = captureLogs();
    t = await createApp({ LOG_LEVEL: 'info' });
    await resetDb(t.db);
    admin = await createUser(t, ['admin', 'organizer', 'sponsor']);
    doc = (await request(t.http).get('/docs-json').expect(200)).body as Doc;
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method,
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody?.content['application/json']?.schema,
      })),
    );
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    logs.stop();
    await t.close();
  });

  const failures: string[] = [];
  function check(label: string, res: { status: number; headers: Record<string, string>; body: unknown }): void {
    const body = res.body as { code?: string; errors?: { message: string }[] };
    if (res.status !== 400 || body?.code !== 'invalid_request') {
      failures.push(`${label} → ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    } else if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
      failures.push(`${label} → not problem+json`);
    } else if (!body.errors?.some((e) => /NUL/.test(e.message))) {
      failures.push(`${label} → 400 for another reason: ${JSON.stringify(body.errors)}`);
    }
  }
  function send(op: Op, url: string): request.Test {
    const agent = request(t.http) as unknown as Record<string, (p: string) => request.Test>;
    return agent[op.method](url).set('Authorization', `Bearer ${admin.token}`);
  }
  const fill = (op: Op, value: string) => op.path.replace(/\{\w+\}/g, value);

  it('should refuse it in a path parameter', async () => {
    failures.length = 0;
    const withParams = ops.filter((op) => /\{\w+\}/.test(op.path));
    expect(withParams.length).toBeGreaterThan(10);
    for (const op of withParams) {
      for (const bad of BAD) {
        const url = `/${fill(op, bad.url).replace(/^\//, '')}`;
        const res = await send(op, url).send(op.body ? {} : undefined);
        check(`${op.method.toUpperCase()} ${url}`, res);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('should refuse it in a query parameter', async () => {
    failures.length = 0;
    for (const op of ops) {
      const names = op.query.length ? op.query : ['q'];
      for (const name of names) {
        for (const bad of BAD) {
          const url = `${fill(op, admin.id)}?${name}=${bad.url}`;
          check(`${op.method.toUpperCase()} ${url}`, await send(op, url).send(op.body ? {} : undefined));
        }
      }
    }
    // The finding that started this: a search for a NUL was a 500.
    const res = await request(t.http).get('/api/v1/events?q=%00');
    check('GET /api/v1/events?q=%00 (anonymous)', res);
    expect(failures).toEqual([]);
  }, 120_000);

  it('should refuse it in any string of a JSON body', async () => {
    failures.length = 0;
    const withBody = ops.filter((op) => op.body);
    expect(withBody.length).toBeGreaterThan(10);
    for (const op of withBody) {
      for (const bad of BAD) {
        const url = fill(op, admin.id);
        const body = bodyOf(op.body, doc, bad.json);
        check(`${op.method.toUpperCase()} ${url} body with ${bad.name}`, await send(op, url).send(body as object));
        // In a field name too, and alone in an otherwise good signup (the finding: a 500).
        check(`${op.method.toUpperCase()} ${url} key with ${bad.name}`, await send(op, url).send({ [bad.json]: 1 }));
      }
    }
    for (const bad of BAD) {
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email: `nul-${BAD.indexOf(bad)}@example.org`, password: 'long enough password', name: bad.json });
      check(`POST /api/v1/auth/signup name with ${bad.name}`, res);
    }
    expect(await t.db.query("SELECT 1 FROM users WHERE email LIKE 'nul-%'")).toHaveLength(0);
    expect(failures).toEqual([]);
  }, 120_000);

  it('should refuse a NUL in a header, as problem+json', async () => {
    failures.length = 0;
    for (const op of ops) {
      for (const header of ['X-Manage-Token', 'Idempotency-Key', 'X-Request-Id', 'Accept-Language']) {
        const url = `/${fill(op, admin.id).replace(/^\//, '')}`;
        const res = await rawRequest(
          port,
          `${op.method.toUpperCase()} ${url} HTTP/1.1\r\nHost: kinship.test\r\nAuthorization: Bearer ${admin.token}\r\n` +
            `${header}: a\0b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        const label = `${op.method.toUpperCase()} ${url} ${header}`;
        if (res.status !== 400 || !res.type.startsWith('application/problem+json')) {
          failures.push(`${label} → ${res.status} ${res.type}`);
        } else if (JSON.parse(res.body).code !== 'invalid_request') failures.push(`${label} → ${res.body}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('should never have logged a fault for bad text, nor the parameters of a query', () => {
    const lines = logs.lines();
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('"parameters"');
    expect(text).not.toContain('password_hash');
  });

  it('should log a genuine database fault without its query or parameters', async () => {
    // A rule only this test adds, so that an insert fails inside Postgres as a real fault would.
    await t.db.query(`ALTER TABLE users ADD CONSTRAINT kinship_test_no_boom CHECK (name <> 'Boom Boom')`);
    try {
      const email = 'boom-secret-address@example.org';
      const res = await request(t.http)
        .post('/api/v1/auth/signup')
        .send({ email, password: 'a secret password 123', name: 'Boom Boom' });
      expect(res.status).toBe(500);
      const fault = logs.lines().find((l) => l.errorId === res.body.errorId);
      expect(fault).toBeDefined();
      expect(fault!.err).toMatchObject({ type: 'QueryFailedError', driverError: { code: '23514' } });
      expect(fault!.err.parameters).toBeUndefined();
      expect(fault!.err.query).toBeUndefined();
      const text = JSON.stringify(logs.lines());
      expect(text).not.toContain(email);
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain('Boom Boom');
    } finally {
      await t.db.query('ALTER TABLE users DROP CONSTRAINT kinship_test_no_boom');
    }
  });
});
