import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { setupApp } from './app.setup';
import { stopOnSignals } from './common/shutdown';
import { loadEnvOrExit } from './config/env';

/**
 * Connections the kernel may queue for the api while it is busy, beyond Node's default of 511
 * (capped by the machine's `net.core.somaxconn`). Past the queue a new connection's first packet
 * is dropped and sent again only after a second, then three: a client opening a connection per
 * request in flight (as a proxy without keep-alive does) can turn a short stall of the api into
 * answers of several seconds (the bench saw thousands of such drops; docs/performance-log.md).
 */
const LISTEN_BACKLOG = 4096;

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bodyParser: false, bufferLogs: true });
  setupApp(app);
  stopOnSignals(app, app.get(Logger));
  // Nest hands what follows the port to Node's `server.listen`, which reads a number there as the
  // backlog (port, backlog); no host, so the api binds as before.
  await app.listen(env.PORT, LISTEN_BACKLOG as unknown as string);
  app.get(Logger).log(`api listening on port ${env.PORT}`, 'Api');
}

void bootstrap();
