import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multilingual events: the language the base fields are written in (existing events were written
 * in English) and the same fields in other locales, as one JSON object keyed by locale.
 */
export class EventTranslations1795831472519 implements MigrationInterface {
  name = 'EventTranslations1795831472519';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "events" ADD "content_locale" character varying(10) NOT NULL DEFAULT 'en', ADD "translations" jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "translations", DROP COLUMN "content_locale"`);
  }
}
