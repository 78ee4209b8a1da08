import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { setFlagsFromString } from 'node:v8';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { lowerPriority } from './common/priority';
import { stopOnSignals } from './common/shutdown';
import { loadEnvOrExit } from './config/env';
import { REDIS, redisReady } from './redis/redis.module';
import { WorkerModule } from './worker.module';

/**
 * The worker's heap is bounded where it is started (`--max-old-space-size=256`), and under that
 * bound V8 lets the old generation grow to only 1.1–1.3 times what a full collection left alive.
 * In a burst every mail in flight outlives a few young collections, so a full collection came
 * every 30 to 60 mails (31–41 per 2,000); growing to twice the live size brings that to 1–4, for
 * about 25 MB more at the peak (docs/performance.md). Read by V8 at each collection, so setting it
 * here takes effect at once.
 */
setFlagsFromString('--heap-growing-percent=100');

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const priorityProblem = lowerPriority(env.WORKER_NICE);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  if (priorityProblem) logger.warn(priorityProblem, 'Worker');
  stopOnSignals(app, logger);
  await app.get(DataSource).query('SELECT 1');
  await redisReady(app.get<Redis>(REDIS));
  await app.get<Redis>(REDIS).ping();
  logger.log('worker started: Postgres and Redis answer', 'Worker');
}

void bootstrap();
