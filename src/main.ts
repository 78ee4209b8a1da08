import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { setupApp } from './app.setup';
import { stopOnSignals } from './common/shutdown';
import { loadEnvOrExit } from './config/env';

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bodyParser: false, bufferLogs: true });
  setupApp(app);
  stopOnSignals(app, app.get(Logger));
  await app.listen(env.PORT);
  app.get(Logger).log(`api listening on port ${env.PORT}`, 'Api');
}

void bootstrap();
