import request from 'supertest';
import { createApp, TestApp } from './utils/create-app';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  requestBody?: unknown;
  parameters?: { in: string; name: string }[];
  security?: unknown[];
}

/** The routes Express really serves, as OpenAPI paths ("/api/v1/events/{id}"). */
function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance();
  const stack: any[] = (express.router ?? express._router).stack;
  const out: string[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods);
    if (methods.length > 1) continue; // middleware mounted for every method (logging), not a handler
    for (const method of methods) {
      const path = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
      if (path.startsWith('/docs')) continue;
      out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out.sort();
}

describe('OpenAPI at /docs-json', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await createApp();
    doc = (await request(t.http).get('/docs-json').expect(200)).body;
  });
  afterAll(async () => t.close());

  it('should serve the UI at /docs', async () => {
    const res = await request(t.http).get('/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('should describe every route the api serves', () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = servedRoutes(t);
    expect(served.length).toBeGreaterThan(5);
    expect(documented).toEqual(served);
  });

  it('should give every operation a success answer, and its error answers as problem+json', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        const codes = Object.keys(op.responses);
        if (!codes.some((c) => /^2/.test(c))) problems.push(`${name}: no 2xx response`);
        if (op.requestBody && !codes.includes('400')) problems.push(`${name}: has a body but no 400`);
        if (op.requestBody && !codes.includes('415')) problems.push(`${name}: has a body but no 415`);
        if ((op.parameters ?? []).some((p) => p.in === 'path') && !codes.includes('404'))
          problems.push(`${name}: has a path id but no 404`);
        if (op.security?.length && !codes.includes('401')) problems.push(`${name}: needs a token but no 401`);
        for (const c of codes.filter((c) => /^[45]/.test(c) && c !== '503')) {
          const schema = Object.values(op.responses[c].content ?? {})[0]?.schema;
          if (!schema?.$ref?.endsWith('/ProblemSchema')) problems.push(`${name}: ${c} is not described as a problem`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
