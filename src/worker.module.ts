import { Module } from '@nestjs/common';
import { AuthMailModule } from './auth/auth-mail.module';
import { CoreModule } from './core.module';
import { MailWorkerModule } from './notifications/mail-worker.module';
import { MessagesWorkerModule } from './registrations/messages.worker';
import { RegistrationMailWorkerModule } from './registrations/registration-mail.worker';
import { RetentionWorkerModule } from './retention/retention.worker';
import { SponsorshipMailWorkerModule } from './sponsorships/sponsorship-mail.worker';

/** The worker process: no HTTP. Queue processors and schedulers register here (never in the api). */
@Module({
  imports: [
    CoreModule.forProcess('worker'),
    MailWorkerModule,
    AuthMailModule,
    RegistrationMailWorkerModule,
    MessagesWorkerModule,
    SponsorshipMailWorkerModule,
    RetentionWorkerModule,
  ],
})
export class WorkerModule {}
