import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors';
import type { Locale } from '../common/locales';
import { AppConfig } from '../config/config.module';
import { localize } from '../events/event-content';
import type { Event } from '../events/event.entity';
import { returning } from '../database/sql';
import { UnsubscribeResponse } from './dto/unsubscribe.dto';
import { isUnsubscribeToken, unsubscribeKey } from './unsubscribe-token';

/**
 * The one-click unsubscribe of one registration (one event, one recipient): its family gets no
 * more organizer messages or reminders about that event; confirmations, changes and cancellations
 * still come. No login: the link's signature is the proof, and it is good for this registration only.
 */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger(UnsubscribeService.name);
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: AppConfig,
  ) {
    this.key = unsubscribeKey(config.get('JWT_SECRET'));
  }

  async unsubscribe(registrationId: string, token: string, locale: Locale | null): Promise<UnsubscribeResponse> {
    // A wrong signature and an unknown registration answer alike: the link does not exist.
    if (!isUnsubscribeToken(this.key, registrationId, token)) throw new NotFoundError('The registration');
    const [row] = await returning<{
      event_id: string;
      unsubscribed_at: Date;
      first: boolean;
      title: string;
      content_locale: Locale;
      translations: Event['translations'];
    }>(
      this.db,
      `WITH r AS (
         UPDATE registrations SET unsubscribed_at = COALESCE(unsubscribed_at, now())
         WHERE id = $1
         RETURNING event_id, unsubscribed_at, unsubscribed_at = now() AS first)
       SELECT r.event_id, r.unsubscribed_at, r.first, e.title, e.content_locale, e.translations
       FROM r JOIN events e ON e.id = r.event_id`,
      [registrationId],
    );
    if (!row) throw new NotFoundError('The registration');
    if (row.first) this.logger.log({ registrationId, eventId: row.event_id }, 'unsubscribed from optional mail');
    const words = localize(
      { title: row.title, contentLocale: row.content_locale, translations: row.translations },
      locale,
      ['title'] as const,
    );
    return {
      registrationId,
      eventId: row.event_id,
      eventTitle: words.title,
      locale: words.locale,
      unsubscribedAt: row.unsubscribed_at.toISOString(),
    };
  }
}
