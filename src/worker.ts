import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { lowerPriority } from './common/priority';
import { stopOnSignals } from './common/shutdown';
import { loadEnvOrExit } from './config/env';
import { REDIS, redisReady } from './redis/redis.module';
import { WorkerModule } from './worker.module';

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
