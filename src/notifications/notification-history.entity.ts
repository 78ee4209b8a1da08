import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Notification } from './notification.entity';
import type { NotificationStatus } from './notification.entity';

/**
 * A notification's status history for the admins' mail log, written by a trigger on
 * `notifications` (migration MailLog) whenever a row's status changes to anything but `sending`:
 * a try that will be repeated (`pending` with the attempts so far), `sent`, `failed`, `skipped`,
 * `suppressed`, and an admin's retry (`pending` with no attempts). No error text: the outbox row's
 * `last_error` is the one the mail retention strips of the address; this table keeps no address.
 * Deleted with its notification (an erasure).
 */
@Entity('notification_history')
@Index('notification_history_notification_idx', ['notificationId', 'at'])
export class NotificationHistory {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<Notification>;

  @Column({ type: 'varchar', length: 10 })
  status: NotificationStatus;

  /** The tries made when the status changed (0 right after an admin's retry). */
  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
