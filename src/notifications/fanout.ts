import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/config.module';
import { FanoutAudiences } from './audiences';
import { Notification } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { OUTBOX_CHANNEL } from './outbox';
import { returning } from '../database/sql';

/**
 * Expands a claimed fan-out row into one row per recipient, a batch per transaction, so that no
 * transaction holds 100,000 recipients. Each batch also moves the row's cursor and extends its
 * lease; per-recipient dedupe keys (`<fan-out key>:<recipient key>`) make a repeated batch a no-op,
 * so a fan-out resumed after a crash neither loses nor doubles anyone.
 */
@Injectable()
export class FanoutExpander {
  private readonly logger = new Logger(FanoutExpander.name);

  constructor(
    private readonly rows: NotificationsRepository,
    private readonly audiences: FanoutAudiences,
    private readonly config: AppConfig,
  ) {}

  async expand(row: Notification): Promise<void> {
    const template = row.kind.slice('fanout.'.length);
    const audience = this.audiences.get(template);
    if (!audience) {
      await this.rows.markFinal(row.id, row.attempts, 'failed', `no audience for ${template}`);
      return;
    }
    const batch = this.config.get('FANOUT_BATCH_SIZE');
    const lease = this.config.get('MAIL_LEASE_SECONDS');
    let cursor = row.fanoutCursor;
    let total = 0;
    for (;;) {
      const added = await this.rows.transaction(async (m) => {
        const recipients = await audience(row.payload, cursor, batch, m);
        if (recipients.length) {
          await m.query(
            `INSERT INTO notifications (kind, recipient_email, recipient_name, locale, payload, dedupe_key)
             SELECT $1, r.email, r.name, r.locale, r.payload, r.key
             FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[]) AS r(email, name, locale, payload, key)
             ON CONFLICT (dedupe_key) DO NOTHING`,
            [
              template,
              recipients.map((r) => r.email.toLowerCase()),
              recipients.map((r) => r.name),
              recipients.map((r) => r.locale),
              recipients.map((r) => JSON.stringify({ ...r.payload, fanoutId: row.id })),
              recipients.map((r) => `${row.dedupeKey}:${r.key}`),
            ],
          );
          await m.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
        }
        const next = recipients.length ? recipients[recipients.length - 1].key : cursor;
        const moved = await returning<{ id: string }>(
          m,
          `UPDATE notifications SET fanout_cursor = $3, lease_expires_at = now() + make_interval(secs => $4), updated_at = now()
           WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
          [row.id, row.attempts, next, lease],
        );
        // Lost the lease (another worker took over): roll this batch back and stop.
        if (!moved.length) throw new Error('fan-out lease lost');
        cursor = next;
        return recipients.length;
      });
      total += added;
      if (added < batch) break;
    }
    await this.rows.markSent(row.id, row.attempts, null, `expanded to ${total} recipients`);
    this.logger.log({ notificationId: row.id, template, recipients: total }, 'fan-out expanded');
  }
}
