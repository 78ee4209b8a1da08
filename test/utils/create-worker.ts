import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../src/worker.module';

/** Boots the real worker module in this process (relay, senders, sweeper) with extra env. */
export async function createWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await moduleRef.init();
    return moduleRef;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Fast retries and short leases, so tests see several attempts in seconds. */
export const FAST_MAIL = {
  MAIL_RETRY_SCALE: '0.02',
  MAIL_POLL_MS: '100',
  MAIL_LEASE_SECONDS: '10',
  MAIL_REQUEUE_SECONDS: '2',
};
