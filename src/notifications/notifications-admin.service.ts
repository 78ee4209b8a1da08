import { Injectable, Logger } from '@nestjs/common';
import { Caller } from '../common/auth';
import { InvalidTransitionError, NotFoundError } from '../common/errors';
import { offsetOf, Page, pageOf } from '../common/pagination';
import { NotificationDetail, NotificationResponse, NotificationsQuery } from './dto/notifications.dto';
import { toNotificationResponse } from './notifications-admin.mapper';
import { NotificationsAdminRepository } from './notifications-admin.repository';
import { NotificationsRepository } from './notifications.repository';

/** The notification log for admins: what was sent, what failed, and a retry for what failed. */
@Injectable()
export class NotificationsAdminService {
  private readonly logger = new Logger(NotificationsAdminService.name);

  constructor(
    private readonly rows: NotificationsRepository,
    private readonly admin: NotificationsAdminRepository,
  ) {}

  async list(q: NotificationsQuery): Promise<Page<NotificationResponse>> {
    const [rows, total] = await this.rows.page(
      { status: q.status, kind: q.kind, recipient: q.recipient?.toLowerCase() },
      offsetOf(q),
      q.limit,
    );
    return pageOf(rows.map(toNotificationResponse), total, q);
  }

  /**
   * One row with its status history: the steps the trigger wrote, then `sent` from the row itself
   * (final, with its time in sent_at; the trigger writes no row for it, see migration MailLog).
   */
  async get(id: string): Promise<NotificationDetail> {
    const row = await this.rows.findById(id);
    if (!row) throw new NotFoundError('The notification');
    const history = (await this.admin.historyOf(id)).map((h) => ({
      status: h.status,
      attempts: h.attempts,
      at: h.at.toISOString(),
    }));
    if (row.status === 'sent' && row.sentAt) {
      history.push({ status: 'sent', attempts: row.attempts, at: row.sentAt.toISOString() });
    }
    return { ...toNotificationResponse(row), history };
  }

  /** Only a failed row can be retried: it becomes pending, due now, with a fresh count of attempts. */
  async retry(id: string, caller: Caller): Promise<NotificationResponse> {
    const row = await this.rows.findById(id);
    if (!row) throw new NotFoundError('The notification');
    if (row.status !== 'failed' || !(await this.rows.retryFailed(id))) {
      throw new InvalidTransitionError(`Only a failed notification can be retried; this one is ${row.status}`);
    }
    await this.admin.wakeRelays();
    this.logger.log({ notificationId: id, adminId: caller.id }, 'failed notification retried');
    const fresh = await this.rows.findById(id);
    return toNotificationResponse(fresh ?? row);
  }
}
