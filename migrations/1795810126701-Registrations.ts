import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registrations1795810126701 implements MigrationInterface {
  name = 'Registrations1795810126701';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid, "seq" BIGSERIAL NOT NULL, "code" character varying(12) NOT NULL, "status" character varying(12) NOT NULL, "party_size" integer NOT NULL, "contact_name" character varying(200) NOT NULL, "contact_email" character varying(254) NOT NULL, "contact_phone" character varying(40), "answers" jsonb NOT NULL DEFAULT '{}', "consents" jsonb NOT NULL, "locale" character varying(10) NOT NULL DEFAULT 'en', "token_version" integer NOT NULL DEFAULT '0', "change_version" integer NOT NULL DEFAULT '0', "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "registrations_party_check" CHECK (party_size BETWEEN 1 AND 20), CONSTRAINT "registrations_status_check" CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "registrations_user_idx" ON "registrations"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "registrations_event_idx" ON "registrations"  ("event_id", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "registrations_waitlist_idx" ON "registrations"  ("event_id", "seq") WHERE status = 'waitlisted'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "registrations_code_uq" ON "registrations"  ("event_id", "code") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "registrations_active_user_uq" ON "registrations"  ("event_id", "user_id") WHERE status <> 'cancelled' AND user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "registrations_active_email_uq" ON "registrations"  ("event_id", "contact_email") WHERE status <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE TABLE "registration_attendees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "event_id" uuid NOT NULL, "position" integer NOT NULL, "name" character varying(200) NOT NULL, "category" character varying(10) NOT NULL, "birth_date" date, "member_id" uuid, "checked_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "registration_attendees_category_check" CHECK (category IN ('adult', 'child')), CONSTRAINT "PK_474b4475e436de784b2edfe906b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "registration_attendees_event_idx" ON "registration_attendees"  ("event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "registration_attendees_registration_idx" ON "registration_attendees"  ("registration_id", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_c082d66f7080c743a96c1e91807" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_6aacc9b213fd8c881af6c738ecf" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration_attendees" ADD CONSTRAINT "FK_e583168f8c02f8d26a576663a76" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration_attendees" DROP CONSTRAINT "FK_e583168f8c02f8d26a576663a76"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "FK_6aacc9b213fd8c881af6c738ecf"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "FK_c082d66f7080c743a96c1e91807"`);
    await queryRunner.query(`DROP INDEX "public"."registration_attendees_registration_idx"`);
    await queryRunner.query(`DROP INDEX "public"."registration_attendees_event_idx"`);
    await queryRunner.query(`DROP TABLE "registration_attendees"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_active_email_uq"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_active_user_uq"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_code_uq"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_waitlist_idx"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_event_idx"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_user_idx"`);
    await queryRunner.query(`DROP TABLE "registrations"`);
  }
}
