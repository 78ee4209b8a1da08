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
} from 'typeorm';
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
import type { Period } from './money';
import { Student } from './student.entity';

export const SPONSORSHIP_STATUSES = ['active', 'ended'] as const;
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number];

/** A sponsor's commitment to one student; several sponsors may share a student. Ending keeps the row. */
@Entity('sponsorships')
@Index('sponsorships_student_idx', ['studentId', 'status'])
@Index('sponsorships_sponsor_idx', ['sponsorUserId', 'status'])
@Index('sponsorships_program_idx', ['programId'])
@Check('sponsorships_status_check', "status IN ('active', 'ended')")
@Check('sponsorships_period_check', "period IN ('month', 'term', 'year')")
@Check('sponsorships_amount_check', 'amount > 0')
@Check('sponsorships_dates_check', 'end_date IS NULL OR end_date >= start_date')
export class Sponsorship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Relation<Program>;

  /** Null once the sponsor erased their account: the payments stay for the accounts, nameless. */
  @Column({ name: 'sponsor_user_id', type: 'uuid', nullable: true })
  sponsorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sponsor_user_id' })
  sponsor?: Relation<User>;

  /** Integer minor units per period. */
  @Column({ type: 'integer' })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 8 })
  period: Period;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 8, default: 'active' })
  status: SponsorshipStatus;

  /** The day it was ended: no due date falls after it. */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  /** When it was ended: its sponsor sees nothing about the student from after this. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'cheque', 'mobile_money', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money in: a payment an organizer recorded against a sponsorship. */
@Entity('sponsorship_payments')
@Index('sponsorship_payments_sponsorship_idx', ['sponsorshipId', 'receivedOn'])
@Check('sponsorship_payments_amount_check', 'amount > 0')
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'sponsorship_id', type: 'uuid' })
  sponsorshipId: string;

  @ManyToOne(() => Sponsorship, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sponsorship_id' })
  sponsorship?: Relation<Sponsorship>;

  @Column({ type: 'integer' })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 20 })
  method: PaymentMethod;

  @Column({ type: 'varchar', length: 100, default: '' })
  reference: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const DISBURSEMENT_CATEGORIES = ['tuition', 'books', 'uniform', 'stipend', 'other'] as const;
export type DisbursementCategory = (typeof DISBURSEMENT_CATEGORIES)[number];

/** Money out: paid to the school (or the family) for one student. */
@Entity('disbursements')
@Index('disbursements_student_idx', ['studentId', 'paidOn'])
@Check('disbursements_amount_check', 'amount > 0')
export class Disbursement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ type: 'varchar', length: 12 })
  category: DisbursementCategory;

  @Column({ type: 'integer' })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ type: 'varchar', length: 200 })
  payee: string;

  @Column({ name: 'receipt_reference', type: 'varchar', length: 100, default: '' })
  receiptReference: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export interface Subject {
  name: string;
  grade: string;
}

/** A term's progress report: a draft until published. */
@Entity('progress_reports')
@Index('progress_reports_student_idx', ['studentId', 'publishedAt'])
@Check('progress_reports_attendance_check', 'attendance_rate BETWEEN 0 AND 1')
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ type: 'varchar', length: 60 })
  term: string;

  @Column({ name: 'grade_level', type: 'varchar', length: 40 })
  gradeLevel: string;

  @Column({ type: 'jsonb', default: [] })
  subjects: Subject[];

  @Column({ name: 'attendance_rate', type: 'double precision' })
  attendanceRate: number;

  @Column({ type: 'boolean' })
  promoted: boolean;

  @Column({ type: 'varchar', length: 2000, default: '' })
  summary: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
