import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationHistory } from './notification-history.entity';
import { OUTBOX_CHANNEL } from './outbox';

/** What the admin side needs beyond NotificationsRepository. */
@Injectable()
export class NotificationsAdminRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Wakes the relays now rather than at their next poll (a retried row is due at once). */
  async wakeRelays(): Promise<void> {
    await this.db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  }

  /** A notification's status changes, oldest first. */
  historyOf(notificationId: string): Promise<NotificationHistory[]> {
    return this.db
      .getRepository(NotificationHistory)
      .find({ where: { notificationId }, order: { at: 'ASC', id: 'ASC' }, take: 100 });
  }
}
