import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

export const PROGRAM_KINDS = ['events', 'sponsorship'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

@Entity('programs')
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 5000, default: '' })
  description: string;

  /** `events` for programs of events, `sponsorship` for an education-sponsorship program. */
  @Column({ type: 'varchar', length: 20, default: 'events' })
  kind: ProgramKind;

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

/** A co-organizer of a program (the creator is implied by programs.created_by). */
@Entity('program_organizers')
export class ProgramOrganizer {
  @Column({ name: 'program_id', type: 'uuid', primary: true })
  programId: string;

  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Relation<Program>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
