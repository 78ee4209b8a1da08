import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { returning } from '../../database/sql';
import { RegistrationStatus } from '../registration.entity';
import { CheckInOutcome } from './check-in-operation.entity';
import { CheckInListEntry } from './dto/check-in.dto';

/**
 * How far before a device's `since` the changes are read again. A registration changed by a
 * transaction that was still running when the device's list was read carries a time before that
 * list's `syncedAt`; it shows up in the next list as long as the transaction took less than this.
 */
export const SINCE_OVERLAP_MS = 2 * 60 * 1000;

interface ListRow {
  id: string;
  code: string;
  contactName: string;
  status: RegistrationStatus;
  attendees: { id: string; name: string; category: string; checkedInAt: string | null }[];
}

/** The door's questions to the database: the list a device keeps, and one device-made operation. */
@Injectable()
export class CheckInRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * A fingerprint of the event's list as it stands: it changes with every registration written
   * (the trigger stamps `updated_at`) and every check-in made or undone (`changed_at`).
   */
  async version(eventId: string, since: Date | null): Promise<string> {
    const [v] = await this.db.query(
      `SELECT e.status, e.updated_at,
              (SELECT count(*) FROM registrations WHERE event_id = $1) AS n,
              (SELECT max(updated_at) FROM registrations WHERE event_id = $1) AS r,
              (SELECT max(changed_at) FROM registration_attendees WHERE event_id = $1 AND changed_at IS NOT NULL) AS a
       FROM events e WHERE e.id = $1`,
      [eventId],
    );
    const parts = [
      since?.toISOString() ?? 'full',
      v?.status,
      v?.updated_at?.toISOString(),
      v?.n,
      v?.r?.toISOString(),
      v?.a?.toISOString(),
    ];
    return `"${createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 27)}"`;
  }

  /**
   * The event's registrations in request order with their party (names, categories, check-ins),
   * all of them, or those changed at or after `changedFrom`; and the database's clock before it
   * read them, the device's next `since`.
   */
  async list(eventId: string, changedFrom: Date | null): Promise<{ syncedAt: Date; rows: CheckInListEntry[] }> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const [{ now }] = await m.query('SELECT clock_timestamp() AS now');
      const rows: ListRow[] = await m.query(
        `SELECT r.id, r.code, r.contact_name AS "contactName", r.status,
                (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'category', a.category,
                                                            'checkedInAt', a.checked_in_at) ORDER BY a.position), '[]')
                 FROM registration_attendees a WHERE a.registration_id = r.id) AS attendees
         FROM registrations r
         WHERE r.event_id = $1
           AND ($2::timestamptz IS NULL
                OR r.updated_at >= $2
                OR r.id IN (SELECT a.registration_id FROM registration_attendees a
                            WHERE a.event_id = $1 AND a.changed_at >= $2))
         ORDER BY r.seq`,
        [eventId, changedFrom],
      );
      return { syncedAt: now, rows: rows.map((r) => ({ ...r, attendees: r.attendees.map(withIsoTime) })) };
    });
  }

  /** Records the operation under its device-made id; false: that id was recorded before. */
  async claim(
    m: EntityManager,
    op: { id: string; eventId: string; undo: boolean; at: Date; userId: string },
  ): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      m,
      `INSERT INTO check_in_operations (id, event_id, undo, device_at, user_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [op.id, op.eventId, op.undo, op.at, op.userId],
    );
    return rows.length === 1;
  }

  async settle(m: EntityManager, id: string, outcome: CheckInOutcome, registrationId: string | null): Promise<void> {
    await m.query('UPDATE check_in_operations SET outcome = $2, registration_id = $3 WHERE id = $1', [
      id,
      outcome,
      registrationId,
    ]);
  }

  /** The party's attendee ids, and which of them are checked in. */
  async party(m: EntityManager, registrationId: string): Promise<{ id: string; checkedIn: boolean }[]> {
    return m.query(
      `SELECT id, checked_in_at IS NOT NULL AS "checkedIn" FROM registration_attendees
       WHERE registration_id = $1 ORDER BY position`,
      [registrationId],
    );
  }
}

function withIsoTime<T extends { checkedInAt: string | null }>(a: T): T {
  return { ...a, checkedInAt: a.checkedInAt === null ? null : new Date(a.checkedInAt).toISOString() };
}
