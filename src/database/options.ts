import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

/**
 * The one DataSource definition: the app (through TypeOrmModule), the migration CLI
 * (data-source.ts) and the tests all build it here. Entities are found by file name; the schema
 * only changes by migrations.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
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
    extra: { max: 20, application_name: 'kinship' },
  };
}
