import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';

/**
 * Rule 4, imported once by the api module; mark a creating handler with @Idempotent().
 *
 * - Scope: `user:<id>` or `anon`, plus method, route pattern and path params.
 * - A row (scope, key, HMAC of the canonical body, in_flight) is inserted with ON CONFLICT DO
 *   NOTHING before the handler runs: the primary key decides races, so one request runs and the
 *   others replay (201 + Idempotent-Replayed: true), get 409 idempotency_in_flight, or 422
 *   idempotency_key_reused for another body.
 * - Kept: 2xx, and 4xx answers given after processing started (409 email_taken, 403, 404, 422).
 *   Released (row deleted, same key may be retried): 400 (bad fields: nothing was done), 429, 5xx
 *   and unexpected errors. Guard (401/403) and body-parser (400/413/415) refusals never reach here.
 * - 24 h from the first request; expired rows are ignored, and each new key deletes up to 100.
 * - An in_flight row older than 60 s is taken over by a retry (its request died); the dead run, if
 *   it ever finishes, cannot overwrite the new answer (rows are held by attempt id).
 * - The stored answer is sealed with a key derived from JWT_SECRET (it may carry tokens).
 */
@Module({
  providers: [
    IdempotencyKeysRepository,
    IdempotencyService,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
