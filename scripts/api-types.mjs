// The web app's API types, generated from the api's own OpenAPI document (never edited by hand).
//   node scripts/api-types.mjs <openapi.json>          prints the types
// `npm run web:api-types` boots the api against the test database and rewrites
// web/src/api/schema.d.ts; test/web-api-types.e2e-spec.ts fails when the file and the api differ.
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/api-types.mjs <openapi.json>\n');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));
const ast = await openapiTS(doc, { alphabetize: true });
process.stdout.write(
  '// Generated from the api\'s /docs-json by scripts/api-types.mjs (`npm run web:api-types`). Do not edit.\n' +
    astToString(ast),
);
