import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox rows written to one address: an erasure deletes them and an export lists them, by
 * the recipient (stored lower-cased) rather than by a scan of the whole outbox while the
 * erasure holds its locks.
 */
export class OutboxRecipientIndex1796549790463 implements MigrationInterface {
  name = 'OutboxRecipientIndex1796549790463';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "notifications_recipient_idx" ON "notifications" ("recipient_email")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_recipient_idx"`);
  }
}
