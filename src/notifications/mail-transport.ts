import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AppConfig } from '../config/config.module';
import type { RenderedMail } from '../mail/mail-kinds';

export interface SentInfo {
  messageId: string | null;
  response: string | null;
}

/** A rendered mail, addressed. */
export interface OutgoingMail extends RenderedMail {
  to: { name: string | null; address: string };
  headers: Record<string, string>;
}

/** A pooled Nodemailer SMTP transport (worker only: the api never sends mail). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;
  private readonly from: string;

  constructor(config: AppConfig) {
    const url = config.get('SMTP_URL');
    this.from = config.get('MAIL_FROM');
    this.transporter = url
      ? createTransport({
          url,
          pool: true,
          maxConnections: config.get('MAIL_POOL_SIZE'),
          maxMessages: 1000,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 60_000,
        })
      : null;
  }

  async send(mail: OutgoingMail): Promise<SentInfo> {
    if (!this.transporter) {
      throw Object.assign(new Error('SMTP_URL is not set: mail cannot be sent'), { code: 'ENOSMTP' });
    }
    // The message is built in memory first and handed to the pool whole: SMTP then writes it to
    // the socket in a few large writes instead of one per MIME chunk (a system call each).
    const message = new MailComposer({
      ...mail,
      from: this.from,
      to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    }).compile();
    const envelope = message.getEnvelope();
    const messageId = message.messageId();
    const raw = await message.build();
    // Nothing of the composed message (HTML, text, attachments) is held while SMTP answers: a
    // mail in flight keeps only its bytes, so less of it outlives the young generation.
    const info = await this.transporter.sendMail({ envelope, raw });
    return { messageId, response: info.response ?? null };
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
