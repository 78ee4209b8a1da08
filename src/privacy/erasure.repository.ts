import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CLEAR_ATTENDEE_SET, CLEAR_REGISTRATION_SET } from '../registrations/registration.entity';
import { Erasure } from './erasure.entity';

/** A registration as erasure needs it: which event, and whether it still holds a seat or a place. */
export interface ErasableRegistration {
  id: string;
  eventId: string;
  /** As given (its mail went there), before the erasure replaces it. */
  contactEmail: string;
  status: string;
  /** The event has not ended: an active registration of it is cancelled before it is erased. */
  upcoming: boolean;
}

/**
 * The SQL that removes a person from Kinship. What stays is what the counts, the accounts and the
 * organizers' history need, without anything that names the person: a registration keeps its
 * event, status, party size, categories and check-ins; a payment its amount, date and method.
 */
@Injectable()
export class ErasureRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Locks the account row, so nothing registers under it while it goes. */
  async lockUser(m: EntityManager, id: string): Promise<{ id: string; email: string; name: string } | null> {
    const rows: { id: string; email: string; name: string }[] = await m.query(
      'SELECT id, email, name FROM users WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] ?? null;
  }

  async findUserIdByEmail(email: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM users WHERE email = $1', [email.toLowerCase()]);
    return rows[0]?.id ?? null;
  }

  /**
   * What the account created for others (events, programs, students): those rows name it as
   * their creator and must outlive it, so an admin hands them over before the account can go.
   */
  async createdByCount(m: EntityManager, userId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT ((SELECT count(*) FROM events WHERE created_by = $1)
             + (SELECT count(*) FROM programs WHERE created_by = $1)
             + (SELECT count(*) FROM students WHERE created_by = $1))::int AS n`,
      [userId],
    );
    return n;
  }

  /** The account's registrations, events in id order (the order their locks are taken in). */
  registrationsOfUser(m: EntityManager, userId: string): Promise<ErasableRegistration[]> {
    return m.query(
      `SELECT r.id, r.event_id AS "eventId", r.contact_email AS "contactEmail", r.status,
              e.ends_at > now() AS upcoming
       FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE r.user_id = $1 ORDER BY r.event_id, r.id`,
      [userId],
    );
  }

  /** Registrations made without an account under this contact email (an admin's erasure on request). */
  guestRegistrationsOfEmail(m: EntityManager, email: string): Promise<ErasableRegistration[]> {
    return m.query(
      `SELECT r.id, r.event_id AS "eventId", r.contact_email AS "contactEmail", r.status,
              e.ends_at > now() AS upcoming
       FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE r.contact_email = $1 AND r.user_id IS NULL ORDER BY r.event_id, r.id`,
      [email.toLowerCase()],
    );
  }

  async registration(m: EntityManager, id: string): Promise<ErasableRegistration | null> {
    const rows: ErasableRegistration[] = await m.query(
      `SELECT r.id, r.event_id AS "eventId", r.contact_email AS "contactEmail", r.status,
              e.ends_at > now() AS upcoming
       FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Every personal field of these registrations and their attendees goes; the status, party size,
   * categories and check-ins stay, so the event's counts do not move. The contact email becomes
   * a placeholder unique to the registration (the one-active-registration-per-email index still
   * holds), and the token version moves on, so the manage link stops working.
   */
  async scrubRegistrations(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await m.query(
      `UPDATE registrations r SET ${CLEAR_REGISTRATION_SET}, token_version = token_version + 1
       WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    await m.query(`UPDATE registration_attendees SET ${CLEAR_ATTENDEE_SET} WHERE registration_id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  /**
   * The outbox rows addressed to the person (the account's email: everything written to it) or
   * about their registrations (each written to the registration's contact email): pending ones are
   * never sent, sent ones leave the admins' log. Found through the recipient's index. Answers how
   * many went. The suppressions of those addresses go too.
   */
  async purgeMail(
    m: EntityManager,
    who: { email: string | null; registrations: ErasableRegistration[] },
  ): Promise<number> {
    const email = who.email?.toLowerCase() ?? null;
    const addresses = [...new Set([...(email ? [email] : []), ...who.registrations.map((r) => r.contactEmail)])];
    if (!addresses.length) return 0;
    const rows: unknown[] = await m.query(
      `DELETE FROM notifications
       WHERE recipient_email = ANY($1::text[])
         AND (recipient_email = $2 OR payload ->> 'registrationId' = ANY($3::text[]))
       RETURNING 1`,
      [addresses, email, who.registrations.map((r) => r.id)],
    );
    // A suppressed address (its server refused it for good) is the person's address too.
    await m.query(`DELETE FROM mail_suppressions WHERE email = ANY($1::text[])`, [addresses]);
    return rows.length;
  }

  /** An organizer's name in the messages written to families (pending or sent): blanked. */
  async blankOrganizerName(m: EntityManager, name: string): Promise<void> {
    if (!name) return;
    await m.query(
      `UPDATE notifications SET payload = jsonb_set(payload, '{organizerName}', '""'::jsonb)
       WHERE payload ->> 'organizerName' = $1`,
      [name],
    );
  }

  /** The sponsor's sponsorships (ending one takes its locks, student first, as every ending does). */
  sponsorshipsOf(m: EntityManager, userId: string): Promise<{ id: string; studentId: string; status: string }[]> {
    return m.query(
      `SELECT id, student_id AS "studentId", status FROM sponsorships WHERE sponsor_user_id = $1 ORDER BY id`,
      [userId],
    );
  }

  /**
   * The payments stay for the charity's accounts; a reference that names the sponsor (their
   * name or email, as an organizer may have typed it) is blanked. The trail of who sponsored
   * whom loses the sponsor's id.
   */
  async anonymizeSponsorships(
    m: EntityManager,
    sponsorshipIds: string[],
    sponsor: { id: string; name: string; email: string },
  ): Promise<void> {
    if (sponsorshipIds.length) {
      await m.query(
        `UPDATE sponsorship_payments SET reference = ''
         WHERE sponsorship_id = ANY($1::uuid[]) AND reference <> ''
           AND (($2 <> '' AND strpos(lower(reference), lower($2)) > 0) OR strpos(lower(reference), lower($3)) > 0)`,
        [sponsorshipIds, sponsor.name.trim(), sponsor.email],
      );
    }
    await m.query(
      `UPDATE student_audit SET changes = changes - 'sponsorUserId' WHERE changes ->> 'sponsorUserId' = $1`,
      [sponsor.id],
    );
  }

  /** Stored answers to the account's idempotent requests (sealed, and gone within a day anyway). */
  async purgeIdempotencyKeys(m: EntityManager, userId: string): Promise<void> {
    await m.query(`DELETE FROM idempotency_keys WHERE scope LIKE $1`, [`user:${userId} %`]);
  }

  /** The account, and with it (cascades) its household, password resets and co-organizer seats. */
  async deleteUser(m: EntityManager, id: string): Promise<void> {
    await m.query('DELETE FROM users WHERE id = $1', [id]);
  }

  /** The log of erasures, newest first. */
  page(offset: number, limit: number): Promise<[Erasure[], number]> {
    return this.db.getRepository(Erasure).findAndCount({ order: { at: 'DESC', id: 'ASC' }, skip: offset, take: limit });
  }

  record(m: EntityManager, values: Omit<Erasure, 'id' | 'at'>): Promise<Erasure> {
    return m.getRepository(Erasure).save(m.getRepository(Erasure).create(values));
  }
}
