import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { FanoutAudiences } from '../notifications/audiences';
import { RegistrationsCoreModule } from './registrations-core.module';
import { RegistrationsRepository } from './registrations.repository';

/**
 * Who an organizer's message reaches: every active (confirmed or waitlisted) registration of the
 * event, a page at a time. Each recipient's row carries the message, so the mail says what the
 * organizer wrote even if more messages follow; its preparer skips a family that cancelled since.
 */
@Injectable()
export class EventMessageAudience implements OnModuleInit {
  constructor(
    private readonly repo: RegistrationsRepository,
    private readonly audiences: FanoutAudiences,
  ) {}

  onModuleInit(): void {
    this.audiences.register('event.message', async (payload, cursor, limit, m) => {
      const page = await this.repo.activeRecipients(m, String(payload.eventId), cursor, limit);
      const message = {
        subject: String(payload.subject),
        body: String(payload.body),
        organizerName: String(payload.organizerName),
      };
      return page.map((r) => ({
        key: r.id,
        email: r.contactEmail,
        name: r.contactName,
        locale: r.locale,
        payload: { registrationId: r.id, ...message },
      }));
    });
  }
}

@Module({
  imports: [RegistrationsCoreModule],
  providers: [EventMessageAudience],
})
export class MessagesWorkerModule {}
