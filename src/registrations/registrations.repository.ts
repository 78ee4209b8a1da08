import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hydrate } from '../database/hydrate';
import { returning } from '../database/sql';
import { Event } from '../events/event.entity';
import { OUTBOX_WAKE, outboxInsert, OutboxRow } from '../notifications/outbox';
import type { Locale } from '../users/user.entity';
import { Attendee, Consents, ERASED_EMAIL_PREFIX, Registration, RegistrationStatus } from './registration.entity';

export interface NewRegistration {
  eventId: string;
  userId: string | null;
  code: string;
  status: 'confirmed' | 'waitlisted';
  partySize: number;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  answers: Record<string, unknown>;
  consents: Consents;
  locale: Locale;
}

export interface NewAttendee {
  name: string;
  category: 'adult' | 'child';
  birthDate: string | null;
  memberId: string | null;
}

/** Which of a batch's emails and accounts already hold an active registration for the event. */
export interface Holders {
  emails: Set<string>;
  userIds: Set<string>;
}

/** A family on the waitlist, in request order. */
export interface Waiting {
  id: string;
  partySize: number;
}

/** One recipient of a mail to an event's families (the fan-out audiences page through these). */
export interface ActiveRecipient {
  id: string;
  status: 'confirmed' | 'waitlisted';
  contactName: string;
  contactEmail: string;
  locale: Locale;
  userId: string | null;
  partySize: number;
}

const UNIQUE_VIOLATION = '23505';

export function violates(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === UNIQUE_VIOLATION && name === constraint;
}

@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Outside any transaction: each statement commits on its own. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /**
   * The event row, locked for the rest of the transaction: every change to an event's seats or
   * waitlist is serialized on it, so the check and the take are one step (DESIGN.md rule 1).
   */
  lockEvent(m: EntityManager, eventId: string): Promise<Event | null> {
    return m
      .getRepository(Event)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id: eventId })
      .getOne();
  }

  async adjustEventCounts(m: EntityManager, eventId: string, seatsDelta: number, waitlistDelta: number): Promise<void> {
    if (!seatsDelta && !waitlistDelta) return;
    await m.query(
      'UPDATE events SET seats_taken = seats_taken + $2, waitlist_count = waitlist_count + $3 WHERE id = $1',
      [eventId, seatsDelta, waitlistDelta],
    );
  }

  /**
   * Which of these emails and accounts already hold an active registration for the event. Read
   * with the event row locked, so no registration of the event can appear before the caller's
   * insert (every insert of one takes that lock first).
   */
  async activeHolders(m: EntityManager, eventId: string, emails: string[], userIds: string[]): Promise<Holders> {
    const [row]: { emails: string[]; user_ids: string[] }[] = await m.query(
      `SELECT ARRAY(${heldEmails('$1', '$2')}) AS emails, ARRAY(${heldUsers('$1', '$3')}) AS user_ids`,
      [eventId, emails, userIds],
    );
    return { emails: new Set(row.emails), userIds: new Set(row.user_ids) };
  }

  /**
   * The event and which of these emails and accounts already hold an active registration for it,
   * read together without a lock (one snapshot), with the event row's version (`xmin`, which every
   * update of the row changes). `insertFamilies` given that version writes only if the row is
   * still that version, so nothing read here can have changed in between: seats, waitlist, state,
   * and holders (every registration written changes the event's counts).
   */
  async eventForBatch(
    m: EntityManager,
    eventId: string,
    emails: string[],
    userIds: string[],
  ): Promise<{ event: Event; version: string; holders: Holders } | null> {
    const [row]: Record<string, unknown>[] = await m.query(
      `SELECT e.*, e.xmin::text AS row_version,
         ARRAY(${heldEmails('e.id', '$2')}) AS held_emails,
         ARRAY(${heldUsers('e.id', '$3')}) AS held_users
       FROM events e WHERE e.id = $1`,
      [eventId, emails, userIds],
    );
    if (!row) return null;
    return {
      event: hydrate(m, Event, row),
      version: row.row_version as string,
      holders: { emails: new Set(row.held_emails as string[]), userIds: new Set(row.held_users as string[]) },
    };
  }

  /**
   * New families of one event in one statement: their registrations (ids chosen by the caller;
   * `seq` drawn in the order given, which is the waitlist's order), all their attendees, the
   * event's counts and the families' mails (`mails`, outbox rows). Answers the registrations as
   * stored, in that order, and the event row's version after the write.
   *
   * With `version` null the event row must be locked by the caller. With a version (from
   * `eventForBatch`, or from this method's previous answer), nothing is written unless the event
   * row is still that version and none of these emails and accounts holds a registration of the
   * event yet (a concurrent change waits for it, then fails the check); then it answers no rows.
   */
  async insertFamilies(
    m: EntityManager,
    eventId: string,
    families: { registration: NewRegistration & { id: string }; attendees: (NewAttendee & { id: string })[] }[],
    counts: { seats: number; waitlisted: number },
    mails: OutboxRow[],
    version: string | null,
  ): Promise<{ stored: Registration[]; version: string | null }> {
    const regs = families.map((f) => f.registration);
    const atts = families.flatMap((f) =>
      f.attendees.map((a, position) => ({ ...a, position, registrationId: f.registration.id })),
    );
    const unchanged = 'WHERE EXISTS (SELECT 1 FROM counts)';
    const outbox = outboxInsert(mails, 23, unchanged);
    const rows: Record<string, unknown>[] = await m.query(
      `WITH counts AS (
         UPDATE events SET seats_taken = seats_taken + $20, waitlist_count = waitlist_count + $21
         WHERE id = $1 AND ($22::xid IS NULL OR (
           xmin = $22::xid
           AND NOT EXISTS (${heldEmails('$1', '$8')})
           AND NOT EXISTS (${heldUsers('$1', '$3')})))
         RETURNING xmin::text AS version
       ),
       regs AS (
         INSERT INTO registrations (id, event_id, user_id, code, status, party_size, contact_name, contact_email,
           contact_phone, answers, consents, locale, confirmed_at)
         SELECT r.id, $1, r.user_id, r.code, r.status, r.party_size, r.contact_name, r.contact_email, r.contact_phone,
                r.answers, r.consents, r.locale, CASE WHEN r.status = 'confirmed' THEN now() END
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[],
                     $10::jsonb[], $11::jsonb[], $12::text[]) WITH ORDINALITY
           AS r(id, user_id, code, status, party_size, contact_name, contact_email, contact_phone, answers, consents,
                locale, ord)
         ${unchanged}
         ORDER BY r.ord
         RETURNING *
       ),
       atts AS (
         INSERT INTO registration_attendees (id, registration_id, event_id, position, name, category, birth_date, member_id)
         SELECT a.id, a.registration_id, $1, a.position, a.name, a.category, a.birth_date::date, a.member_id
         FROM unnest($13::uuid[], $14::uuid[], $15::int[], $16::text[], $17::text[], $18::text[], $19::uuid[])
           AS a(id, registration_id, position, name, category, birth_date, member_id)
         ${unchanged}
       ),
       mails AS (${outbox.sql})
       SELECT regs.*, (SELECT version FROM counts) AS event_version,
              (SELECT count(${OUTBOX_WAKE}::text) FROM mails WHERE next_attempt_at <= now()) AS woke
       FROM regs ORDER BY seq`,
      [
        eventId,
        regs.map((r) => r.id),
        regs.map((r) => r.userId),
        regs.map((r) => r.code),
        regs.map((r) => r.status),
        regs.map((r) => r.partySize),
        regs.map((r) => r.contactName),
        regs.map((r) => r.contactEmail.toLowerCase()),
        regs.map((r) => r.contactPhone),
        regs.map((r) => JSON.stringify(r.answers)),
        regs.map((r) => JSON.stringify(r.consents)),
        regs.map((r) => r.locale),
        atts.map((a) => a.id),
        atts.map((a) => a.registrationId),
        atts.map((a) => a.position),
        atts.map((a) => a.name),
        atts.map((a) => a.category),
        atts.map((a) => a.birthDate),
        atts.map((a) => a.memberId),
        counts.seats,
        counts.waitlisted,
        version,
        ...outbox.params,
      ],
    );
    return {
      stored: rows.map((row) => hydrate(m, Registration, row)),
      version: rows.length ? (rows[0].event_version as string) : null,
    };
  }

  async replaceAttendees(
    m: EntityManager,
    registration: Pick<Registration, 'id' | 'eventId'>,
    attendees: NewAttendee[],
  ): Promise<Attendee[]> {
    await m.query('DELETE FROM registration_attendees WHERE registration_id = $1', [registration.id]);
    return this.insertAttendees(m, registration, attendees);
  }

  /** A new family's attendees, in the order given; answers them as stored. */
  async insertAttendees(
    m: EntityManager,
    registration: Pick<Registration, 'id' | 'eventId'>,
    attendees: NewAttendee[],
  ): Promise<Attendee[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `INSERT INTO registration_attendees (registration_id, event_id, position, name, category, birth_date, member_id)
       SELECT $1, $2, a.position, a.name, a.category, a.birth_date::date, a.member_id::uuid
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS a(position, name, category, birth_date, member_id)
       RETURNING id, registration_id, event_id, position, name, category, birth_date::text AS birth_date, member_id, checked_in_at`,
      [
        registration.id,
        registration.eventId,
        attendees.map((_, i) => i),
        attendees.map((a) => a.name),
        attendees.map((a) => a.category),
        attendees.map((a) => a.birthDate),
        attendees.map((a) => a.memberId),
      ],
    );
    return rows.map((r) => hydrate(m, Attendee, r)).sort((x, y) => x.position - y.position);
  }

  findById(id: string, m: EntityManager = this.db.manager): Promise<Registration | null> {
    return m.getRepository(Registration).findOneBy({ id });
  }

  /** The registration, locked (its event must already be locked by the caller). */
  findByIdForUpdate(m: EntityManager, id: string): Promise<Registration | null> {
    return m
      .getRepository(Registration)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  attendeesOf(registrationId: string, m: EntityManager = this.db.manager): Promise<Attendee[]> {
    return m.getRepository(Attendee).find({ where: { registrationId }, order: { position: 'ASC' } });
  }

  /** Live 1-based rank among the event's waitlisted families, in request order. */
  async waitlistPosition(
    registration: Pick<Registration, 'eventId' | 'seq' | 'status'>,
    m: EntityManager = this.db.manager,
  ): Promise<number | null> {
    if (registration.status !== 'waitlisted') return null;
    const [{ n }] = await m.query(
      "SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND status = 'waitlisted' AND seq <= $2",
      [registration.eventId, registration.seq],
    );
    return n;
  }

  /** Waitlisted families that could fit in `free` seats, in request order. */
  waitingThatFit(m: EntityManager, eventId: string, free: number): Promise<Waiting[]> {
    return m.query(
      `SELECT id, party_size AS "partySize" FROM registrations
       WHERE event_id = $1 AND status = 'waitlisted' AND party_size <= $2 ORDER BY seq`,
      [eventId, free],
    );
  }

  /** Confirms waitlisted families; answers who they are, for their mail. */
  async confirm(
    m: EntityManager,
    ids: string[],
  ): Promise<Pick<Registration, 'id' | 'contactEmail' | 'contactName' | 'locale'>[]> {
    if (!ids.length) return [];
    return returning(
      m,
      `UPDATE registrations SET status = 'confirmed', confirmed_at = now(), updated_at = now() WHERE id = ANY($1)
       RETURNING id, contact_email AS "contactEmail", contact_name AS "contactName", locale`,
      [ids],
    );
  }

  /** Revokes a guest's manage token: links and tokens made with the old version stop working. */
  async bumpTokenVersion(m: EntityManager, id: string): Promise<void> {
    await m.query('UPDATE registrations SET token_version = token_version + 1, updated_at = now() WHERE id = $1', [id]);
  }

  async setStatus(m: EntityManager, id: string, status: RegistrationStatus): Promise<void> {
    await m.query(
      `UPDATE registrations SET status = $2::varchar, updated_at = now(),
         cancelled_at = CASE WHEN $2::varchar = 'cancelled' THEN now() ELSE cancelled_at END,
         confirmed_at = CASE WHEN $2::varchar = 'confirmed' THEN now() ELSE confirmed_at END
       WHERE id = $1`,
      [id, status],
    );
  }

  async setParty(m: EntityManager, id: string, partySize: number): Promise<number> {
    const [row] = await returning<{ change_version: number }>(
      m,
      'UPDATE registrations SET party_size = $2, change_version = change_version + 1, updated_at = now() WHERE id = $1 RETURNING change_version',
      [id, partySize],
    );
    return row.change_version;
  }

  /**
   * A page of an event's active registrations after `cursor` (by id), for mail to every family.
   * `forUpdate` locks them (event cancellation changes them in the same transaction).
   */
  activeRecipients(
    m: EntityManager,
    eventId: string,
    cursor: string | null,
    limit: number,
    forUpdate = false,
  ): Promise<ActiveRecipient[]> {
    return m.query(
      `SELECT id, status, contact_name AS "contactName", contact_email AS "contactEmail", locale, user_id AS "userId",
              party_size AS "partySize"
       FROM registrations
       WHERE event_id = $1 AND status <> 'cancelled' AND ($2::uuid IS NULL OR id > $2::uuid)
         AND left(contact_email, $4) <> $5
       ORDER BY id LIMIT $3 ${forUpdate ? 'FOR UPDATE' : ''}`,
      // An erased family (its event over: erasure cancels the others) has no address to write to.
      [eventId, cursor, limit, ERASED_EMAIL_PREFIX.length, ERASED_EMAIL_PREFIX],
    );
  }

  async cancelMany(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await m.query(
      "UPDATE registrations SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = ANY($1)",
      [ids],
    );
  }
}

/*
 * Which of a list of emails (or accounts) hold an active registration of an event, as text: each
 * looked up on its own in the unique index on (event, email) or (event, account), whatever the
 * statistics say. Planned as one `= ANY(list)`, a new event that the statistics do not know yet (a
 * popular one, the minute it opens) looks nearly empty, and the planner reads all of its
 * registrations instead, every batch. OFFSET 0 keeps each lookup a subquery of its own.
 */
function heldBy(column: 'contact_email' | 'user_id', type: 'text' | 'uuid', event: string, list: string): string {
  return `SELECT h.${column}::text FROM unnest(${list}::${type}[]) AS w(key)
          CROSS JOIN LATERAL (SELECT ${column} FROM registrations
                              WHERE event_id = ${event} AND status <> 'cancelled' AND ${column} = w.key
                              OFFSET 0) h`;
}

const heldEmails = (event: string, emails: string): string => heldBy('contact_email', 'text', event, emails);
const heldUsers = (event: string, userIds: string): string => heldBy('user_id', 'uuid', event, userIds);
