import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * An address whose mail server refused it for good (an SMTP 5xx about the mailbox). Optional mail
 * (organizer messages, reminders) is not sent to it until an admin lifts the suppression or the
 * person uses another address; transactional mail still goes.
 */
@Entity('mail_suppressions')
@Index('mail_suppressions_created_idx', ['createdAt'])
@Unique('mail_suppressions_email_uq', ['email'])
export class MailSuppression {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mail_suppressions' })
  id: string;

  /** Lower-cased, as the outbox stores it. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** `bounced`: the server answered a permanent refusal for the address. */
  @Column({ type: 'varchar', length: 20, default: 'bounced' })
  reason: string;

  /** The server's answer (address removed from it), for the admin deciding whether to lift it. */
  @Column({ name: 'smtp_response', type: 'varchar', length: 1000, nullable: true })
  smtpResponse: string | null;

  /** The outbox row that was refused. */
  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
