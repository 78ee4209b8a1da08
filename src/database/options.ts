import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

/**
 * The one DataSource definition: the app (through TypeOrmModule), the migration CLI
 * (data-source.ts) and the tests all build it here. Entities are found by file name; the schema
 * only changes by migrations.
 */
export function dataSourceOptions(
  databaseUrl: string,
  pool: { size: number; waitMs: number } = { size: 20, waitMs: 10_000 },
): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: databaseUrl,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // A request waits at most `waitMs` for a connection, then answers 503 (problem.filter.ts).
    extra: { max: pool.size, connectionTimeoutMillis: pool.waitMs, application_name: 'kinship' },
  };
}
