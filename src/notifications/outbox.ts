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
    return (await this.enqueueMany(manager, [req]))[0];
  }

  /**
   * Several mails of one change in one statement (a confirmation and its reminder). Answers each
   * row's id, or null where the dedupe key already existed.
   */
  async enqueueMany(manager: EntityManager, reqs: MailRequest[]): Promise<(string | null)[]> {
    const ids = await this.insert(
      manager,
      reqs.map((req) => ({
        kind: req.kind,
        email: req.to.email.toLowerCase(),
        name: req.to.name ?? null,
        locale: req.locale,
        payload: req.payload,
        dedupeKey: req.dedupeKey,
        notBefore: req.notBefore,
      })),
    );
    return reqs.map((r) => ids.get(r.dedupeKey) ?? null);
  }

  /** One row standing for many recipients; the worker expands it in batches. */
  async enqueueFanout(manager: EntityManager, req: FanoutRequest): Promise<string | null> {
    const ids = await this.insert(manager, [
      {
        kind: `fanout.${req.template}`,
        email: null,
        name: null,
        locale: 'en',
        payload: req.payload,
        dedupeKey: req.dedupeKey,
        notBefore: req.notBefore,
      },
    ]);
    return ids.get(req.dedupeKey) ?? null;
  }

  /**
   * One statement: the rows (a dedupe key already there is skipped) and, for any row due now, a
   * NOTIFY that Postgres delivers to the relay at commit (and never on rollback).
   */
  private async insert(
    manager: EntityManager,
    rows: {
      kind: string;
      email: string | null;
      name: string | null;
      locale: Locale;
      payload: Record<string, unknown>;
      dedupeKey: string;
      notBefore?: Date;
    }[],
  ): Promise<Map<string, string>> {
    const inserted: { id: string; dedupe_key: string }[] = await manager.query(
      `WITH ins AS (
         INSERT INTO notifications (kind, recipient_email, recipient_name, locale, payload, dedupe_key, next_attempt_at)
         SELECT r.kind, r.email, r.name, r.locale, r.payload, r.dedupe_key, COALESCE(r.not_before, now())
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::timestamptz[])
           AS r(kind, email, name, locale, payload, dedupe_key, not_before)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, dedupe_key, next_attempt_at)
       SELECT id, dedupe_key, CASE WHEN next_attempt_at <= now() THEN pg_notify('${OUTBOX_CHANNEL}', '')::text END AS woke
       FROM ins`,
      [
        rows.map((r) => r.kind),
        rows.map((r) => r.email),
        rows.map((r) => r.name),
        rows.map((r) => r.locale),
        rows.map((r) => JSON.stringify(r.payload)),
        rows.map((r) => r.dedupeKey),
        rows.map((r) => r.notBefore ?? null),
      ],
    );
    return new Map(inserted.map((r) => [r.dedupe_key, r.id]));
  }
}
