import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returning } from '../database/sql';
import { Notification, NotificationStatus } from './notification.entity';

export interface DueRow {
  id: string;
  attempts: number;
  kind: string;
}

export interface NotificationFilter {
  status?: NotificationStatus;
  kind?: string;
  /** Lower-cased, as stored. */
  recipient?: string;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Marks up to `limit` due rows that no job was pushed for yet as queued, and hands them to `push`
   * inside the same transaction: if the push fails (Redis down) the marks roll back and the next
   * pass tries again. SKIP LOCKED lets several relays share the work. The rows not yet pushed lead
   * the due index (`queued_at` NULLS FIRST), so a pass reads those, however long the queue behind.
   */
  relayDue(limit: number, push: (rows: DueRow[]) => Promise<void>): Promise<number> {
    return this.relay(`queued_at IS NULL AND next_attempt_at <= now()`, [limit], push);
  }

  /**
   * Due rows whose job was pushed more than `requeueSeconds` ago and has not started, oldest push
   * first, read without locks: the relay asks Redis which of them still have their job.
   */
  queuedLongAgo(limit: number, requeueSeconds: number): Promise<DueRow[]> {
    return this.db.query(
      `SELECT id, attempts, kind FROM notifications
       WHERE status = 'pending' AND queued_at < now() - make_interval(secs => $2) AND next_attempt_at <= now()
       ORDER BY queued_at NULLS FIRST
       LIMIT $1`,
      [limit, requeueSeconds],
    );
  }

  /** `relayDue` for rows whose job Redis lost (`queuedLongAgo`), if they are still waiting for it. */
  relayAgain(ids: string[], requeueSeconds: number, push: (rows: DueRow[]) => Promise<void>): Promise<number> {
    return this.relay(
      `id = ANY($2::uuid[]) AND queued_at < now() - make_interval(secs => $3) AND next_attempt_at <= now()`,
      [ids.length, ids, requeueSeconds],
      push,
    );
  }

  /** The rows `due` picks, in the due index's order (so a LIMIT stops early), marked queued and pushed. */
  private relay(due: string, params: unknown[], push: (rows: DueRow[]) => Promise<void>): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows = await returning<DueRow>(
        m,
        `WITH due AS (
           SELECT id FROM notifications
           WHERE status = 'pending' AND ${due}
           ORDER BY queued_at NULLS FIRST, next_attempt_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
         UPDATE notifications n SET queued_at = now() FROM due WHERE n.id = due.id
         RETURNING n.id, n.attempts, n.kind`,
        params,
      );
      if (rows.length) await push(rows);
      return rows.length;
    });
  }

  /** Rows whose sender died mid-send go back to pending; the attempt it made still counts. */
  async releaseExpiredLeases(): Promise<number> {
    const rows = await returning<unknown>(
      this.db,
      `UPDATE notifications SET status = 'pending', lease_expires_at = NULL, queued_at = NULL,
         next_attempt_at = now(), updated_at = now(),
         last_error = COALESCE(last_error, 'lease expired: the sender stopped mid-send')
       WHERE status = 'sending' AND lease_expires_at < now()
       RETURNING id`,
      [],
    );
    return rows.length;
  }

  /**
   * The one conditional UPDATE that makes rows this sender's: pending and due → sending with a
   * lease. Any other job or worker racing for a row finds it claimed and gets nothing for it. Rows
   * are locked in id order, so two senders claiming overlapping sets cannot deadlock.
   *
   * Each row is found by its key alone (`byKey`), then checked: asked for "pending", the planner
   * could read the status indexes, which hold every row of the queue behind a burst.
   */
  async claimMany(ids: string[], leaseSeconds: number): Promise<Notification[]> {
    const rows = await returning<Record<string, unknown>>(
      this.db,
      `WITH c AS (
         SELECT x.id FROM (SELECT DISTINCT id FROM unnest($1::uuid[]) AS w(id) ORDER BY id) w
         ${byKey('x', 'id, status, next_attempt_at')}
         WHERE x.status = 'pending' AND x.next_attempt_at <= now())
       UPDATE notifications n SET status = 'sending', attempts = n.attempts + 1,
         lease_expires_at = now() + make_interval(secs => $2), updated_at = now()
       FROM c WHERE n.id = c.id
       RETURNING n.*`,
      [ids, leaseSeconds],
    );
    return rows.map(toNotification);
  }

  async extendLease(
    id: string,
    attempts: number,
    leaseSeconds: number,
    m: EntityManager = this.db.manager,
  ): Promise<void> {
    await m.query(
      `UPDATE notifications SET lease_expires_at = now() + make_interval(secs => $3)
       WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [id, attempts, leaseSeconds],
    );
  }

  /** Only the holder of the claim (same attempt, still sending) can close it. */
  async markSent(
    id: string,
    attempts: number,
    messageId: string | null,
    smtpResponse: string | null,
  ): Promise<boolean> {
    return (await this.markSentMany([{ id, attempts, messageId, smtpResponse }])).has(id);
  }

  /**
   * `markSent` for several rows in one statement (found by key and locked in id order, like
   * `claimMany`); answers the ids it recorded: a row missing from the answer was taken over after
   * its lease ran out.
   */
  async markSentMany(
    sent: { id: string; attempts: number; messageId: string | null; smtpResponse: string | null }[],
  ): Promise<Set<string>> {
    const rows = await returning<{ id: string }>(
      this.db,
      `WITH v AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) AS v(id, attempts, message_id, smtp_response)),
       c AS (
         SELECT x.id FROM (SELECT id, attempts FROM v ORDER BY id) w
         ${byKey('x', 'id, status, attempts')}
         WHERE x.status = 'sending' AND x.attempts = w.attempts)
       UPDATE notifications n SET status = 'sent', sent_at = now(), lease_expires_at = NULL, last_error = NULL,
         message_id = v.message_id, smtp_response = v.smtp_response, updated_at = now()
       FROM v, c
       WHERE n.id = v.id AND n.id = c.id
       RETURNING n.id`,
      [
        sent.map((s) => s.id),
        sent.map((s) => s.attempts),
        sent.map((s) => s.messageId?.slice(0, 300) ?? null),
        sent.map((s) => s.smtpResponse?.slice(0, 1000) ?? null),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }

  async markRetry(id: string, attempts: number, delayMs: number, error: string): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET status = 'pending', lease_expires_at = NULL, queued_at = NULL,
         next_attempt_at = now() + make_interval(secs => $3), last_error = $4, updated_at = now()
       WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [id, attempts, delayMs / 1000, error],
    );
  }

  async markFinal(
    id: string,
    attempts: number,
    status: 'failed' | 'skipped' | 'suppressed',
    error: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET status = $3, lease_expires_at = NULL, last_error = $4, updated_at = now()
       WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [id, attempts, status, error],
    );
  }

  /**
   * The row failed because the server refused its address for good: it ends `failed` and, in the
   * same statement, the address joins the suppressions (optional mail to it stops), unless the row
   * is no longer this sender's.
   */
  async markFailedAndSuppress(id: string, attempts: number, error: string): Promise<void> {
    await this.db.query(
      `WITH failed AS (
         UPDATE notifications SET status = 'failed', lease_expires_at = NULL, last_error = $3, updated_at = now()
         WHERE id = $1 AND status = 'sending' AND attempts = $2
         RETURNING id, recipient_email)
       INSERT INTO mail_suppressions (email, reason, smtp_response, notification_id)
       SELECT recipient_email, 'bounced', left($3, 1000), id FROM failed WHERE recipient_email IS NOT NULL
       ON CONFLICT (email) DO UPDATE SET smtp_response = EXCLUDED.smtp_response, notification_id = EXCLUDED.notification_id`,
      [id, attempts, error],
    );
  }

  /** An admin's retry: a failed row becomes pending and due now, with a fresh count of attempts. */
  async retryFailed(id: string): Promise<boolean> {
    const rows = await returning<unknown>(
      this.db,
      `UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = now(), queued_at = NULL,
         updated_at = now()
       WHERE id = $1 AND status = 'failed' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  findById(id: string): Promise<Notification | null> {
    return this.db.getRepository(Notification).findOneBy({ id });
  }

  page(filter: NotificationFilter, offset: number, limit: number): Promise<[Notification[], number]> {
    const qb = this.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip(offset)
      .take(limit);
    if (filter.status) qb.andWhere('n.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('n.kind = :kind', { kind: filter.kind });
    if (filter.recipient) qb.andWhere('n.recipient_email = :recipient', { recipient: filter.recipient });
    return qb.getManyAndCount();
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}

/**
 * Joined to a list of ids `w` in id order: the row of each, found by primary key and locked
 * (FOR UPDATE keeps the subquery from being merged into the query, so no other index can be
 * chosen for it), one after the other in the list's order. Conditions on its columns go after
 * it; they see the row as it is once locked.
 */
function byKey(alias: string, columns: string): string {
  return `CROSS JOIN LATERAL (SELECT ${columns} FROM notifications WHERE id = w.id FOR UPDATE) ${alias}`;
}

/** Raw RETURNING * row → entity shape. */
function toNotification(r: Record<string, unknown>): Notification {
  return Object.assign(new Notification(), {
    id: r.id,
    kind: r.kind,
    recipientEmail: r.recipient_email,
    recipientName: r.recipient_name,
    locale: r.locale,
    payload: r.payload,
    dedupeKey: r.dedupe_key,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    leaseExpiresAt: r.lease_expires_at,
    queuedAt: r.queued_at,
    lastError: r.last_error,
    messageId: r.message_id,
    smtpResponse: r.smtp_response,
    fanoutCursor: r.fanout_cursor,
    sentAt: r.sent_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
