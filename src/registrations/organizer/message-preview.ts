import { Injectable } from '@nestjs/common';
import { Caller } from '../../common/auth';
import { LOCALES, type Locale } from '../../common/locales';
import { AppConfig } from '../../config/config.module';
import type { Event } from '../../events/event.entity';
import { mailUrl } from '../../mail/links';
import { toMailEvent } from '../../mail/mail-event';
import type { MailData } from '../../mail/mail-kinds';
import { renderMail } from '../../mail/render';
import { MessagePreviewResponse, SendMessageDto } from './dto/organizer.dto';
import { OrganizerAccess } from './organizer-access';

/** Stands in for each family's name in the preview, in the mail's language. */
const SAMPLE_NAME: Record<Locale, string> = {
  en: '[family’s name]',
  'zh-CN': '[家庭姓名]',
  ne: '[परिवारको नाम]',
};

/**
 * What an organizer's message will look like in each language, rendered by the same templates the
 * worker sends with. Nothing is written or queued; the links point at real pages but carry no token.
 */
@Injectable()
export class MessagePreview {
  private readonly publicUrl: string;

  constructor(
    private readonly access: OrganizerAccess,
    config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL');
  }

  async preview(eventId: string, dto: SendMessageDto, caller: Caller): Promise<MessagePreviewResponse> {
    const event = await this.access.eventFor(eventId, caller);
    const items = await Promise.all(
      LOCALES.map(async (locale) => {
        const mail = await renderMail('event.message', locale, this.data(event, dto, caller, locale), {
          publicUrl: this.publicUrl,
        });
        return { locale, subject: mail.subject, text: mail.text };
      }),
    );
    return { items };
  }

  private data(event: Event, dto: SendMessageDto, caller: Caller, locale: Locale): MailData['event.message'] {
    return {
      name: SAMPLE_NAME[locale],
      // As a confirmed family reads it (the online link included).
      event: toMailEvent(event, 'confirmed', locale, this.publicUrl),
      registrationId: '',
      manageUrl: mailUrl(this.publicUrl, '/me/registrations', locale),
      unsubscribeUrl: mailUrl(this.publicUrl, '/unsubscribe', locale),
      subject: dto.subject,
      body: dto.body,
      organizerName: caller.name,
    };
  }
}
