import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a sponsorship was ended, to the instant: a former sponsor sees nothing about the student
 * that is newer (DESIGN.md, "Security and privacy"). Sponsorships ended before this migration get
 * the time of their `sponsorship.ended` audit entry, else the end of the day they ended.
 */
export class SponsorshipEndedAt1796537863244 implements MigrationInterface {
  name = 'SponsorshipEndedAt1796537863244';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sponsorships" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE sponsorships s SET ended_at = COALESCE(
         (SELECT min(a.at) FROM student_audit a
          WHERE a.student_id = s.student_id AND a.action = 'sponsorship.ended'
            AND a.changes ->> 'sponsorshipId' = s.id::text),
         (s.ended_on + 1)::timestamp AT TIME ZONE 'UTC')
       WHERE s.status = 'ended'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sponsorships" DROP COLUMN "ended_at"`);
  }
}
