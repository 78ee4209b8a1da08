import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ERASURE_SUBJECTS = ['account', 'registration', 'email'] as const;
export type ErasureSubject = (typeof ERASURE_SUBJECTS)[number];

/**
 * That an erasure happened, who asked and how much it removed: never what it removed (no email,
 * no name). `subject_id` is the former account's or the registration's id, which names nobody
 * once the data is gone.
 */
@Entity('erasures')
export class Erasure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `account` (DELETE /me, or an admin's for an account), `registration` (a guest's link), `email` (an admin's for an address without an account). */
  @Column({ type: 'varchar', length: 20 })
  subject: ErasureSubject;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  /** The admin who erased on someone's request; null when the person did it themselves. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'int', default: 0 })
  registrations: number;

  @Column({ type: 'int', default: 0 })
  cancelled: number;

  @Column({ type: 'int', default: 0 })
  mails: number;

  @Column({ type: 'int', default: 0 })
  sponsorships: number;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}
