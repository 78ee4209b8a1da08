import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/options';
import { buildForTests } from './processes';
import { applyTestEnv, TEST_DATABASE_URL } from './test-env';

/** Once per run: make sure the test database exists and carries every migration. */
export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const url = new URL(TEST_DATABASE_URL);
  const dbName = url.pathname.slice(1);
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (!exists.rowCount) await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
  await client.end();

  const ds = new DataSource(dataSourceOptions(TEST_DATABASE_URL));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  // The tests that run the real api and worker processes use the built JS.
  buildForTests();
}
