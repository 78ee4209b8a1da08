import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795807153206 implements MigrationInterface {
  name = 'Foundation1795807153206';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "password_hash" character varying(200) NOT NULL, "roles" text array NOT NULL DEFAULT '{family}', "locale" character varying(10) NOT NULL DEFAULT 'en', "token_version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "programs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "name" character varying(200) NOT NULL, "description" character varying(5000) NOT NULL DEFAULT '', "kind" character varying(20) NOT NULL DEFAULT 'events', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4180c2bfa0402878a63b70cb4a4" UNIQUE ("slug"), CONSTRAINT "PK_d43c664bcaafc0e8a06dfd34e05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "program_organizers" ("program_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_c9a46c65c9cb8ef1c38c151cf7b" PRIMARY KEY ("program_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "title" character varying(200) NOT NULL, "summary" character varying(500) NOT NULL DEFAULT '', "description" character varying(20000) NOT NULL DEFAULT '', "kind" character varying(30) NOT NULL, "format" character varying(20) NOT NULL, "venue" character varying(500), "online_url" character varying(2000), "timezone" character varying(64) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "capacity" integer NOT NULL, "seats_taken" integer NOT NULL DEFAULT '0', "waitlist_count" integer NOT NULL DEFAULT '0', "waitlist_enabled" boolean NOT NULL DEFAULT true, "max_party_size" integer NOT NULL DEFAULT '6', "child_age_min" integer, "child_age_max" integer, "program_id" uuid, "questions" jsonb NOT NULL DEFAULT '[]', "status" character varying(20) NOT NULL DEFAULT 'draft', "change_version" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_05bd884c03d3f424e2204bd14cd" UNIQUE ("slug"), CONSTRAINT "events_window_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "events_party_size_check" CHECK ("max_party_size" BETWEEN 1 AND 20), CONSTRAINT "events_waitlist_count_check" CHECK ("waitlist_count" >= 0), CONSTRAINT "events_no_oversell_check" CHECK ("seats_taken" >= 0 AND "seats_taken" <= "capacity"), CONSTRAINT "events_capacity_check" CHECK ("capacity" >= 0), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "events_program_idx" ON "events"  ("program_id") `);
    await queryRunner.query(`CREATE INDEX "events_public_list_idx" ON "events"  ("status", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "event_organizers" ("event_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_8bedf221e4c0cfce1fee056827e" PRIMARY KEY ("event_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "household_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "birth_date" date NOT NULL, "relationship" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_198055660706bdbea68909fdb01" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "household_members_owner_idx" ON "household_members"  ("owner_id") `);
    await queryRunner.query(
      `ALTER TABLE "programs" ADD CONSTRAINT "FK_49427782d15ccb8a84543220ab1" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "program_organizers" ADD CONSTRAINT "FK_c0db1087d6d53fba369a67e020f" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "program_organizers" ADD CONSTRAINT "FK_bdfa494014de408db7b70d8ba16" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_da810925b2796e5c8f17db3c916" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_1a259861a2ce114f074b366eed2" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_organizers" ADD CONSTRAINT "FK_64b592355e149a4d47def2412d5" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_organizers" ADD CONSTRAINT "FK_1dd4c4652b67727b9f1f5453425" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "household_members" ADD CONSTRAINT "FK_85b16a3342836ce288f79de095e" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "household_members" DROP CONSTRAINT "FK_85b16a3342836ce288f79de095e"`);
    await queryRunner.query(`ALTER TABLE "event_organizers" DROP CONSTRAINT "FK_1dd4c4652b67727b9f1f5453425"`);
    await queryRunner.query(`ALTER TABLE "event_organizers" DROP CONSTRAINT "FK_64b592355e149a4d47def2412d5"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_1a259861a2ce114f074b366eed2"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_da810925b2796e5c8f17db3c916"`);
    await queryRunner.query(`ALTER TABLE "program_organizers" DROP CONSTRAINT "FK_bdfa494014de408db7b70d8ba16"`);
    await queryRunner.query(`ALTER TABLE "program_organizers" DROP CONSTRAINT "FK_c0db1087d6d53fba369a67e020f"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP CONSTRAINT "FK_49427782d15ccb8a84543220ab1"`);
    await queryRunner.query(`DROP INDEX "public"."household_members_owner_idx"`);
    await queryRunner.query(`DROP TABLE "household_members"`);
    await queryRunner.query(`DROP TABLE "event_organizers"`);
    await queryRunner.query(`DROP INDEX "public"."events_public_list_idx"`);
    await queryRunner.query(`DROP INDEX "public"."events_program_idx"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "program_organizers"`);
    await queryRunner.query(`DROP TABLE "programs"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
