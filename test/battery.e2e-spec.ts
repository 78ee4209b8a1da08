import request from 'supertest';
import { createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { resetDb } from './utils/reset-db';

/**
 * Malformed requests against every operation /docs-json lists, as an admin (so validation, not
 * authentication, is what answers): none may draw a 5xx, and every 4xx is problem+json.
 */
interface Op {
  method: string;
  path: string;
  hasBody: boolean;
}

const BAD_IDS = [
  'x',
  '0',
  '00000000-0000-0000-0000-00000000000g',
  "1' OR '1'='1",
  '%E0%A4%A',
  'a'.repeat(300),
  '..%2F..%2Fetc',
];
const BAD_BODIES: unknown[] = [
  '{"unterminated": ',
  '[]',
  '"just a string"',
  'null',
  '12',
  { unknownField: 1 },
  {
    title: 12,
    name: ['x'],
    email: {},
    capacity: 'many',
    startsAt: 'yesterday',
    roles: 'admin',
    userIds: ['nope'],
    page: -1,
  },
  { title: 'x'.repeat(100_000) },
  Object.fromEntries(
    [
      'name',
      'email',
      'title',
      'slug',
      'kind',
      'format',
      'timezone',
      'startsAt',
      'endsAt',
      'capacity',
      'birthDate',
      'relationship',
      'roles',
      'userIds',
      'questions',
      'description',
      'maxPartySize',
      'password',
      'locale',
    ].map((k) => [k, null]),
  ),
  { questions: [{ id: 1, type: 'weird', options: 'x' }], attendees: [null], birthDate: '2020-02-30' },
  '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}',
];
const BAD_QUERIES = [
  'page=0',
  'limit=1000',
  'page=-1&limit=abc',
  'from=notadate&to=2020-13-45',
  'q=' + 'x'.repeat(1000),
  'page[]=1&page[]=2',
  'kind=%00',
];

describe('malformed requests against every endpoint', () => {
  let t: TestApp;
  let admin: TestUser;
  let ops: Op[];

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    admin = await createUser(t, ['admin', 'organizer', 'sponsor']);
    const doc = (await request(t.http).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method, path, hasBody: !!op.requestBody })),
    );
  });
  afterAll(async () => t.close());

  function send(op: Op, path: string, body?: unknown, query = ''): request.Test {
    const agent = request(t.http) as unknown as Record<string, (p: string) => request.Test>;
    const req = agent[op.method](path + (query ? `?${query}` : '')).set('Authorization', `Bearer ${admin.token}`);
    if (body === undefined) return req;
    return typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body as object);
  }

  it('should answer every malformed request with a 4xx problem, never a 5xx', async () => {
    const failures: string[] = [];
    const check = (label: string, res: request.Response) => {
      if (res.status >= 500) failures.push(`${label} → ${res.status} ${JSON.stringify(res.body)}`);
      else if (res.status >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json')) {
        failures.push(`${label} → ${res.status} not problem+json`);
      }
    };
    const realId = admin.id;
    for (const op of ops) {
      const params = (op.path.match(/\{\w+\}/g) ?? []).length;
      const paths = params ? BAD_IDS.map((id) => op.path.replace(/\{\w+\}/g, encodeURIComponent(id))) : [op.path];
      const fill = op.path.replace(/\{\w+\}/g, realId);
      for (const p of paths) check(`${op.method.toUpperCase()} ${p}`, await send(op, p, op.hasBody ? {} : undefined));
      if (op.hasBody) {
        for (const body of BAD_BODIES)
          check(`${op.method.toUpperCase()} ${fill} ${JSON.stringify(body).slice(0, 80)}`, await send(op, fill, body));
        check(
          `${op.method.toUpperCase()} ${fill} text/plain`,
          await send(op, fill).set('Content-Type', 'text/plain').send('hello'),
        );
      }
      if (op.method === 'get') {
        for (const q of BAD_QUERIES) check(`GET ${fill}?${q.slice(0, 60)}`, await send(op, fill, undefined, q));
      }
    }
    expect(failures).toEqual([]);
    expect(ops.length).toBeGreaterThan(5);
  }, 120_000);
});
