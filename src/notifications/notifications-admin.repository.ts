import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox';

/** What the admin side needs beyond NotificationsRepository. */
@Injectable()
export class NotificationsAdminRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Wakes the relays now rather than at their next poll (a retried row is due at once). */
  async wakeRelays(): Promise<void> {
    await this.db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  }
}
