import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the console's mail views:
 * - a registration's mails, found by the `registrationId` every registration mail carries in its
 *   payload (direct rows and the rows a fan-out writes per family), through an expression index
 *   rather than a scan of the outbox;
 * - a notification's status history, written by a trigger whenever a row's status changes to
 *   anything but `sending` (a try to repeat, sent, failed, skipped, suppressed, an admin's retry),
 *   so no code path that moves a row can forget it. No error text and no address is kept there.
 */
export class MailLog1796570000001 implements MigrationInterface {
  name = 'MailLog1796570000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "notifications_registration_idx" ON "notifications" ((payload->>'registrationId'))
       WHERE payload ? 'registrationId'`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_history" ("id" BIGSERIAL NOT NULL, "notification_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "attempts" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_901f37d36fcc63dffdc1281d6bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_history_notification_idx" ON "notification_history" ("notification_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_history" ADD CONSTRAINT "FK_56f82d5ca32d2453cc4b156e4ba" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE FUNCTION notification_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO notification_history (notification_id, status, attempts) VALUES (NEW.id, NEW.status, NEW.attempts);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER notification_history_trg AFTER UPDATE OF status ON notifications
       FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status <> 'sending')
       EXECUTE FUNCTION notification_history_record()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER notification_history_trg ON notifications`);
    await queryRunner.query(`DROP FUNCTION notification_history_record()`);
    await queryRunner.query(`DROP TABLE "notification_history"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_registration_idx"`);
  }
}
