import type { Locale } from '../common/locales';
import { localize } from '../events/event-content';
import type { Event } from '../events/event.entity';
import type { RegistrationStatus } from '../registrations/registration.entity';
import { mailUrl } from './links';
import type { MailEvent } from './mail-kinds';

/** What a mail says of its event. */
export type MailEventSource = Pick<
  Event,
  | 'id'
  | 'title'
  | 'contentLocale'
  | 'translations'
  | 'slug'
  | 'startsAt'
  | 'endsAt'
  | 'timezone'
  | 'format'
  | 'venue'
  | 'onlineUrl'
>;

/**
 * The event in the reader's language (its title and place, each falling back to the event's own
 * language); the online link only for families holding seats; the mail links to the event's page.
 * The worker's mails and the organizers' message preview both build it here.
 */
export function toMailEvent(
  e: MailEventSource,
  status: RegistrationStatus,
  locale: Locale,
  publicUrl: string,
): MailEvent {
  const words = localize(e, locale, ['title', 'venue']);
  return {
    id: e.id,
    title: words.title,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timezone: e.timezone,
    format: e.format,
    venue: words.venue,
    onlineUrl: status === 'confirmed' ? e.onlineUrl : null,
    url: mailUrl(publicUrl, `/events/${e.slug}`, locale),
  };
}
