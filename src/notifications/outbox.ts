import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MailData, MailKind } from '../mail/mail-kinds';
import type { Locale } from '../users/user.entity';

/** Postgres channel the relay LISTENs on; NOTIFY inside a transaction is delivered at commit. */
export const OUTBOX_CHANNEL = 'kinship_outbox';

export interface MailRequest<K extends MailKind = MailKind> {
  kind: K;
  to: { email: string; name?: string | null };
  locale: Locale;
  /** Ids plus the few fields the template needs (see the kind's preparer), never secrets. */
  payload: Record<string, unknown>;
  /** Names the cause and its version: `registration:<id>:confirmed`. */
  dedupeKey: string;
  /** Future mail (reminders, payment due): not sent before this time. */
  notBefore?: Date;
}

export interface FanoutRequest {
  /** The template each recipient gets (`event.changed`); the row's kind is `fanout.<template>`. */
  template: MailKind;
  /** What the audience provider needs to list the recipients (an event id), plus shared fields. */
  payload: Record<string, unknown>;
  dedupeKey: string;
  notBefore?: Date;
}

/** Payload types only carry ids; MailData is what the template receives after preparation. */
export type PreparedData<K extends MailKind> = MailData[K];

/**
 * The only way any feature sends mail: rows written inside the caller's transaction. A second row
 * with an existing dedupe key is a no-op (answers null). Nothing is sent if the transaction rolls back.
 */
@Injectable()
export class Outbox {
  async enqueue(manager: EntityManager, req: MailRequest): Promise<string | null> {
    return this.insert(manager, {
      kind: req.kind,
      email: req.to.email.toLowerCase(),
      name: req.to.name ?? null,
      locale: req.locale,
      payload: req.payload,
      dedupeKey: req.dedupeKey,
      notBefore: req.notBefore,
    });
  }

  /** One row standing for many recipients; the worker expands it in batches. */
  async enqueueFanout(manager: EntityManager, req: FanoutRequest): Promise<string | null> {
    return this.insert(manager, {
      kind: `fanout.${req.template}`,
      email: null,
      name: null,
      locale: 'en',
      payload: req.payload,
      dedupeKey: req.dedupeKey,
      notBefore: req.notBefore,
    });
  }

  private async insert(
    manager: EntityManager,
    row: {
      kind: string;
      email: string | null;
      name: string | null;
      locale: Locale;
      payload: Record<string, unknown>;
      dedupeKey: string;
      notBefore?: Date;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notifications (kind, recipient_email, recipient_name, locale, payload, dedupe_key, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()))
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [row.kind, row.email, row.name, row.locale, JSON.stringify(row.payload), row.dedupeKey, row.notBefore ?? null],
    );
    if (rows.length && !row.notBefore) await manager.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    return rows[0]?.id ?? null;
  }
}
