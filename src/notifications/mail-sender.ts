import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/config.module';
import { isMailKind, MailKind, OPTIONAL_MAIL_KINDS, Unsubscribable } from '../mail/mail-kinds';
import { renderMail } from '../mail/render';
import { Coalescer } from '../common/keyed-batches';
import { MailTransport, SentInfo } from './mail-transport';
import { Notification } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { MailSuppressionsRepository } from './mail-suppressions.repository';
import { MailPreparers, SkipMail, SuppressMail } from './preparers';
import { describeError, isAddressRefusal, verdict } from './retry-policy';

/** Sends one claimed row: prepare, render, send through the pool, then record the outcome in the row. */
@Injectable()
export class MailSender {
  private readonly logger = new Logger(MailSender.name);
  private readonly domain: string;
  /** Sends that SMTP accepts together are recorded by one UPDATE (a round trip and a commit each saved). */
  private readonly sentMarks = new Coalescer<{ row: Notification; info: SentInfo }, boolean>(async (sent) => {
    const recorded = await this.rows.markSentMany(
      sent.map(({ row, info }) => ({
        id: row.id,
        attempts: row.attempts,
        messageId: info.messageId,
        smtpResponse: info.response,
      })),
    );
    return sent.map(({ row }) => recorded.has(row.id));
  });

  /** Whether an address is suppressed, asked for the optional mails prepared together in one query. */
  private readonly suppressed = new Coalescer<string, boolean>((emails) => this.suppressions.suppressedAmong(emails));

  constructor(
    private readonly rows: NotificationsRepository,
    private readonly suppressions: MailSuppressionsRepository,
    private readonly preparers: MailPreparers,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {
    this.domain = new URL(config.get('PUBLIC_URL')).hostname || 'kinship.local';
  }

  /**
   * Holds the row's lease while it works (renewed at a third of its length), so a slow render or
   * a slow SMTP server never lets the sweeper hand a live send to another worker; a dead worker
   * stops renewing and its rows are re-driven when the lease runs out.
   */
  async send(row: Notification): Promise<void> {
    const lease = this.config.get('MAIL_LEASE_SECONDS');
    const heartbeat = setInterval(
      () => void this.rows.extendLease(row.id, row.attempts, lease).catch(() => undefined),
      (lease * 1000) / 3,
    );
    try {
      await this.sendHeld(row);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async sendHeld(row: Notification): Promise<void> {
    const kind = row.kind;
    if (!isMailKind(kind)) {
      await this.rows.markFinal(row.id, row.attempts, 'failed', `unknown mail kind ${kind}`);
      return;
    }
    const optional = OPTIONAL_MAIL_KINDS.has(kind);
    let info;
    try {
      if (optional && row.recipientEmail && (await this.suppressed.submit(row.recipientEmail))) {
        const reason = 'the address was refused for good by its mail server (an admin can lift the suppression)';
        await this.rows.markFinal(row.id, row.attempts, 'suppressed', reason);
        this.logger.log({ notificationId: row.id, kind, reason: 'bounced' }, 'mail suppressed');
        return;
      }
      const data = await this.preparers.prepare(row);
      if (data instanceof SkipMail) {
        const status = data instanceof SuppressMail ? 'suppressed' : 'skipped';
        await this.rows.markFinal(row.id, row.attempts, status, data.reason);
        this.logger.log({ notificationId: row.id, kind, reason: data.reason }, `mail ${status}`);
        return;
      }
      const mail = await renderMail(kind as MailKind, row.locale, data as never, {
        publicUrl: this.config.get('PUBLIC_URL'),
      });
      info = await this.transport.send({
        to: { name: row.recipientName, address: row.recipientEmail! },
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments: mail.attachments,
        // The same Message-ID on every attempt lets a receiving server drop a duplicate that a
        // crash between SMTP's acceptance and our write could cause.
        headers: {
          'Message-ID': `<${row.id}@${this.domain}>`,
          'X-Kinship-Notification': row.id,
          // RFC 8058 one-click unsubscribe, on optional mail only: a mail client POSTs to the link.
          ...(optional && 'unsubscribeUrl' in data
            ? {
                'List-Unsubscribe': `<${(data as Unsubscribable).unsubscribeUrl}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              }
            : {}),
        },
      });
    } catch (err) {
      const e = err as Parameters<typeof describeError>[0];
      const error = describeError(e);
      const v = verdict(e, row.attempts, this.config.get('MAIL_MAX_ATTEMPTS'), this.config.get('MAIL_RETRY_SCALE'));
      if (v.action === 'fail' && isAddressRefusal(e)) {
        // Transactional mail to it still goes (and fails again if the address is still refused).
        await this.rows.markFailedAndSuppress(row.id, row.attempts, error);
        this.logger.warn(
          { notificationId: row.id, kind, attempts: row.attempts, error },
          'mail failed; address suppressed',
        );
      } else if (v.action === 'fail') {
        await this.rows.markFinal(row.id, row.attempts, 'failed', error);
        this.logger.warn({ notificationId: row.id, kind, attempts: row.attempts, error }, 'mail failed');
      } else {
        await this.rows.markRetry(row.id, row.attempts, v.delayMs, error);
        this.logger.log(
          { notificationId: row.id, kind, attempts: row.attempts, retryInMs: v.delayMs, error },
          'mail deferred',
        );
      }
      return;
    }
    const recorded = await this.sentMarks.submit({ row, info });
    if (!recorded) {
      // The lease ran out while SMTP was answering and another sender took the row over.
      this.logger.warn({ notificationId: row.id, kind }, 'mail sent after its lease expired; it may arrive twice');
    }
  }
}
