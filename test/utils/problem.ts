import type { Response } from 'supertest';

/** Asserts the answer is problem+json with the given status and code, and returns its body. */
export function expectProblem(
  res: Response,
  status: number,
  code: string,
): { errors?: { field: string; message: string }[]; detail: string } {
  if (res.status !== status || res.body?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    code,
    type: expect.stringContaining(code),
    title: expect.any(String),
    detail: expect.any(String),
  });
  return res.body;
}

/** The fields named in a validation problem. */
export function fieldsOf(res: Response): string[] {
  return (res.body.errors ?? []).map((e: { field: string }) => e.field).sort();
}
