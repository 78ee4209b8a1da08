import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795808838562 implements MigrationInterface {
  name = 'Notifications1795808838562';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_resets_user_idx" ON "password_resets"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(60) NOT NULL, "recipient_email" character varying(254), "recipient_name" character varying(200), "locale" character varying(10) NOT NULL DEFAULT 'en', "payload" jsonb NOT NULL DEFAULT '{}', "dedupe_key" character varying(300) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_expires_at" TIMESTAMP WITH TIME ZONE, "queued_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(2000), "message_id" character varying(300), "smtp_response" character varying(1000), "fanout_cursor" character varying(100), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1ce34a3c9fd97cd56bcb734ca9e" UNIQUE ("dedupe_key"), CONSTRAINT "notifications_recipient_check" CHECK (kind LIKE 'fanout.%' OR recipient_email IS NOT NULL), CONSTRAINT "notifications_status_check" CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_admin_idx" ON "notifications"  ("status", "kind", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_lease_idx" ON "notifications"  ("lease_expires_at") WHERE status = 'sending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_due_idx" ON "notifications"  ("next_attempt_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_resets" ADD CONSTRAINT "FK_f7a4c3bc48f24df007936d217be" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_resets" DROP CONSTRAINT "FK_f7a4c3bc48f24df007936d217be"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_lease_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_admin_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."password_resets_user_idx"`);
    await queryRunner.query(`DROP TABLE "password_resets"`);
  }
}
