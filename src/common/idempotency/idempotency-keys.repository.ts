import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returning } from '../../database/sql';
import type { IdempotencyStatus } from './idempotency-key.entity';

export interface StoredKey {
  requestHash: string;
  status: IdempotencyStatus;
  attemptId: string;
  responseStatus: number | null;
  response: Buffer | null;
  /** Past its 24 h: to be ignored (and deleted). */
  expired: boolean;
  /** In flight for longer than the takeover delay: its run is presumed dead. */
  stale: boolean;
}

interface KeyRow {
  request_hash: string;
  status: IdempotencyStatus;
  attempt_id: string;
  response_status: number | null;
  response: Buffer | null;
  expired: boolean;
  stale: boolean;
}

/** The SQL of idempotency_keys. Times are the database's, so api processes on other clocks agree. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Claims the key for `attemptId`; false when a row (live or not) already holds it. */
  async insert(scope: string, key: string, requestHash: string, attemptId: string, ttlSeconds: number) {
    const rows = await returning<{ attempt_id: string }>(
      this.db.manager,
      `INSERT INTO idempotency_keys (scope, "key", request_hash, attempt_id, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT (scope, "key") DO NOTHING
       RETURNING attempt_id`,
      [scope, key, requestHash, attemptId, ttlSeconds],
    );
    return rows.length === 1;
  }

  async find(scope: string, key: string, takeoverSeconds: number): Promise<StoredKey | null> {
    const [row] = await returning<KeyRow>(
      this.db.manager,
      `SELECT request_hash, status, attempt_id, response_status, response,
              expires_at <= now() AS expired,
              status = 'in_flight' AND locked_at <= now() - make_interval(secs => $3) AS stale
         FROM idempotency_keys WHERE scope = $1 AND "key" = $2`,
      [scope, key, takeoverSeconds],
    );
    if (!row) return null;
    return {
      requestHash: row.request_hash,
      status: row.status,
      attemptId: row.attempt_id,
      responseStatus: row.response_status,
      response: row.response,
      expired: row.expired,
      stale: row.stale,
    };
  }

  async deleteIfExpired(scope: string, key: string): Promise<void> {
    await returning(
      this.db.manager,
      `DELETE FROM idempotency_keys WHERE scope = $1 AND "key" = $2 AND expires_at <= now() RETURNING 1`,
      [scope, key],
    );
  }

  /** Hands an abandoned in_flight row to a new run; only one of several racers gets it. */
  async takeOver(scope: string, key: string, staleAttemptId: string, attemptId: string, takeoverSeconds: number) {
    const rows = await returning(
      this.db.manager,
      `UPDATE idempotency_keys SET attempt_id = $4, locked_at = now()
        WHERE scope = $1 AND "key" = $2 AND status = 'in_flight' AND attempt_id = $3
          AND locked_at <= now() - make_interval(secs => $5)
        RETURNING 1`,
      [scope, key, staleAttemptId, attemptId, takeoverSeconds],
    );
    return rows.length === 1;
  }

  /** Stores the answer; false when the row is no longer this run's (taken over, or purged). */
  async complete(scope: string, key: string, attemptId: string, responseStatus: number, response: Buffer) {
    const rows = await returning(
      this.db.manager,
      `UPDATE idempotency_keys SET status = 'done', response_status = $4, response = $5
        WHERE scope = $1 AND "key" = $2 AND attempt_id = $3 AND status = 'in_flight'
        RETURNING 1`,
      [scope, key, attemptId, responseStatus, response],
    );
    return rows.length === 1;
  }

  /** Frees the key so the client may retry (the request failed without a result worth keeping). */
  async release(scope: string, key: string, attemptId: string): Promise<void> {
    await returning(
      this.db.manager,
      `DELETE FROM idempotency_keys WHERE scope = $1 AND "key" = $2 AND attempt_id = $3 AND status = 'in_flight'
       RETURNING 1`,
      [scope, key, attemptId],
    );
  }

  /** Deletes up to `limit` expired rows, skipping rows another purge is deleting; answers how many. */
  async purgeExpired(limit: number): Promise<number> {
    const rows = await returning(
      this.db.manager,
      `DELETE FROM idempotency_keys WHERE (scope, "key") IN (
         SELECT scope, "key" FROM idempotency_keys WHERE expires_at <= now()
          ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING 1`,
      [limit],
    );
    return rows.length;
  }
}
