import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const IDEMPOTENCY_STATUSES = ['in_flight', 'done'] as const;
export type IdempotencyStatus = (typeof IDEMPOTENCY_STATUSES)[number];

/**
 * One `Idempotency-Key` a caller sent to one endpoint, kept 24 h. The primary key (scope, key)
 * decides races: the request that inserts the row runs the handler, every other one reads it.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_expires_idx', ['expiresAt'])
@Check('idempotency_keys_status_check', "status IN ('in_flight', 'done')")
export class IdempotencyKey {
  /** `user:<id>` or `anon`, then the method, route pattern and path params (see scopeOf). */
  @PrimaryColumn({ type: 'varchar', length: 300 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** HMAC-SHA256 (hex) of the body as canonical JSON: a different body under the same key is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 10, default: 'in_flight' })
  status: IdempotencyStatus;

  /** The run that holds the row: only it may store the answer (another may take a stale row over). */
  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  /** When the current run started; an in_flight row older than the takeover delay was abandoned. */
  @Column({ name: 'locked_at', type: 'timestamptz', default: () => 'now()' })
  lockedAt: Date;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  /** The answer's body as JSON, sealed (AES-256-GCM): it may hold an access token or a guest's manage token. */
  @Column({ type: 'bytea', nullable: true })
  response: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
