import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp, TestApp } from './utils/create-app';

const ROOT = join(__dirname, '..');
const SCHEMA = join(ROOT, 'web', 'src', 'api', 'schema.d.ts');

/**
 * The web app's client is typed from the api's OpenAPI document. When an endpoint or a shape
 * changes, this test fails until the types are generated again (`npm run web:api-types`, which
 * runs this file with UPDATE_API_TYPES=1), so the app cannot call the api with a stale idea of it.
 */
describe('the web app API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createApp();
  });
  afterAll(async () => t.close());

  it('should match the api /docs-json', async () => {
    const doc = (await request(t.http).get('/docs-json').expect(200)).body;
    const file = join(mkdtempSync(join(tmpdir(), 'kinship-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const generated = execFileSync(process.execPath, [join(ROOT, 'scripts', 'api-types.mjs'), file], {
      encoding: 'utf8',
    });
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(SCHEMA, generated);
    const committed = readFileSync(SCHEMA, 'utf8');
    expect(committed).toEqual(generated);
  });
});
