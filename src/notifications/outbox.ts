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
    const ids = await this.insert(manager, reqs.map(outboxRow));
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
  private async insert(manager: EntityManager, rows: OutboxRow[]): Promise<Map<string, string>> {
    const insert = outboxInsert(rows, 1);
    const inserted: { id: string; dedupe_key: string }[] = await manager.query(
      `WITH ins AS (${insert.sql})
       SELECT id, dedupe_key, CASE WHEN next_attempt_at <= now() THEN ${OUTBOX_WAKE}::text END AS woke FROM ins`,
      insert.params,
    );
    return new Map(inserted.map((r) => [r.dedupe_key, r.id]));
  }
}

/** One row of the outbox as written. */
export interface OutboxRow {
  kind: string;
  email: string | null;
  name: string | null;
  locale: Locale;
  payload: Record<string, unknown>;
  dedupeKey: string;
  notBefore?: Date;
}

export function outboxRow(req: MailRequest): OutboxRow {
  return {
    kind: req.kind,
    email: req.to.email.toLowerCase(),
    name: req.to.name ?? null,
    locale: req.locale,
    payload: req.payload,
    dedupeKey: req.dedupeKey,
    notBefore: req.notBefore,
  };
}

/** Wakes the relay at commit (one NOTIFY per transaction however often it is called). */
export const OUTBOX_WAKE = `pg_notify('${OUTBOX_CHANNEL}', '')`;

/**
 * The INSERT of outbox rows, its parameters numbered from `first`, for a statement that writes
 * them (as a CTE) together with the change they belong to. A dedupe key already there is skipped;
 * it returns `id, dedupe_key, next_attempt_at`, and the statement must call `OUTBOX_WAKE` when one
 * of those is due now. `where` (say `WHERE EXISTS (SELECT 1 FROM other_cte)`) makes the rows
 * conditional.
 */
export function outboxInsert(rows: OutboxRow[], first: number, where = ''): { sql: string; params: unknown[] } {
  const $ = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO notifications (kind, recipient_email, recipient_name, locale, payload, dedupe_key, next_attempt_at)
         SELECT r.kind, r.email, r.name, r.locale, r.payload, r.dedupe_key, COALESCE(r.not_before, now())
         FROM unnest(${$(0)}::text[], ${$(1)}::text[], ${$(2)}::text[], ${$(3)}::text[], ${$(4)}::jsonb[], ${$(5)}::text[], ${$(6)}::timestamptz[])
           AS r(kind, email, name, locale, payload, dedupe_key, not_before)
         ${where}
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, dedupe_key, next_attempt_at`,
    params: [
      rows.map((r) => r.kind),
      rows.map((r) => r.email),
      rows.map((r) => r.name),
      rows.map((r) => r.locale),
      rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.dedupeKey),
      rows.map((r) => r.notBefore ?? null),
    ],
  };
}
