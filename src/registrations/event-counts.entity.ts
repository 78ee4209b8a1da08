import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Event } from '../events/event.entity';

/**
 * An event's registration counts, kept by statement-level triggers on `registrations` and
 * `registration_attendees` in the transaction of every change (migration EventCounts), whatever
 * statement writes the rows. Read only: the app never writes it. Each event has up to eight rows
 * (`slot`; migration EventCountsSlots), so concurrent writers of one event do not queue on one
 * row: its counts are their sum. No row means all zeros.
 */
@Entity('event_counts')
@Check('CHK_event_counts_slot', '"slot" BETWEEN 0 AND 7')
export class EventCounts {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_event_counts_event_slot' })
  eventId: string;

  /** The transaction's slot (its id modulo 8). */
  @PrimaryColumn({ type: 'smallint', default: 0, primaryKeyConstraintName: 'PK_event_counts_event_slot' })
  slot: number;

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
