import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check-in app's sync (DESIGN.md, "Check-in app"):
 * - `check_in_operations` remembers each device-made check-in or undo by its uuid, so a batch sent
 *   twice, or by two devices at once, is applied once;
 * - `registrations.updated_at` is set by the database on every update (many writers are plain SQL),
 *   and `registration_attendees.changed_at` when a check-in is made or undone, so a device asks
 *   for the changes since its last sync;
 * - indexes for those two questions per event.
 */
export class CheckInSync1796549095829 implements MigrationInterface {
  name = 'CheckInSync1796549095829';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "check_in_operations" ("id" uuid NOT NULL, "event_id" uuid NOT NULL, "registration_id" uuid, "undo" boolean NOT NULL, "outcome" character varying(20), "device_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" uuid, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_check_in_operations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "check_in_operations" ADD CONSTRAINT "FK_check_in_operations_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "check_in_operations_event_idx" ON "check_in_operations" ("event_id", "applied_at") `,
    );
    await queryRunner.query(`ALTER TABLE "registration_attendees" ADD "changed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "registration_attendees_changed_idx" ON "registration_attendees" ("event_id", "changed_at") WHERE changed_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "registrations_event_updated_idx" ON "registrations" ("event_id", "updated_at") `,
    );
    await queryRunner.query(`
      CREATE FUNCTION registrations_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := clock_timestamp();
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER registrations_touch BEFORE UPDATE ON "registrations" FOR EACH ROW EXECUTE FUNCTION registrations_touch()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER registrations_touch ON "registrations"`);
    await queryRunner.query('DROP FUNCTION registrations_touch()');
    await queryRunner.query(`DROP INDEX "public"."registrations_event_updated_idx"`);
    await queryRunner.query(`DROP INDEX "public"."registration_attendees_changed_idx"`);
    await queryRunner.query(`ALTER TABLE "registration_attendees" DROP COLUMN "changed_at"`);
    await queryRunner.query(`DROP TABLE "check_in_operations"`);
  }
}
