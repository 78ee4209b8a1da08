import request from 'supertest';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb } from './utils/reset-db';

const BASE = '/api/v1/me/household/members';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('household members', () => {
  let t: TestApp;
  let mei: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    mei = await createUser(t);
    other = await createUser(t);
  });
  afterAll(async () => t.close());

  describe('POST /me/household/members', () => {
    it('should add a child and an adult, each with a category by age', async () => {
      const child = await request(t.http)
        .post(BASE)
        .set(bearer(mei))
        .send({ name: ' Lin ', birthDate: '2019-04-02', relationship: 'child' })
        .expect(201);
      expect(child.body).toEqual({
        id: expect.any(String),
        name: 'Lin',
        birthDate: '2019-04-02',
        relationship: 'child',
        category: 'child',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const adult = await request(t.http)
        .post(BASE)
        .set(bearer(mei))
        .send({ name: 'Wei', birthDate: '1985-11-30', relationship: 'partner' })
        .expect(201);
      expect(adult.body.category).toBe('adult');
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM household_members WHERE owner_id = $1', [
        mei.id,
      ]);
      expect(n).toBe(2);
    });

    it('should list every bad field', async () => {
      const res = await request(t.http)
        .post(BASE)
        .set(bearer(mei))
        .send({ name: 'x'.repeat(201), birthDate: '2019-02-30', relationship: 'cousin', age: 4 });
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['age', 'birthDate', 'name', 'relationship']);
    });

    it('should refuse a birth date in the future or absurdly old', async () => {
      for (const birthDate of ['2999-01-01', '1850-01-01']) {
        const res = await request(t.http)
          .post(BASE)
          .set(bearer(mei))
          .send({ name: 'X', birthDate, relationship: 'child' });
        expect(fieldsOf(expectProblem(res, 400, 'invalid_request') && res)).toEqual(['birthDate']);
      }
    });

    it('should need a signed-in user', async () => {
      expectProblem(
        await request(t.http).post(BASE).send({ name: 'X', birthDate: '2019-01-01', relationship: 'child' }),
        401,
        'unauthenticated',
      );
    });

    it('should cap a household at 30 members', async () => {
      const big = await createUser(t);
      for (let i = 0; i < 30; i++) {
        await request(t.http)
          .post(BASE)
          .set(bearer(big))
          .send({ name: `M${i}`, birthDate: '2000-01-01', relationship: 'other' })
          .expect(201);
      }
      expectProblem(
        await request(t.http)
          .post(BASE)
          .set(bearer(big))
          .send({ name: 'One more', birthDate: '2000-01-01', relationship: 'other' }),
        400,
        'invalid_request',
      );
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM household_members WHERE owner_id = $1', [
        big.id,
      ]);
      expect(n).toBe(30);
    });
  });

  describe('GET /me/household/members', () => {
    it("should show only the caller's own members, paginated", async () => {
      await request(t.http)
        .post(BASE)
        .set(bearer(other))
        .send({ name: 'Not Mei', birthDate: '2015-01-01', relationship: 'child' })
        .expect(201);
      const res = await request(t.http).get(`${BASE}?limit=1`).set(bearer(mei)).expect(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, limit: 1 });
      expect(res.body.items).toHaveLength(1);
      const all = await request(t.http).get(BASE).set(bearer(mei)).expect(200);
      expect(all.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['Lin', 'Wei']);
      expectProblem(await request(t.http).get(`${BASE}?page=0`).set(bearer(mei)), 400, 'invalid_request');
      expectProblem(await request(t.http).get(`${BASE}?limit=101`).set(bearer(mei)), 400, 'invalid_request');
      expectProblem(await request(t.http).get(BASE), 401, 'unauthenticated');
    });
  });

  describe('PATCH and DELETE /me/household/members/:id', () => {
    it('should let the owner change and remove a member', async () => {
      const created = await request(t.http)
        .post(BASE)
        .set(bearer(mei))
        .send({ name: 'Baby', birthDate: '2025-01-01', relationship: 'child' })
        .expect(201);
      const patched = await request(t.http)
        .patch(`${BASE}/${created.body.id}`)
        .set(bearer(mei))
        .send({ name: 'An', birthDate: '2024-12-31' })
        .expect(200);
      expect(patched.body).toMatchObject({
        id: created.body.id,
        name: 'An',
        birthDate: '2024-12-31',
        relationship: 'child',
      });
      await request(t.http).delete(`${BASE}/${created.body.id}`).set(bearer(mei)).expect(204);
      const rows = await t.db.query('SELECT 1 FROM household_members WHERE id = $1', [created.body.id]);
      expect(rows).toHaveLength(0);
      expectProblem(await request(t.http).delete(`${BASE}/${created.body.id}`).set(bearer(mei)), 404, 'not_found');
    });

    it("should answer 404 for another family's member and leave it unchanged", async () => {
      const theirs = await request(t.http)
        .post(BASE)
        .set(bearer(other))
        .send({ name: 'Theirs', birthDate: '2016-06-06', relationship: 'child' })
        .expect(201);
      expectProblem(
        await request(t.http).patch(`${BASE}/${theirs.body.id}`).set(bearer(mei)).send({ name: 'Stolen' }),
        404,
        'not_found',
      );
      expectProblem(await request(t.http).delete(`${BASE}/${theirs.body.id}`).set(bearer(mei)), 404, 'not_found');
      const [row] = await t.db.query('SELECT name FROM household_members WHERE id = $1', [theirs.body.id]);
      expect(row.name).toBe('Theirs');
    });

    it('should answer 404 for unknown and malformed ids, and 400 for bad fields', async () => {
      expectProblem(
        await request(t.http).patch(`${BASE}/${MISSING}`).set(bearer(mei)).send({ name: 'X' }),
        404,
        'not_found',
      );
      expectProblem(
        await request(t.http).patch(`${BASE}/12345`).set(bearer(mei)).send({ name: 'X' }),
        404,
        'not_found',
      );
      expectProblem(await request(t.http).delete(`${BASE}/'; DROP TABLE users; --`).set(bearer(mei)), 404, 'not_found');
      const list = await request(t.http).get(BASE).set(bearer(mei)).expect(200);
      const id = list.body.items[0].id;
      const res = await request(t.http)
        .patch(`${BASE}/${id}`)
        .set(bearer(mei))
        .send({ relationship: 'boss', name: '' });
      expect(fieldsOf(expectProblem(res, 400, 'invalid_request') && res)).toEqual(['name', 'relationship']);
      expectProblem(
        await request(t.http).patch(`${BASE}/${id}`).set(bearer(mei)).send({ birthDate: '2999-01-01' }),
        400,
        'invalid_request',
      );
    });
  });
});
