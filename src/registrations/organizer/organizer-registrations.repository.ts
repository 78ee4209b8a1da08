import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLiteral, type Pool, type PoolClient } from 'pg';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { returning } from '../../database/sql';
import type { Event } from '../../events/event.entity';
import { Notification } from '../../notifications/notification.entity';
import { escapeLike } from '../../users/users.repository';
import { Attendee, Registration, RegistrationStatus } from '../registration.entity';
import { RegistrationRows, withAttendees } from '../registration-page';
import { answerCellSql, instantCellSql, safeCellSql } from './csv-cells';
import { EventStatsResponse, TimelineDay } from './dto/organizer.dto';

export interface RegistrationFilter {
  status?: RegistrationStatus;
  q?: string;
  /** `q` as a check-in code (upper case, without spaces and dashes), when it can be one. */
  code?: string;
}

/** What the export needs of its event. */
export type ExportEvent = Pick<Event, 'id' | 'timezone' | 'questions'>;

/**
 * The export as finished CSV rows, for `COPY ... TO STDOUT`: request order, then the family's own
 * order; a row per attendee; every cell formatted and guarded against formulas in SQL
 * (csv-cells.ts), so no row is parsed into JavaScript. COPY takes no bind parameters: every value
 * is a literal through pg's `escapeLiteral`. The instants need the session's TimeZone to be the
 * event's zone (`startExport`).
 */
export function exportCopySql(event: ExportEvent, statuses: readonly RegistrationStatus[]): string {
  const raw = [
    'r.code',
    'r.status',
    'r.contact_name',
    'r.contact_email',
    'r.contact_phone',
    'a.name',
    'a.category',
    'a.birth_date::text',
    instantCellSql('a.checked_in_at', event.timezone),
    instantCellSql('r.created_at', event.timezone),
    ...event.questions.map((q) => answerCellSql(`r.answers -> ${escapeLiteral(q.id)}`)),
  ];
  // The inner query computes each cell once; the outer one guards it (which reads it twice).
  return `COPY (
  SELECT ${raw.map((_, i) => safeCellSql(`c.c${i}`)).join(',\n    ')}
  FROM (
    SELECT ${raw.map((expr, i) => `${expr} AS c${i}`).join(',\n      ')}
    FROM registrations r
    JOIN registration_attendees a ON a.registration_id = r.id
    WHERE r.event_id = ${escapeLiteral(event.id)} AND r.status IN (${statuses.map(escapeLiteral).join(', ')})
    ORDER BY r.seq, a.position
  ) c
) TO STDOUT WITH (FORMAT csv)`;
}

/** The SQL behind the organizer's views of an event's registrations. */
@Injectable()
export class OrganizerRegistrationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * One page in request order (the event's `seq` index). The total comes from the event's counts
   * unless `q` asks for a search, which counts its matches. Waitlist positions are counted only
   * for the page's waitlisted rows: the waitlisted before the first of them (one count on the
   * waitlist index, computed once), plus each one's rank from there.
   */
  async page(eventId: string, f: RegistrationFilter, offset: number, limit: number): Promise<RegistrationRows> {
    const where = ['r.event_id = $1'];
    const params: unknown[] = [eventId];
    if (f.status) {
      params.push(f.status);
      where.push(`r.status = $${params.length}`);
    }
    if (f.q) {
      params.push(`%${escapeLike(f.q)}%`);
      const like = `$${params.length}`;
      const alternatives = [
        `r.contact_name ILIKE ${like}`,
        `r.contact_email ILIKE ${like}`,
        `EXISTS (SELECT 1 FROM registration_attendees a WHERE a.registration_id = r.id AND a.name ILIKE ${like})`,
      ];
      if (f.code) {
        params.push(`%${escapeLike(f.code)}%`);
        alternatives.push(`r.code LIKE $${params.length}`);
      }
      where.push(`(${alternatives.join(' OR ')})`);
    }
    const filter = where.join(' AND ');
    const total = f.q
      ? ((await this.db.query(`SELECT count(*)::int AS total FROM registrations r WHERE ${filter}`, params))[0]
          .total as number)
      : await this.countOf(eventId, f.status);
    const n = params.length;
    const page: { id: string; waitlistPosition: number | null }[] = await this.db.query(
      `WITH page AS (
         SELECT r.id, r.seq, r.status FROM registrations r WHERE ${filter} ORDER BY r.seq LIMIT $${n + 1} OFFSET $${n + 2}
       ),
       first AS (SELECT min(seq) AS seq FROM page WHERE status = 'waitlisted')
       SELECT page.id,
              CASE WHEN page.status = 'waitlisted' THEN (
                SELECT count(*)::int FROM registrations w
                WHERE w.event_id = $1 AND w.status = 'waitlisted' AND w.seq < (SELECT seq FROM first)
              ) + (
                SELECT count(*)::int FROM registrations w
                WHERE w.event_id = $1 AND w.status = 'waitlisted' AND w.seq >= (SELECT seq FROM first) AND w.seq <= page.seq
              ) END AS "waitlistPosition"
       FROM page ORDER BY page.seq`,
      [...params, limit, offset],
    );
    return { rows: await withAttendees(this.db.manager, page), total };
  }

  /** Registrations of the event (with this status), from its counts: no scan of the event. */
  private async countOf(eventId: string, status: RegistrationStatus | undefined): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT CASE $2::varchar WHEN 'confirmed' THEN sum(confirmed) WHEN 'waitlisted' THEN sum(waitlisted)
                               WHEN 'cancelled' THEN sum(cancelled) ELSE sum(confirmed + waitlisted + cancelled) END::int AS n
       FROM event_counts WHERE event_id = $1`,
      [eventId, status ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * The event's counts: seats from the event row, the rest from the sum of its counts rows (kept
   * by triggers in the transaction of every change; none yet means no registration yet).
   */
  async stats(eventId: string): Promise<EventStatsResponse | null> {
    const rows: EventStatsResponse[] = await this.db.query(
      `SELECT e.capacity, e.seats_taken AS "seatsTaken",
              coalesce(c.confirmed, 0) AS confirmed, coalesce(c.waitlisted, 0) AS waitlisted,
              coalesce(c.cancelled, 0) AS cancelled, coalesce(c.checked_in, 0) AS "checkedIn",
              coalesce(c.adults, 0) AS adults, coalesce(c.children, 0) AS children
       FROM events e LEFT JOIN LATERAL (
         SELECT sum(confirmed)::int AS confirmed, sum(waitlisted)::int AS waitlisted, sum(cancelled)::int AS cancelled,
                sum(checked_in)::int AS checked_in, sum(adults)::int AS adults, sum(children)::int AS children
         FROM event_counts WHERE event_id = e.id
       ) c ON true
       WHERE e.id = $1`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  /** Registrations per day of their making, in the event's zone, by their status now. */
  timeline(eventId: string, timezone: string): Promise<TimelineDay[]> {
    return this.db.query(
      `WITH made AS (
         SELECT (created_at AT TIME ZONE $2)::date AS day, status FROM registrations WHERE event_id = $1
       ),
       span AS (SELECT generate_series(min(day), max(day), interval '1 day')::date AS day FROM made)
       SELECT to_char(s.day, 'YYYY-MM-DD') AS date,
              count(m.status) FILTER (WHERE m.status = 'confirmed')::int AS confirmed,
              count(m.status) FILTER (WHERE m.status = 'waitlisted')::int AS waitlisted,
              count(m.status) FILTER (WHERE m.status = 'cancelled')::int AS cancelled
       FROM span s LEFT JOIN made m ON m.day = s.day
       GROUP BY s.day ORDER BY s.day`,
      [eventId, timezone],
    );
  }

  /** Active registrations of the event now (the recipients of a message). */
  async countActive(m: EntityManager, eventId: string): Promise<number> {
    const [{ n }] = await m.query(
      "SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND status <> 'cancelled'",
      [eventId],
    );
    return n;
  }

  /** Whether the registration belongs to the event (an id of another event's family answers false). */
  async belongsTo(eventId: string, registrationId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM registrations WHERE id = $1 AND event_id = $2`, [
      registrationId,
      eventId,
    ]);
    return rows.length > 0;
  }

  /**
   * The outbox rows written to one registration, newest first: every registration mail carries
   * its id in the payload (direct rows and a fan-out's per-family rows), found through
   * `notifications_registration_idx`.
   */
  async mailsOf(
    registrationId: string,
    offset: number,
    limit: number,
  ): Promise<{ rows: Notification[]; total: number }> {
    const where = `payload ? 'registrationId' AND payload->>'registrationId' = $1`;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<Record<string, unknown>[]>(
        `SELECT id, kind, status, recipient_email, attempts, created_at, sent_at, next_attempt_at
         FROM notifications WHERE ${where} ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`,
        [registrationId, offset, limit],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM notifications WHERE ${where}`, [
        registrationId,
      ]),
    ]);
    return {
      total,
      rows: rows.map((r) =>
        Object.assign(new Notification(), {
          id: r.id,
          kind: r.kind,
          status: r.status,
          recipientEmail: r.recipient_email,
          attempts: r.attempts,
          createdAt: r.created_at,
          sentAt: r.sent_at,
          nextAttemptAt: r.next_attempt_at,
        }),
      ),
    };
  }

  /**
   * The registration with this code, share-locked for the transaction: a cancellation (which
   * locks it for update) waits for the check-in, or the check-in sees it cancelled.
   */
  findByCodeForShare(m: EntityManager, eventId: string, code: string): Promise<Registration | null> {
    return m
      .getRepository(Registration)
      .createQueryBuilder('r')
      .setLock('pessimistic_read')
      .where('r.event_id = :eventId AND r.code = :code', { eventId, code })
      .getOne();
  }

  attendeesOf(m: EntityManager, registrationId: string): Promise<Attendee[]> {
    return m.getRepository(Attendee).find({ where: { registrationId }, order: { position: 'ASC' } });
  }

  /** Stamps the arrival of the given attendees (all when null) that are not checked in yet. */
  /**
   * Stamps the attendees not yet checked in (of `attendeeIds`, or the whole party) at `at`, or now
   * when `at` is later or left out; answers how many it stamped.
   */
  async checkIn(m: EntityManager, registrationId: string, attendeeIds: string[] | null, at?: Date): Promise<number> {
    const rows = await returning<{ id: string }>(
      m,
      `UPDATE registration_attendees
       SET checked_in_at = least(coalesce($3::timestamptz, now()), now()), changed_at = clock_timestamp()
       WHERE registration_id = $1 AND checked_in_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
       RETURNING id`,
      [registrationId, attendeeIds, at ?? null],
    );
    return rows.length;
  }

  /** Clears the check-ins of `attendeeIds`, or of the whole party; answers how many it cleared. */
  async undoCheckIn(m: EntityManager, registrationId: string, attendeeIds: string[] | null = null): Promise<number> {
    const rows = await returning<{ id: string }>(
      m,
      `UPDATE registration_attendees SET checked_in_at = NULL, changed_at = clock_timestamp()
       WHERE registration_id = $1 AND checked_in_at IS NOT NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
       RETURNING id`,
      [registrationId, attendeeIds],
    );
    return rows.length;
  }

  /**
   * A connection of its own for a streamed export (a server-side cursor holds it until the
   * stream ends). Release it with the error, if any, so a connection in a bad state is dropped.
   */
  connectForStream(): Promise<PoolClient> {
    return ((this.db.driver as PostgresDriver).master as Pool).connect();
  }

  /**
   * Starts the export's COPY on a client of `connectForStream`, inside a read-only transaction whose
   * TimeZone is the event's (`SET LOCAL`, so the pooled connection keeps its own); `finishExport`
   * ends it once the stream has ended. A client that failed on the way is dropped, not finished.
   */
  async startExport(
    client: PoolClient,
    event: ExportEvent,
    statuses: readonly RegistrationStatus[],
  ): Promise<CopyToStreamQuery> {
    await client.query('BEGIN READ ONLY');
    await client.query(`SELECT set_config('TimeZone', $1, true)`, [event.timezone]);
    return client.query(copyTo(exportCopySql(event, statuses)));
  }

  async finishExport(client: PoolClient): Promise<void> {
    await client.query('COMMIT');
  }
}
