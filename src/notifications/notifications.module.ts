import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { FanoutAudiences } from './audiences';
import { MAIL_QUEUE } from './mail-queue';
import { MailSuppressionsRepository } from './mail-suppressions.repository';
import { NotificationsRepository } from './notifications.repository';
import { Outbox } from './outbox';
import { MailPreparers } from './preparers';

/**
 * What every process needs to send mail the Kinship way: the Outbox (rows written in the caller's
 * transaction), the registries where features say how to prepare their mails and who a fan-out
 * reaches, and the mail queue (the api only looks at it, for the dashboard).
 */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: MAIL_QUEUE })],
  providers: [Outbox, NotificationsRepository, MailSuppressionsRepository, MailPreparers, FanoutAudiences],
  exports: [Outbox, NotificationsRepository, MailSuppressionsRepository, MailPreparers, FanoutAudiences, BullModule],
})
export class NotificationsModule {}
