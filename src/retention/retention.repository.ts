import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returning } from '../database/sql';
import { CLEAR_ATTENDEE_SET, CLEAR_REGISTRATION_SET } from '../registrations/registration.entity';

export interface EventCursor {
  id: string;
  endsAt: Date;
}

/** Outbox statuses after which a row changes no more: its recipient and payload can go. */
const FINAL = `('sent', 'failed', 'skipped', 'suppressed')`;

/**
 * `text` with every occurrence of `email` (case-insensitive) replaced: an SMTP answer often quotes
 * the address it refused. Every character of the address that is not a letter or digit is
 * escaped, so it matches as written.
 */
const withoutAddress = (text: string, email: string) =>
  `CASE WHEN ${email} IS NULL OR ${text} IS NULL THEN ${text}
        ELSE regexp_replace(${text}, regexp_replace(${email}, '([^a-zA-Z0-9])', '\\\\\\1', 'g'), '[address removed]', 'gi') END`;

/**
 * The SQL of the retention run. Every method changes at most `limit` rows in one statement (one
 * transaction), taking only rows no one else holds (SKIP LOCKED): a registration being checked in
 * or a mail being sent is left for the next batch or the next day, never waited for.
 */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The instant `months` months (or `days` days) before now, by Postgres's clock: one run uses one. */
  async cutoff(months: number, days: number): Promise<Date> {
    const [row]: { cutoff: Date }[] = await this.db.query(
      `SELECT now() - make_interval(months => $1, days => $2) AS cutoff`,
      [months, days],
    );
    return row.cutoff;
  }

  /**
   * Events that ended before `cutoff` whose registrations may still hold personal fields, oldest
   * first, after the cursor (the last event of the previous page).
   */
  async endedEventsToClear(cutoff: Date, after: EventCursor | null, limit: number): Promise<EventCursor[]> {
    const rows: { id: string; ends_at: Date }[] = await this.db.query(
      `SELECT id, ends_at FROM events
       WHERE ends_at < $1 AND personal_data_removed_at IS NULL
         AND ($2::timestamptz IS NULL OR (ends_at, id) > ($2, $3::uuid))
       ORDER BY ends_at, id LIMIT $4`,
      [cutoff, after?.endsAt ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({ id: r.id, endsAt: r.ends_at }));
  }

  /**
   * Removes the personal fields of up to `limit` registrations of one ended event: the contact
   * (the email becomes `erased:<id>`, as an erasure leaves it: unique, never an address, and no
   * mail to many goes there), the answers, the link to the account, the attendees' names, birth
   * dates and household links.
   * What the counts, check-ins and program reports read (status, party size, categories, check-in
   * times, the code) stays; the count triggers see no change of status or category.
   */
  async clearRegistrations(eventId: string, limit: number): Promise<number> {
    const rows = await returning<{ id: string }>(
      this.db,
      `WITH batch AS (
         SELECT id FROM registrations
         WHERE event_id = $1 AND personal_data_removed_at IS NULL
         ORDER BY seq LIMIT $2
         FOR UPDATE SKIP LOCKED),
       attendees AS (
         UPDATE registration_attendees a SET ${CLEAR_ATTENDEE_SET}
         FROM batch WHERE a.registration_id = batch.id
         RETURNING a.id)
       UPDATE registrations r SET ${CLEAR_REGISTRATION_SET}, personal_data_removed_at = now()
       FROM batch WHERE r.id = batch.id
       RETURNING r.id`,
      [eventId, limit],
    );
    return rows.length;
  }

  /** The event is done once none of its registrations holds personal fields (a skipped, locked one keeps it open). */
  async markEventCleared(eventId: string): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      this.db,
      `UPDATE events SET personal_data_removed_at = now()
       WHERE id = $1 AND personal_data_removed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = $1 AND personal_data_removed_at IS NULL)
       RETURNING id`,
      [eventId],
    );
    return rows.length > 0;
  }

  /**
   * Up to `limit` outbox rows finished (sent, failed, skipped, suppressed) before `cutoff` lose
   * their recipient, their payload (an organizer's message, names) and the address inside the SMTP
   * answer; kind, status, attempts and times stay for the admins' log. Pending rows (a reminder
   * planned months ahead) are never touched.
   */
  async purgeMail(cutoff: Date, limit: number): Promise<number> {
    const rows = await returning<{ id: string }>(
      this.db,
      `WITH batch AS (
         SELECT id FROM notifications
         WHERE status IN ${FINAL} AND (recipient_email IS NOT NULL OR payload <> '{}'::jsonb) AND updated_at < $1
         ORDER BY updated_at LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE notifications n SET recipient_email = NULL, recipient_name = NULL, payload = '{}',
         last_error = ${withoutAddress('n.last_error', 'n.recipient_email')},
         smtp_response = ${withoutAddress('n.smtp_response', 'n.recipient_email')}
       FROM batch WHERE n.id = batch.id
       RETURNING n.id`,
      [cutoff, limit],
    );
    return rows.length;
  }

  /**
   * Up to `limit` students who graduated or withdrew before `cutoff` keep what the accounts and
   * the sponsors' statements need (names, school, country, grade, need, sponsorships, payments,
   * reports) and lose the guardian, the phone, the birth date, the region and who signed the
   * consents. The audit trail notes that the record was reduced, naming the fields, not their values.
   */
  async reduceStudents(cutoff: Date, limit: number): Promise<number> {
    const rows = await returning<{ id: string }>(
      this.db,
      `WITH batch AS (
         SELECT id FROM students
         WHERE reduced_at IS NULL AND status IN ('graduated', 'withdrawn')
           AND COALESCE(graduated_at, withdrawn_at) < $1
         ORDER BY id LIMIT $2
         FOR UPDATE SKIP LOCKED),
       consents AS (
         UPDATE student_consents c SET granted_by = '' FROM batch WHERE c.student_id = batch.id RETURNING c.id),
       audit AS (
         INSERT INTO student_audit (student_id, actor_id, action, changes)
         SELECT id, NULL, 'reduced', '{"fields": ["birthDate", "region", "guardian", "consents.grantedBy"]}'::jsonb
         FROM batch)
       UPDATE students s SET guardian_name = '', guardian_relationship = '', guardian_phone = '',
         birth_date = NULL, region = '', reduced_at = now(), updated_at = now()
       FROM batch WHERE s.id = batch.id
       RETURNING s.id`,
      [cutoff, limit],
    );
    return rows.length;
  }

  /** Password resets past their hour, or already used: their links can never work again. */
  async purgePasswordResets(limit: number): Promise<number> {
    const rows = await returning<{ id: string }>(
      this.db,
      `DELETE FROM password_resets WHERE id IN (
         SELECT id FROM password_resets WHERE expires_at <= now() OR used_at IS NOT NULL
         LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [limit],
    );
    return rows.length;
  }

  /** Idempotency keys past their 24 hours (the api also deletes a few with each new key). */
  async purgeIdempotencyKeys(limit: number): Promise<number> {
    const rows = await returning<{ scope: string }>(
      this.db,
      `DELETE FROM idempotency_keys WHERE (scope, "key") IN (
         SELECT scope, "key" FROM idempotency_keys WHERE expires_at <= now()
         ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING scope`,
      [limit],
    );
    return rows.length;
  }

  /**
   * Claims today's run of `name`: answers true to exactly one caller per UTC day, however many
   * workers ask (the row's update is the lock).
   */
  async claimDailyRun(name: string): Promise<boolean> {
    const rows = await returning<{ name: string }>(
      this.db,
      `INSERT INTO scheduled_runs (name, started_at) VALUES ($1, now())
       ON CONFLICT (name) DO UPDATE SET started_at = now(), finished_at = NULL
         WHERE scheduled_runs.started_at < date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
       RETURNING name`,
      [name],
    );
    return rows.length > 0;
  }

  async finishRun(name: string, report: Record<string, unknown>): Promise<void> {
    await this.db.query(`UPDATE scheduled_runs SET finished_at = now(), report = $2 WHERE name = $1`, [
      name,
      JSON.stringify(report),
    ]);
  }
}
