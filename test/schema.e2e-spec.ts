import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/options';
import { TEST_DATABASE_URL } from './utils/test-env';

describe('schema', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions(TEST_DATABASE_URL)).initialize();
  });
  afterAll(async () => ds.destroy());

  it('should be exactly what the entities describe once the migrations ran (no drift)', async () => {
    const pending = await ds.showMigrations();
    expect(pending).toBe(false);
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('should keep synchronize off', () => {
    expect(ds.options.synchronize).toBe(false);
  });

  it('should refuse an oversold event at the database itself', async () => {
    const [{ id: userId }] = await ds.query(
      "INSERT INTO users (email, name, password_hash) VALUES ('schema-check@example.org', 'S', 'x') ON CONFLICT (email) DO UPDATE SET name = 'S' RETURNING id",
    );
    await expect(
      ds.query(
        `INSERT INTO events (slug, title, kind, format, timezone, starts_at, ends_at, capacity, seats_taken, created_by)
         VALUES ('oversold-check', 'x', 'other', 'online', 'UTC', now(), now() + interval '1 hour', 10, 11, $1)`,
        [userId],
      ),
    ).rejects.toThrow(/events_no_oversell_check/);
  });
});
