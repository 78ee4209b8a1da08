import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

/** Empties every table but the migrations ledger, and the rate-limit counters. */
export async function resetDb(db: DataSource): Promise<void> {
  const rows: { tablename: string }[] = await db.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'",
  );
  if (rows.length)
    await db.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

export async function resetRateLimits(redis: Redis): Promise<void> {
  const keys = await redis.keys('rl:*');
  if (keys.length) await redis.del(...keys);
}

/** Empties the mail queue (jobs of an earlier test file must not wake this file's workers). */
export async function resetQueues(redis: Redis): Promise<void> {
  const keys = await redis.keys('kinship:*');
  if (keys.length) await redis.del(...keys);
}
