import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Event } from '../../events/event.entity';
import { Registration } from '../registration.entity';
import { RegistrationRows, withAttendees } from '../registration-page';

/** The SQL behind a family's own view of its registrations. */
@Injectable()
export class FamilyRegistrationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The event's active registration under this contact email (at most one: a unique index). */
  findActiveByEventAndEmail(eventId: string, email: string): Promise<Registration | null> {
    return this.db
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where("r.event_id = :eventId AND r.contact_email = :email AND r.status <> 'cancelled'", {
        eventId,
        email: email.toLowerCase(),
      })
      .getOne();
  }

  /**
   * A page of an account's registrations, newest first. Waitlist positions are counted per event
   * in the same statement (the waitlist's partial index answers each count).
   */
  async pageOfUser(userId: string, offset: number, limit: number): Promise<RegistrationRows> {
    const [{ total }] = await this.db.query('SELECT count(*)::int AS total FROM registrations WHERE user_id = $1', [
      userId,
    ]);
    const page: { id: string; waitlistPosition: number | null }[] = await this.db.query(
      `SELECT r.id,
              CASE WHEN r.status = 'waitlisted' THEN (
                SELECT count(*)::int FROM registrations w
                WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.seq <= r.seq
              ) END AS "waitlistPosition"
       FROM registrations r WHERE r.user_id = $1
       ORDER BY r.created_at DESC, r.seq DESC LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
    return { rows: await withAttendees(this.db.manager, page), total };
  }

  async eventsByIds(ids: string[]): Promise<Map<string, Event>> {
    const events = ids.length ? await this.db.getRepository(Event).findBy({ id: In([...new Set(ids)]) }) : [];
    return new Map(events.map((e) => [e.id, e]));
  }
}
