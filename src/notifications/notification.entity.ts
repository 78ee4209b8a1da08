import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '../users/user.entity';

/**
 * `skipped`: no longer wanted (a stale reminder). `suppressed`: optional mail (an organizer's
 * message, a reminder) not sent because the address bounced for good or the family unsubscribed.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'suppressed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The outbox. One row per email (or per fan-out, which the worker expands into per-recipient
 * rows): written in the transaction of the change that causes it, and the source of truth for
 * whether it was sent. BullMQ jobs only wake senders.
 */
@Entity('notifications')
// The relay's, (queued_at NULLS FIRST, next_attempt_at) WHERE status = 'pending': rows no job was
// pushed for yet, then the pushes oldest first. Defined in its migration (NULLS FIRST).
@Index('notifications_due_idx', { synchronize: false })
@Index('notifications_lease_idx', ['leaseExpiresAt'], { where: "status = 'sending'" })
@Index('notifications_admin_idx', ['status', 'kind', 'createdAt'])
// An erasure's purge and an export's list of the mails written to one address.
@Index('notifications_recipient_idx', ['recipientEmail'])
// Rows past the mail retention keep their kind and status, not their recipient or payload.
@Index('notifications_retention_idx', { synchronize: false })
// A registration's mails, by the registrationId in their payload (migration MailLog).
@Index('notifications_registration_idx', { synchronize: false })
@Check('notifications_status_check', "status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'suppressed')")
@Check(
  'notifications_recipient_check',
  "kind LIKE 'fanout.%' OR recipient_email IS NOT NULL OR status IN ('sent', 'failed', 'skipped', 'suppressed')",
)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Template name (`registration.confirmed`), or `fanout.<template>` for a row that expands. */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254, nullable: true })
  recipientEmail: string | null;

  @Column({ name: 'recipient_name', type: 'varchar', length: 200, nullable: true })
  recipientName: string | null;

  @Column({ type: 'varchar', length: 10, default: 'en' })
  locale: Locale;

  /** Ids plus the few fields the template needs; never secrets (tokens are derived at send time). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  /** Names the cause and its version (`registration:<id>:confirmed`); a second row with it is a no-op. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 300, unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** While `sending`: when another sender may take the row over (the first one died). */
  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  /** When the relay last pushed a job for this attempt (re-pushed if nothing happened since). */
  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 2000, nullable: true })
  lastError: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 300, nullable: true })
  messageId: string | null;

  @Column({ name: 'smtp_response', type: 'varchar', length: 1000, nullable: true })
  smtpResponse: string | null;

  /** Fan-out rows: the last source id expanded, so a retried batch resumes where it stopped. */
  @Column({ name: 'fanout_cursor', type: 'varchar', length: 100, nullable: true })
  fanoutCursor: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
