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
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
import type { ConsentPurpose, StudentStatus } from './student-rules';

/**
 * A girl in a sponsorship program. Everything that identifies her (full name, birth date, region,
 * guardian) is for the program's organizers only; sponsors get the safe subset the mapper names.
 */
@Entity('students')
@Index('students_program_status_idx', ['programId', 'status', 'waitingSince'])
@Check('students_status_check', "status IN ('waiting', 'sponsored', 'graduated', 'withdrawn')")
@Check('students_need_check', 'annual_need_amount >= 0')
export class Student {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Relation<Program>;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  @Column({ name: 'preferred_name', type: 'varchar', length: 100 })
  preferredName: string;

  /** Null once her record was reduced after her program (retention). */
  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'varchar', length: 100 })
  country: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  region: string;

  @Column({ name: 'school_name', type: 'varchar', length: 200 })
  schoolName: string;

  @Column({ name: 'school_town', type: 'varchar', length: 200 })
  schoolTown: string;

  @Column({ name: 'grade_level', type: 'varchar', length: 40 })
  gradeLevel: string;

  @Column({ name: 'annual_need_amount', type: 'integer' })
  annualNeedAmount: number;

  @Column({ name: 'annual_need_currency', type: 'char', length: 3 })
  annualNeedCurrency: string;

  @Column({ name: 'guardian_name', type: 'varchar', length: 200 })
  guardianName: string;

  @Column({ name: 'guardian_relationship', type: 'varchar', length: 60 })
  guardianRelationship: string;

  @Column({ name: 'guardian_phone', type: 'varchar', length: 40 })
  guardianPhone: string;

  @Column({ type: 'varchar', length: 12, default: 'waiting' })
  status: StudentStatus;

  /** When she last started waiting for a sponsor (the matching list is ordered by it). */
  @Column({ name: 'waiting_since', type: 'timestamptz', nullable: true })
  waitingSince: Date | null;

  @Column({ name: 'sponsored_at', type: 'timestamptz', nullable: true })
  sponsoredAt: Date | null;

  @Column({ name: 'graduated_at', type: 'timestamptz', nullable: true })
  graduatedAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  /**
   * When the retention run reduced her record, a set time after she graduated or withdrew: the
   * guardian, the phone, the birth date and the region are gone; what the accounts need stays.
   */
  @Column({ name: 'reduced_at', type: 'timestamptz', nullable: true })
  reducedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One consent given for a student, for one purpose; withdrawing stamps it, never deletes it. */
@Entity('student_consents')
@Index('student_consents_student_idx', ['studentId', 'purpose'])
@Check('student_consents_purpose_check', "purpose IN ('share_progress', 'photos')")
export class StudentConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ type: 'varchar', length: 20 })
  purpose: ConsentPurpose;

  /** Who gave it (the guardian, or the student herself), as written on the form. */
  @Column({ name: 'granted_by', type: 'varchar', length: 200 })
  grantedBy: string;

  @Column({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Who changed a student's record, what and when: written in the transaction of the change. */
@Entity('student_audit')
@Index('student_audit_student_idx', ['studentId', 'id'])
export class StudentAudit {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User>;

  /** `created`, `updated`, `status`, `consent.granted`, `consent.withdrawn`, `report.*`, `disbursement`, `sponsorship.*`. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  /** Field → { from, to } for updates; the ids and figures of the thing added otherwise. */
  @Column({ type: 'jsonb', default: {} })
  changes: Record<string, unknown>;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}
