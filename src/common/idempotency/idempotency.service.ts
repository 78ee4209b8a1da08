import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/config.module';
import { IdempotencyCrypto } from './idempotency-crypto';
import { IdempotencyInFlightError, IdempotencyKeyReusedError } from './idempotency.errors';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

/** Keys live 24 h from the first request (rule 4). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** An in_flight row this old belongs to a request that died (process killed mid-handler). */
export const TAKEOVER_AFTER_SECONDS = 60;
/** Expired rows deleted per new key: keeps the table bounded without a scheduler. */
const PURGE_BATCH = 100;

/** This request holds the key and runs the handler. */
export interface Claim {
  scope: string;
  key: string;
  attemptId: string;
}

export type Outcome = { run: Claim } | { replay: { status: number; body: unknown } };

/**
 * Rule 4. The unique (scope, key) row decides who runs: the request whose INSERT lands runs the
 * handler; the others read the row and replay its answer, or are told the first is in flight
 * (409), or that the key came with another body (422).
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);
  private readonly crypto: IdempotencyCrypto;

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    config: AppConfig,
  ) {
    this.crypto = new IdempotencyCrypto(config.get('JWT_SECRET'));
  }

  async begin(scope: string, key: string, body: unknown): Promise<Outcome> {
    const requestHash = this.crypto.hash(body);
    // A row may vanish between our INSERT and our read (released after a failure, or expired):
    // then the INSERT is tried again; more than a few rounds means heavy churn on one key.
    for (let round = 0; round < 3; round++) {
      const attemptId = randomUUID();
      if (await this.keys.insert(scope, key, requestHash, attemptId, IDEMPOTENCY_TTL_SECONDS)) {
        await this.purge();
        return { run: { scope, key, attemptId } };
      }
      const row = await this.keys.find(scope, key, TAKEOVER_AFTER_SECONDS);
      if (!row) continue;
      if (row.expired) {
        await this.keys.deleteIfExpired(scope, key);
        continue;
      }
      if (row.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      if (row.status === 'done' && row.response && row.responseStatus !== null) {
        return { replay: { status: row.responseStatus, body: this.crypto.open(row.response) } };
      }
      if (row.stale && (await this.keys.takeOver(scope, key, row.attemptId, attemptId, TAKEOVER_AFTER_SECONDS))) {
        this.logger.warn({ scope, abandoned: row.attemptId, attemptId }, 'idempotency key taken over from a dead run');
        return { run: { scope, key, attemptId } };
      }
      throw new IdempotencyInFlightError();
    }
    throw new IdempotencyInFlightError();
  }

  /** Keeps the answer for replays. A failure here must not turn the handler's success into an error. */
  async complete(claim: Claim, status: number, body: unknown): Promise<void> {
    try {
      const stored = await this.keys.complete(claim.scope, claim.key, claim.attemptId, status, this.crypto.seal(body));
      if (!stored)
        this.logger.warn({ scope: claim.scope }, 'idempotency key no longer held by this run; answer not kept');
    } catch (err) {
      this.logger.error({ err, scope: claim.scope }, 'could not store the answer of an idempotency key');
    }
  }

  /** Frees the key so the same key may be retried. */
  async release(claim: Claim): Promise<void> {
    try {
      await this.keys.release(claim.scope, claim.key, claim.attemptId);
    } catch (err) {
      this.logger.error({ err, scope: claim.scope }, 'could not release an idempotency key');
    }
  }

  private async purge(): Promise<void> {
    try {
      await this.keys.purgeExpired(PURGE_BATCH);
    } catch (err) {
      this.logger.warn({ err }, 'could not purge expired idempotency keys');
    }
  }
}
