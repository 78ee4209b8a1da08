import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Event } from '../events/event.entity';
import { User } from '../users/user.entity';
import type { Locale } from '../users/user.entity';

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ATTENDEE_CATEGORIES = ['adult', 'child'] as const;
export type AttendeeCategory = (typeof ATTENDEE_CATEGORIES)[number];

export interface Consents {
  dataProcessing: boolean;
  photos: boolean;
}

/** What an erased registration's contact email becomes, followed by its id: no mail can go there. */
export const ERASED_EMAIL_PREFIX = 'erased:';

/**
 * The SET list that removes a registration's personal fields, for `UPDATE registrations r`: the
 * one list both an erasure and the retention use, so a personal field added later is removed by
 * both. Status, party size, code and times stay (the counts and reports read them).
 */
export const CLEAR_REGISTRATION_SET = `user_id = NULL, contact_name = '', contact_email = '${ERASED_EMAIL_PREFIX}' || r.id::text,
  contact_phone = NULL, answers = '{}'::jsonb`;

/** The same for `UPDATE registration_attendees`: categories and check-ins stay. */
export const CLEAR_ATTENDEE_SET = `name = '', birth_date = NULL, member_id = NULL`;

/**
 * A family's registration for an event: confirmed whole, waitlisted whole, or cancelled. At most
 * one active (confirmed or waitlisted) registration per event for an account, and per contact
 * email: partial unique indexes decide, not a prior read.
 */
@Entity('registrations')
@Index('registrations_active_email_uq', ['eventId', 'contactEmail'], { unique: true, where: "status <> 'cancelled'" })
@Index('registrations_active_user_uq', ['eventId', 'userId'], {
  unique: true,
  where: "status <> 'cancelled' AND user_id IS NOT NULL",
})
@Index('registrations_code_uq', ['eventId', 'code'], { unique: true })
@Index('registrations_waitlist_idx', ['eventId', 'seq'], { where: "status = 'waitlisted'" })
@Index('registrations_event_idx', ['eventId', 'createdAt'])
@Index('registrations_event_seq_idx', ['eventId', 'seq'])
@Index('registrations_event_updated_idx', ['eventId', 'updatedAt'])
@Index('registrations_user_idx', ['userId'])
@Check('registrations_status_check', "status IN ('confirmed', 'waitlisted', 'cancelled')")
@Check('registrations_party_check', 'party_size BETWEEN 1 AND 20')
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  /** The account that registered; null for a guest. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** The order in which the server took the request: the waitlist's order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 12 })
  status: RegistrationStatus;

  @Column({ name: 'party_size', type: 'int' })
  partySize: number;

  @Column({ name: 'contact_name', type: 'varchar', length: 200 })
  contactName: string;

  /** Lower-cased; `erased:<id>` once the family's personal data was erased (never an address). */
  @Column({ name: 'contact_email', type: 'varchar', length: 254 })
  contactEmail: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  consents: Consents;

  @Column({ type: 'varchar', length: 10, default: 'en' })
  locale: Locale;

  /** Part of the guest token's HMAC: bumping it revokes the links sent so far. */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion: number;

  /** Counts changes to the party, for the dedupe key of each "changed" mail. */
  @Column({ name: 'change_version', type: 'int', default: 0 })
  changeVersion: number;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** The family asked (one-click link) for no more organizer messages or reminders of this event. */
  @Column({ name: 'unsubscribed_at', type: 'timestamptz', nullable: true, select: false })
  unsubscribedAt?: Date | null;

  /** When the retention run removed its personal fields (contact, answers, attendees' names). */
  @Column({ name: 'personal_data_removed_at', type: 'timestamptz', nullable: true, select: false })
  personalDataRemovedAt?: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Set by the database on every update (trigger `registrations_touch`), whoever writes. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => Attendee, (a) => a.registration)
  attendees?: Relation<Attendee>[];
}

@Entity('registration_attendees')
@Index('registration_attendees_registration_idx', ['registrationId', 'position'])
@Index('registration_attendees_event_idx', ['eventId'])
@Index('registration_attendees_changed_idx', ['eventId', 'changedAt'], { where: 'changed_at IS NOT NULL' })
@Check('registration_attendees_category_check', "category IN ('adult', 'child')")
export class Attendee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => Registration, (r) => r.attendees, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Relation<Registration>;

  /** Denormalized for the export and check-in, which read attendees by event. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  /** Order within the family, as given. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  category: AttendeeCategory;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  /** The household member this attendee was filled from, if any. */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** When a check-in was last made or undone (the check-in app asks for changes since its sync). */
  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt: Date | null;
}
