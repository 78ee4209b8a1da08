import { Injectable, Logger } from '@nestjs/common';
import { Caller } from '../common/auth';
import { NotFoundError } from '../common/errors';
import { offsetOf, Page, pageOf } from '../common/pagination';
import { MailSuppressionResponse, MailSuppressionsQuery } from './dto/mail-suppressions.dto';
import { MailSuppression } from './mail-suppression.entity';
import { MailSuppressionsRepository } from './mail-suppressions.repository';

export function toMailSuppressionResponse(s: MailSuppression): MailSuppressionResponse {
  return {
    id: s.id,
    email: s.email,
    reason: s.reason,
    smtpResponse: s.smtpResponse,
    notificationId: s.notificationId,
    createdAt: s.createdAt.toISOString(),
  };
}

/** The admins' view of suppressed addresses, and the lift (say, once a family fixed its mailbox). */
@Injectable()
export class MailSuppressionsService {
  private readonly logger = new Logger(MailSuppressionsService.name);

  constructor(private readonly repo: MailSuppressionsRepository) {}

  async list(q: MailSuppressionsQuery): Promise<Page<MailSuppressionResponse>> {
    const [rows, total] = await this.repo.page(offsetOf(q), q.limit, q.q || undefined);
    return pageOf(rows.map(toMailSuppressionResponse), total, q);
  }

  async lift(id: string, caller: Caller): Promise<void> {
    if (!(await this.repo.lift(id))) throw new NotFoundError('The suppression');
    // The id, not the address: the log holds no personal data.
    this.logger.log({ suppressionId: id, adminId: caller.id }, 'mail suppression lifted');
  }
}
