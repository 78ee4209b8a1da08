import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvOrExit } from '../config/env';
import { dataSourceOptions } from './options';

/** For the TypeORM CLI (`npm run migrate`, `npm run migration:generate`). */
export default new DataSource(dataSourceOptions(loadEnvOrExit().DATABASE_URL));
