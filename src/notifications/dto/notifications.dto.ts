import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { trim } from '../../common/validators';
import { PageQuery, PageSchema } from '../../common/pagination';
import { LOCALES, Locale } from '../../users/user.entity';
import { MAIL_KINDS } from '../../mail/mail-kinds';
import { NOTIFICATION_STATUSES, NotificationStatus } from '../notification.entity';

/** Every kind a row can have: a template, or `fanout.<template>` for a row that expands. */
export const NOTIFICATION_KINDS: readonly string[] = [...MAIL_KINDS, ...MAIL_KINDS.map((k) => `fanout.${k}`)];

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, description: 'a mail kind, or fanout.<kind>' })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: string;

  @ApiPropertyOptional({ description: 'the whole recipient address, any case', maxLength: 254 })
  @IsOptional()
  @Transform(trim)
  @MaxLength(254)
  @IsEmail({}, { message: 'recipient must be an email address' })
  recipient?: string;
}

/** A row of the outbox as admins see it: delivery facts, never the payload (it may hold personal data). */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'account.welcome', description: 'a mail kind, or fanout.<kind>' })
  kind: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null on a fan-out row, and once the mail retention purged the row (RETENTION_MAIL_DAYS)',
  })
  recipientEmail: string | null;
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: NotificationStatus;
  @ApiProperty({ description: 'tries made so far' })
  attempts: number;
  @ApiProperty({ format: 'date-time', description: 'when a pending row is (or was) next due' })
  nextAttemptAt: string;
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the Message-ID the SMTP server accepted' })
  messageId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '250 OK: queued' })
  smtpResponse: string | null;
  @ApiProperty({ example: 'user:3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a90:welcome', description: 'names the cause' })
  dedupeKey: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

export const NotificationPage = PageSchema(NotificationResponse);

/** One change of a notification's status (never `sending`; no error text or address). */
export class NotificationHistoryEntry {
  @ApiProperty({
    enum: NOTIFICATION_STATUSES,
    description: 'pending after a try: it will be tried again; pending with 0 attempts: an admin retried it',
  })
  status: NotificationStatus;
  @ApiProperty({ description: 'tries made when the status changed' })
  attempts: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class NotificationDetail extends NotificationResponse {
  @ApiProperty({
    type: [NotificationHistoryEntry],
    description: 'oldest first; the row was written pending at createdAt',
  })
  history: NotificationHistoryEntry[];
}
