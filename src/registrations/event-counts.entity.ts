import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Event } from '../events/event.entity';

/**
 * An event's registration counts, kept by statement-level triggers on `registrations` and
 * `registration_attendees` in the transaction of every change (migration EventCounts), whatever
 * statement writes the rows. Read only: the app never writes it. A row appears with the event's
 * first registration; no row means all zeros.
 */
@Entity('event_counts')
export class EventCounts {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  /** Registrations (families) by status. */
  @Column({ type: 'int', default: 0 })
  confirmed: number;

  @Column({ type: 'int', default: 0 })
  waitlisted: number;

  @Column({ type: 'int', default: 0 })
  cancelled: number;

  /** Attendees (persons) of confirmed registrations, by category and check-in. */
  @Column({ type: 'int', default: 0 })
  adults: number;

  @Column({ type: 'int', default: 0 })
  children: number;

  @Column({ name: 'checked_in', type: 'int', default: 0 })
  checkedIn: number;
}
