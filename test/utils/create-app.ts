import { Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../src/api.module';
import { setupApp } from '../../src/app.setup';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  db: DataSource;
  close(): Promise<void>;
}

/** Boots the real api module (real Postgres and Redis) as main.ts does, without listening on a port. */
export async function createApp(env: Record<string, string> = {}, controllers: Type[] = []): Promise<TestApp> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule], controllers }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
    setupApp(app);
    await app.init();
    return { app, http: app.getHttpServer(), db: app.get(DataSource), close: () => app.close() };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
