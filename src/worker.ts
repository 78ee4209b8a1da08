import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { loadEnvOrExit } from './config/env';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadEnvOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // SIGTERM/SIGINT close the context: processors finish their job, connections close, then exit.
  app.enableShutdownHooks();
  await app.get(DataSource).query('SELECT 1');
  logger.log('worker started', 'Worker');
}

void bootstrap();
