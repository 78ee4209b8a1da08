import { Module } from '@nestjs/common';
import { MailGate } from './api-busy';
import { FanoutExpander } from './fanout';
import { MailProcessor } from './mail.processor';
import { MailSender } from './mail-sender';
import { MailTransport } from './mail-transport';
import { NotificationsModule } from './notifications.module';
import { OutboxRelay } from './relay';

/** The worker's half of the mail pipeline: relay, sweeper, senders and fan-out. Never in the api. */
@Module({
  imports: [NotificationsModule],
  providers: [OutboxRelay, MailProcessor, MailSender, MailTransport, FanoutExpander, MailGate],
})
export class MailWorkerModule {}
