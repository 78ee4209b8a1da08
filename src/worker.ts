import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getPriority, setPriority } from 'node:os';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { stopOnSignals } from './common/shutdown';
import { loadEnvOrExit } from './config/env';
import { REDIS, redisReady } from './redis/redis.module';
import { WorkerModule } from './worker.module';

/**
 * Lowers this process's CPU priority (WORKER_NICE). Where that is not allowed (a container without
 * the capability, say) the worker runs at the priority it has and says so.
 */
function yieldCpu(nice: number): string | null {
  if (nice === 0) return null;
  try {
    setPriority(Math.max(getPriority(), nice));
    return null;
  } catch (err) {
    return `could not lower the worker's priority to nice ${nice}: ${(err as Error).message}`;
  }
}

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const priorityProblem = yieldCpu(env.WORKER_NICE);
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
