import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay's index leads with when a row's job was pushed. The rows no job was pushed for yet
 * (NULL, first) are a range of their own, so a relay pass reads the rows it relays and not the
 * whole queue behind them; the pushes oldest first follow, for the rows whose job Redis may have
 * lost. NULLS FIRST keeps the entries that relayed rows leave behind (dead until vacuumed) on
 * pages where nothing is inserted any more, so the scans that pass over them can mark them dead
 * and skip them after; at the far end, where every new push goes, they could not.
 */
export class OutboxDueIndex1795820000000 implements MigrationInterface {
  name = 'OutboxDueIndex1795820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_due_idx"`);
    await queryRunner.query(
      `CREATE INDEX "notifications_due_idx" ON "notifications" ("queued_at" NULLS FIRST, "next_attempt_at") WHERE status = 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_due_idx"`);
    await queryRunner.query(
      `CREATE INDEX "notifications_due_idx" ON "notifications" ("next_attempt_at") WHERE status = 'pending'`,
    );
  }
}
