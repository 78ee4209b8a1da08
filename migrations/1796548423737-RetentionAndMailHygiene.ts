import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data with a lifecycle (docs/operations.md, "What Kinship keeps"):
 * - registrations and events remember when a registration's personal fields were removed (the
 *   daily retention run walks ended events and marks each done);
 * - a registration's family may unsubscribe from the event's messages and reminders;
 * - the outbox gets a final status `suppressed`, and a purged row keeps no recipient;
 * - addresses whose server refused them for good (`mail_suppressions`) get no optional mail;
 * - a student's record reduced after her program remembers when, and may lose her birth date;
 * - `scheduled_runs`: one row per daily job, claimed by one worker a day.
 */
export class RetentionAndMailHygiene1796548423737 implements MigrationInterface {
  name = 'RetentionAndMailHygiene1796548423737';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ADD "personal_data_removed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "registrations" ADD "unsubscribed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "events" ADD "personal_data_removed_at" TIMESTAMP WITH TIME ZONE`);

    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_status_check" CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'suppressed'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_check" CHECK (kind LIKE 'fanout.%' OR recipient_email IS NOT NULL OR status IN ('sent', 'failed', 'skipped', 'suppressed'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_retention_idx" ON "notifications" ("updated_at") WHERE status IN ('sent', 'failed', 'skipped', 'suppressed') AND (recipient_email IS NOT NULL OR payload <> '{}'::jsonb)`,
    );

    await queryRunner.query(
      `CREATE TABLE "mail_suppressions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "reason" character varying(20) NOT NULL DEFAULT 'bounced', "smtp_response" character varying(1000), "notification_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mail_suppressions_email_uq" UNIQUE ("email"), CONSTRAINT "PK_mail_suppressions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mail_suppressions_created_idx" ON "mail_suppressions" ("created_at") `);

    await queryRunner.query(`ALTER TABLE "students" ADD "reduced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "students" ALTER COLUMN "birth_date" DROP NOT NULL`);

    await queryRunner.query(
      `CREATE TABLE "scheduled_runs" ("name" character varying(60) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "report" jsonb, CONSTRAINT "PK_scheduled_runs" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scheduled_runs"`);
    await queryRunner.query(`UPDATE "students" SET birth_date = '1900-01-01' WHERE birth_date IS NULL`);
    await queryRunner.query(`ALTER TABLE "students" ALTER COLUMN "birth_date" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "students" DROP COLUMN "reduced_at"`);
    await queryRunner.query(`DROP TABLE "mail_suppressions"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_retention_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_check" CHECK (kind LIKE 'fanout.%' OR recipient_email IS NOT NULL)`,
    );
    await queryRunner.query(`UPDATE "notifications" SET status = 'skipped' WHERE status = 'suppressed'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_status_check" CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped'))`,
    );
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "personal_data_removed_at"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "unsubscribed_at"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "personal_data_removed_at"`);
  }
}
