import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure (DESIGN.md, "Security and privacy"): a sponsor's account may go while its payments stay
 * for the charity's accounts (the sponsorship's sponsor becomes null); each erasure is recorded
 * without what it removed; and the students' audit trail stops keeping the values of sensitive
 * fields (full name, birth date, region, guardian) and the name of whoever granted a consent:
 * the entries already written keep that the field changed, not what it held.
 */
export class PersonalDataErasure1796548385303 implements MigrationInterface {
  name = 'PersonalDataErasure1796548385303';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sponsorships" DROP CONSTRAINT "FK_91f896b6e134da527fb9cebc2c4"`);
    await queryRunner.query(`ALTER TABLE "sponsorships" ALTER COLUMN "sponsor_user_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "sponsorships" ADD CONSTRAINT "FK_91f896b6e134da527fb9cebc2c4" FOREIGN KEY ("sponsor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "erasures" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "subject" character varying(20) NOT NULL,
         "subject_id" uuid,
         "actor_id" uuid,
         "registrations" integer NOT NULL DEFAULT 0,
         "cancelled" integer NOT NULL DEFAULT 0,
         "mails" integer NOT NULL DEFAULT 0,
         "sponsorships" integer NOT NULL DEFAULT 0,
         "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_4f2c0a9f8284d4e1906cb029caf" PRIMARY KEY ("id"))`,
    );
    await this.scrubAuditTrail(queryRunner);
  }

  /**
   * The entries of the students' audit trail written before it stopped keeping sensitive values:
   * full name, birth date, region and guardian become `{ changed: true }` (as
   * `SENSITIVE_AUDIT_FIELDS` in students.service.ts records them now), and a consent's `grantedBy`
   * goes. A method of its own so that a test can run it on entries shaped as they were.
   */
  async scrubAuditTrail(queryRunner: { query(sql: string): Promise<unknown> }): Promise<void> {
    await queryRunner.query(
      `UPDATE student_audit SET changes = (
         SELECT jsonb_object_agg(k, CASE WHEN k IN ('fullName', 'birthDate', 'region', 'guardian')
                                         THEN '{"changed": true}'::jsonb ELSE v END)
         FROM jsonb_each(changes) AS e(k, v))
       WHERE action = 'updated' AND changes ?| ARRAY['fullName', 'birthDate', 'region', 'guardian']`,
    );
    await queryRunner.query(
      `UPDATE student_audit SET changes = changes - 'grantedBy' WHERE action = 'consent.granted' AND changes ? 'grantedBy'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "erasures"`);
    await queryRunner.query(`ALTER TABLE "sponsorships" DROP CONSTRAINT "FK_91f896b6e134da527fb9cebc2c4"`);
    await queryRunner.query(`DELETE FROM "sponsorships" WHERE "sponsor_user_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "sponsorships" ALTER COLUMN "sponsor_user_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "sponsorships" ADD CONSTRAINT "FK_91f896b6e134da527fb9cebc2c4" FOREIGN KEY ("sponsor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
