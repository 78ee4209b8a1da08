import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale } from '../common/locales';
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
import type { EventTranslations } from './event-content';

export const EVENT_KINDS = [
  'celebration',
  'competition',
  'program-session',
  'webinar',
  'workshop',
  'forum',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
/** Stored statuses; `completed` is derived (published and ended). */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type EventReadStatus = EventStatus | 'completed';

export const QUESTION_TYPES = ['text', 'textarea', 'number', 'boolean', 'choice', 'multi_choice', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export interface EventQuestion {
  id: string;
  label: string;
  type: QuestionType;
  required: boolean;
  options?: string[];
  maxLength?: number;
}

@Entity('events')
@Check('events_capacity_check', '"capacity" >= 0')
@Check('events_no_oversell_check', '"seats_taken" >= 0 AND "seats_taken" <= "capacity"')
@Check('events_waitlist_count_check', '"waitlist_count" >= 0')
@Check('events_party_size_check', '"max_party_size" BETWEEN 1 AND 20')
@Check('events_window_check', '"ends_at" > "starts_at"')
@Index('events_public_list_idx', ['status', 'startsAt'])
@Index('events_program_idx', ['programId'])
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  summary: string;

  @Column({ type: 'varchar', length: 20000, default: '' })
  description: string;

  /** The language title, summary, description and venue are written in. */
  @Column({ name: 'content_locale', type: 'varchar', length: 10, default: 'en' })
  contentLocale: Locale;

  /** Those fields in other locales (see event-content.ts): { "ne": { "title": "…" }, … }. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  translations: EventTranslations;

  @Column({ type: 'varchar', length: 30 })
  kind: EventKind;

  @Column({ type: 'varchar', length: 20 })
  format: EventFormat;

  @Column({ type: 'varchar', length: 500, nullable: true })
  venue: string | null;

  @Column({ name: 'online_url', type: 'varchar', length: 2000, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** When the retention run removed the personal fields of every registration of this (long ended) event. */
  @Column({ name: 'personal_data_removed_at', type: 'timestamptz', nullable: true, select: false })
  personalDataRemovedAt?: Date | null;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  @Column({ type: 'int' })
  capacity: number;

  /** Persons holding confirmed seats; changed only by the registration write path. */
  @Column({ name: 'seats_taken', type: 'int', default: 0 })
  seatsTaken: number;

  /** Families on the waitlist; changed only by the registration write path. */
  @Column({ name: 'waitlist_count', type: 'int', default: 0 })
  waitlistCount: number;

  @Column({ name: 'waitlist_enabled', type: 'boolean', default: true })
  waitlistEnabled: boolean;

  @Column({ name: 'max_party_size', type: 'int', default: 6 })
  maxPartySize: number;

  @Column({ name: 'child_age_min', type: 'int', nullable: true })
  childAgeMin: number | null;

  @Column({ name: 'child_age_max', type: 'int', nullable: true })
  childAgeMax: number | null;

  @Column({ name: 'program_id', type: 'uuid', nullable: true })
  programId: string | null;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Relation<Program>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: EventQuestion[];

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: EventStatus;

  /** Counts changes of time or place that families are told about (event:<id>:changed:<n>). */
  @Column({ name: 'change_version', type: 'int', default: 0 })
  changeVersion: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User>;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A co-organizer of an event (the creator is implied by events.created_by). */
@Entity('event_organizers')
export class EventOrganizer {
  @Column({ name: 'event_id', type: 'uuid', primary: true })
  eventId: string;

  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
