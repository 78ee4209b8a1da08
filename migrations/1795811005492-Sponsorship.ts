import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sponsorship1795811005492 implements MigrationInterface {
  name = 'Sponsorship1795811005492';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "students" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "full_name" character varying(200) NOT NULL, "preferred_name" character varying(100) NOT NULL, "birth_date" date NOT NULL, "country" character varying(100) NOT NULL, "region" character varying(200) NOT NULL DEFAULT '', "school_name" character varying(200) NOT NULL, "school_town" character varying(200) NOT NULL, "grade_level" character varying(40) NOT NULL, "annual_need_amount" integer NOT NULL, "annual_need_currency" character(3) NOT NULL, "guardian_name" character varying(200) NOT NULL, "guardian_relationship" character varying(60) NOT NULL, "guardian_phone" character varying(40) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'waiting', "waiting_since" TIMESTAMP WITH TIME ZONE, "sponsored_at" TIMESTAMP WITH TIME ZONE, "graduated_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "students_need_check" CHECK (annual_need_amount >= 0), CONSTRAINT "students_status_check" CHECK (status IN ('waiting', 'sponsored', 'graduated', 'withdrawn')), CONSTRAINT "PK_7d7f07271ad4ce999880713f05e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "students_program_status_idx" ON "students"  ("program_id", "status", "waiting_since") `,
    );
    await queryRunner.query(
      `CREATE TABLE "student_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "student_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "granted_by" character varying(200) NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "student_consents_purpose_check" CHECK (purpose IN ('share_progress', 'photos')), CONSTRAINT "PK_f2f82441c75cced5a4b815f815c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "student_consents_student_idx" ON "student_consents"  ("student_id", "purpose") `,
    );
    await queryRunner.query(
      `CREATE TABLE "student_audit" ("id" BIGSERIAL NOT NULL, "student_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(40) NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_597306fae90e4f4ea456532d497" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "student_audit_student_idx" ON "student_audit"  ("student_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "sponsorships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "student_id" uuid NOT NULL, "program_id" uuid NOT NULL, "sponsor_user_id" uuid NOT NULL, "amount" integer NOT NULL, "currency" character(3) NOT NULL, "period" character varying(8) NOT NULL, "start_date" date NOT NULL, "end_date" date, "status" character varying(8) NOT NULL DEFAULT 'active', "ended_on" date, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sponsorships_dates_check" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "sponsorships_amount_check" CHECK (amount > 0), CONSTRAINT "sponsorships_period_check" CHECK (period IN ('month', 'term', 'year')), CONSTRAINT "sponsorships_status_check" CHECK (status IN ('active', 'ended')), CONSTRAINT "PK_393571b62d6dd0f63c6d3eb154b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sponsorships_program_idx" ON "sponsorships"  ("program_id") `);
    await queryRunner.query(
      `CREATE INDEX "sponsorships_sponsor_idx" ON "sponsorships"  ("sponsor_user_id", "status") `,
    );
    await queryRunner.query(`CREATE INDEX "sponsorships_student_idx" ON "sponsorships"  ("student_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "sponsorship_payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sponsorship_id" uuid NOT NULL, "amount" integer NOT NULL, "currency" character(3) NOT NULL, "received_on" date NOT NULL, "method" character varying(20) NOT NULL, "reference" character varying(100) NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sponsorship_payments_amount_check" CHECK (amount > 0), CONSTRAINT "PK_5bd8747024483951a65186b1c7f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "sponsorship_payments_sponsorship_idx" ON "sponsorship_payments"  ("sponsorship_id", "received_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "disbursements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "student_id" uuid NOT NULL, "category" character varying(12) NOT NULL, "amount" integer NOT NULL, "currency" character(3) NOT NULL, "paid_on" date NOT NULL, "payee" character varying(200) NOT NULL, "receipt_reference" character varying(100) NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "disbursements_amount_check" CHECK (amount > 0), CONSTRAINT "PK_2f9ea0e5b8382113aaa3e51cdfa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "disbursements_student_idx" ON "disbursements"  ("student_id", "paid_on") `);
    await queryRunner.query(
      `CREATE TABLE "progress_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "student_id" uuid NOT NULL, "term" character varying(60) NOT NULL, "grade_level" character varying(40) NOT NULL, "subjects" jsonb NOT NULL DEFAULT '[]', "attendance_rate" double precision NOT NULL, "promoted" boolean NOT NULL, "summary" character varying(2000) NOT NULL DEFAULT '', "published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "progress_reports_attendance_check" CHECK (attendance_rate BETWEEN 0 AND 1), CONSTRAINT "PK_175179020a43d5ec75ab1d6a04f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "progress_reports_student_idx" ON "progress_reports"  ("student_id", "published_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "students" ADD CONSTRAINT "FK_2a7ac955ea573f8be71d736cef8" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "students" ADD CONSTRAINT "FK_acb0e90f48f22601cb296422ec6" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_consents" ADD CONSTRAINT "FK_d446c503e2bffd0b044b9ae110e" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_audit" ADD CONSTRAINT "FK_4c7f5829dac59fb4a55c4c70ed5" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_audit" ADD CONSTRAINT "FK_d45c8827a90adc6f97deef68d63" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sponsorships" ADD CONSTRAINT "FK_e7db8ec6239c1971ef616c4ed97" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sponsorships" ADD CONSTRAINT "FK_7f7326e65d10a4ea8f932607ca7" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sponsorships" ADD CONSTRAINT "FK_91f896b6e134da527fb9cebc2c4" FOREIGN KEY ("sponsor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sponsorship_payments" ADD CONSTRAINT "FK_bf6099c38bc60f7e181fe4c0c78" FOREIGN KEY ("sponsorship_id") REFERENCES "sponsorships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disbursements" ADD CONSTRAINT "FK_7755f54a7633fce9b5d5e66cce0" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_59469a3343cf600c23cff2d6416" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_59469a3343cf600c23cff2d6416"`);
    await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_7755f54a7633fce9b5d5e66cce0"`);
    await queryRunner.query(`ALTER TABLE "sponsorship_payments" DROP CONSTRAINT "FK_bf6099c38bc60f7e181fe4c0c78"`);
    await queryRunner.query(`ALTER TABLE "sponsorships" DROP CONSTRAINT "FK_91f896b6e134da527fb9cebc2c4"`);
    await queryRunner.query(`ALTER TABLE "sponsorships" DROP CONSTRAINT "FK_7f7326e65d10a4ea8f932607ca7"`);
    await queryRunner.query(`ALTER TABLE "sponsorships" DROP CONSTRAINT "FK_e7db8ec6239c1971ef616c4ed97"`);
    await queryRunner.query(`ALTER TABLE "student_audit" DROP CONSTRAINT "FK_d45c8827a90adc6f97deef68d63"`);
    await queryRunner.query(`ALTER TABLE "student_audit" DROP CONSTRAINT "FK_4c7f5829dac59fb4a55c4c70ed5"`);
    await queryRunner.query(`ALTER TABLE "student_consents" DROP CONSTRAINT "FK_d446c503e2bffd0b044b9ae110e"`);
    await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_acb0e90f48f22601cb296422ec6"`);
    await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_2a7ac955ea573f8be71d736cef8"`);
    await queryRunner.query(`DROP INDEX "public"."progress_reports_student_idx"`);
    await queryRunner.query(`DROP TABLE "progress_reports"`);
    await queryRunner.query(`DROP INDEX "public"."disbursements_student_idx"`);
    await queryRunner.query(`DROP TABLE "disbursements"`);
    await queryRunner.query(`DROP INDEX "public"."sponsorship_payments_sponsorship_idx"`);
    await queryRunner.query(`DROP TABLE "sponsorship_payments"`);
    await queryRunner.query(`DROP INDEX "public"."sponsorships_student_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sponsorships_sponsor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sponsorships_program_idx"`);
    await queryRunner.query(`DROP TABLE "sponsorships"`);
    await queryRunner.query(`DROP INDEX "public"."student_audit_student_idx"`);
    await queryRunner.query(`DROP TABLE "student_audit"`);
    await queryRunner.query(`DROP INDEX "public"."student_consents_student_idx"`);
    await queryRunner.query(`DROP TABLE "student_consents"`);
    await queryRunner.query(`DROP INDEX "public"."students_program_status_idx"`);
    await queryRunner.query(`DROP TABLE "students"`);
  }
}
