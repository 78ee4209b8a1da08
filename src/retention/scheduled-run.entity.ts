import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per daily job (`retention`): the worker that moves `started_at` into today runs it, so
 * however many workers there are, the job runs once a day. The schedule lives in Postgres.
 */
@Entity('scheduled_runs')
export class ScheduledRun {
  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'PK_scheduled_runs' })
  name: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** What the last run did (counts per kind of data), for operators. */
  @Column({ type: 'jsonb', nullable: true })
  report: Record<string, unknown> | null;
}
