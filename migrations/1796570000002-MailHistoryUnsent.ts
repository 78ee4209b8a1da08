import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail history's trigger no longer writes a row when a mail is sent. `sent` is final and the
 * row keeps its time (`sent_at`), so the history read adds it from the row
 * (`NotificationsAdminService.get`); a mail that goes out at its first try, nearly all of them,
 * now costs the outbox no second insert. Every other change of status is written as before.
 */
export class MailHistoryUnsent1796570000002 implements MigrationInterface {
  name = 'MailHistoryUnsent1796570000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER notification_history_trg ON notifications`);
    await queryRunner.query(
      `CREATE TRIGGER notification_history_trg AFTER UPDATE OF status ON notifications
       FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status NOT IN ('sending', 'sent'))
       EXECUTE FUNCTION notification_history_record()`,
    );
    // The rows the trigger wrote for sent mails: the read now adds them from the row.
    await queryRunner.query(`DELETE FROM notification_history WHERE status = 'sent'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER notification_history_trg ON notifications`);
    await queryRunner.query(
      `CREATE TRIGGER notification_history_trg AFTER UPDATE OF status ON notifications
       FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status <> 'sending')
       EXECUTE FUNCTION notification_history_record()`,
    );
    await queryRunner.query(
      `INSERT INTO notification_history (notification_id, status, attempts, at)
       SELECT id, 'sent', attempts, sent_at FROM notifications WHERE status = 'sent' AND sent_at IS NOT NULL`,
    );
  }
}
