import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Event } from '../../events/event.entity';

export const CHECK_IN_OUTCOMES = [
  'checked_in',
  'undone',
  'duplicate',
  'already_checked_in',
  'not_checkable',
  'unknown_code',
] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

/**
 * A check-in or undo made on a door device, under the uuid the device gave it: applied once, however
 * often and from however many devices it is sent. Holds no personal data (ids and times).
 */
@Entity('check_in_operations')
@Index('check_in_operations_event_idx', ['eventId', 'appliedAt'])
export class CheckInOperation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_check_in_operations' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_check_in_operations_event' })
  event?: Relation<Event>;

  /** The registration its code named, once applied (none for an unknown code). */
  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ type: 'boolean' })
  undo: boolean;

  /** What applying it did (never `duplicate`: that is the answer to the ones after it). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: CheckInOutcome | null;

  /** When the door person scanned, by the device's clock. */
  @Column({ name: 'device_at', type: 'timestamptz' })
  deviceAt: Date;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt: Date;
}
