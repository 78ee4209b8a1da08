import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '../common/locales';
import { AppConfig } from '../config/config.module';
import { Event } from '../events/event.entity';
import { mailUrl } from '../mail/links';
import { toMailEvent, type MailEventSource } from '../mail/mail-event';
import type { MailData, MailKind } from '../mail/mail-kinds';
import { isUuid } from '../common/ids';
import { FanoutAudiences } from '../notifications/audiences';
import { Coalescer } from '../common/keyed-batches';
import { Notification } from '../notifications/notification.entity';
import { MailPreparers, SkipMail, SuppressMail } from '../notifications/preparers';
import { guestToken, guestTokenKey } from './guest-token';
import { AttendeeCategory, Registration, RegistrationStatus } from './registration.entity';
import { RegistrationMail } from './registration-mail';
import { RegistrationsCoreModule } from './registrations-core.module';
import { RegistrationsRepository } from './registrations.repository';
import { unsubscribeKey, unsubscribeToken } from './unsubscribe-token';

const UNSUBSCRIBED = 'the family unsubscribed from the optional mail of this event';

type RegistrationKind = Extract<MailKind, `registration.${string}` | `event.${string}`>;

/** What a registration's mail is made of, as of send time. */
interface MailSource {
  registration: Pick<Registration, 'id' | 'userId' | 'tokenVersion' | 'code' | 'status' | 'partySize' | 'contactName'>;
  /** The family asked for no more optional mail (messages, reminders) about this event. */
  unsubscribed: boolean;
  event: MailEventSource & Pick<Event, 'status'>;
  attendees: { name: string; category: AttendeeCategory }[];
}

interface MailSourceRow {
  id: string;
  user_id: string | null;
  token_version: number;
  code: string;
  status: RegistrationStatus;
  party_size: number;
  contact_name: string;
  unsubscribed: boolean;
  event_id: string;
  title: string;
  content_locale: Locale;
  translations: Event['translations'];
  slug: string;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  format: Event['format'];
  venue: string | null;
  online_url: string | null;
  event_status: Event['status'];
  attendees: { name: string; category: AttendeeCategory }[];
}

function toMailSource(x: MailSourceRow): MailSource {
  return {
    registration: {
      id: x.id,
      userId: x.user_id,
      tokenVersion: x.token_version,
      code: x.code,
      status: x.status,
      partySize: x.party_size,
      contactName: x.contact_name,
    },
    unsubscribed: x.unsubscribed,
    event: {
      id: x.event_id,
      title: x.title,
      contentLocale: x.content_locale,
      translations: x.translations,
      slug: x.slug,
      startsAt: x.starts_at,
      endsAt: x.ends_at,
      timezone: x.timezone,
      format: x.format,
      venue: x.venue,
      onlineUrl: x.online_url,
      status: x.event_status,
    },
    // Each mail gets its own copy: two mails of one registration may share a batch.
    attendees: x.attendees.map((a) => ({ name: a.name, category: a.category })),
  };
}

/**
 * The worker's side of registration mail: each row becomes template data at send time, from the
 * registration and event as they are then (a stale reminder or a mail overtaken by a cancellation
 * is skipped), and the fan-outs to an event's families list their recipients.
 */
@Injectable()
export class RegistrationMailWorker implements OnModuleInit {
  private readonly publicUrl: string;
  private readonly tokenKey: Buffer;
  private readonly unsubscribeKey: Buffer;
  private readonly sources = new Coalescer<string, MailSource | null>((ids) => this.loadMany(ids));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RegistrationsRepository,
    private readonly mail: RegistrationMail,
    private readonly preparers: MailPreparers,
    private readonly audiences: FanoutAudiences,
    config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL');
    this.tokenKey = guestTokenKey(config.get('JWT_SECRET'));
    this.unsubscribeKey = unsubscribeKey(config.get('JWT_SECRET'));
  }

  onModuleInit(): void {
    const kinds: RegistrationKind[] = [
      'registration.confirmed',
      'registration.promoted',
      'registration.waitlisted',
      'registration.changed',
      'registration.cancelled',
      'registration.manage_link',
      'registration.reminder',
      'event.changed',
      'event.cancelled',
      'event.message',
    ];
    for (const kind of kinds) this.preparers.register(kind, (row) => this.prepare(kind, row) as never);

    this.audiences.register('event.changed', async (payload, cursor, limit, m) => {
      const event = await m.getRepository(Event).findOneByOrFail({ id: String(payload.eventId) });
      const page = await this.repo.activeRecipients(m, event.id, cursor, limit);
      for (const r of page) {
        // Reminders follow the new start; the old ones no longer match it and are skipped.
        if (r.status === 'confirmed')
          await this.mail.reminder(
            m,
            { id: r.id, contactEmail: r.contactEmail, contactName: r.contactName, locale: r.locale },
            event,
          );
      }
      return page.map((r) => ({
        key: r.id,
        email: r.contactEmail,
        name: r.contactName,
        locale: r.locale,
        payload: { registrationId: r.id, changes: payload.changes },
      }));
    });

    this.audiences.register('event.cancelled', async (payload, cursor, limit, m) => {
      const eventId = String(payload.eventId);
      // The event row first, as every registration write does (then the registrations, then the
      // event's counts row the triggers update): a family cancelling meanwhile waits, no deadlock.
      await this.repo.lockEvent(m, eventId);
      const page = await this.repo.activeRecipients(m, eventId, cursor, limit, true);
      await this.repo.cancelMany(
        m,
        page.map((r) => r.id),
      );
      const persons = page.filter((r) => r.status === 'confirmed').reduce((s, r) => s + r.partySize, 0);
      await this.repo.adjustEventCounts(m, eventId, -persons, -page.filter((r) => r.status === 'waitlisted').length);
      return page.map((r) => ({
        key: r.id,
        email: r.contactEmail,
        name: r.contactName,
        locale: r.locale,
        payload: { registrationId: r.id },
      }));
    });
  }

  private async prepare(kind: RegistrationKind, row: Notification): Promise<MailData[RegistrationKind] | SkipMail> {
    const p = row.payload as Record<string, unknown>;
    const loaded = await this.load(String(p.registrationId));
    if (!loaded) return new SkipMail('the registration no longer exists');
    const { registration: r, event, attendees, unsubscribed } = loaded;
    const base = {
      name: r.contactName,
      event: toMailEvent(event, r.status, row.locale, this.publicUrl),
      registrationId: r.id,
      manageUrl: this.manageUrl(r, row.locale),
    };
    const ticket = { ...base, code: r.code, partySize: r.partySize, attendees };
    // A cancelled event's families get its cancellation (the fan-out that also cancels their
    // registrations, a batch at a time): until it reaches them, their rows still read active, and
    // a ticket, a waitlist place or news of the event would contradict it.
    const eventCancelled = event.status === 'cancelled' ? new SkipMail('the event is cancelled') : null;
    switch (kind) {
      case 'registration.confirmed':
      case 'registration.promoted':
        if (eventCancelled) return eventCancelled;
        return r.status === 'confirmed' ? ticket : new SkipMail(`the registration is ${r.status} now`);
      case 'registration.waitlisted':
        if (eventCancelled) return eventCancelled;
        return r.status === 'waitlisted'
          ? { ...base, position: Number(p.position), partySize: r.partySize, attendees }
          : new SkipMail(`the registration is ${r.status} now`);
      case 'registration.changed':
        if (eventCancelled) return eventCancelled;
        return r.status === 'cancelled'
          ? new SkipMail('the registration was cancelled since')
          : {
              ...ticket,
              status: p.status as 'confirmed' | 'waitlisted',
              position: (p.position as number | null) ?? null,
            };
      case 'registration.cancelled':
      case 'registration.manage_link':
      case 'event.cancelled':
        return base;
      case 'registration.reminder':
        if (r.status !== 'confirmed') return new SkipMail(`the registration is ${r.status}`);
        if (event.status !== 'published') return new SkipMail(`the event is ${event.status}`);
        if (event.startsAt.toISOString() !== p.startsAt)
          return new SkipMail('the event moved; a reminder for the new time is planned');
        if (unsubscribed) return new SuppressMail(UNSUBSCRIBED);
        return { ...base, code: r.code, partySize: r.partySize, unsubscribeUrl: this.unsubscribeUrl(r.id, row.locale) };
      case 'event.changed':
        if (eventCancelled) return eventCancelled;
        return r.status === 'cancelled'
          ? new SkipMail('the registration was cancelled')
          : { ...base, changes: p.changes as never };
      case 'event.message':
        if (r.status === 'cancelled') return new SkipMail('the registration was cancelled');
        if (unsubscribed) return new SuppressMail(UNSUBSCRIBED);
        return {
          ...base,
          subject: String(p.subject),
          body: String(p.body),
          organizerName: String(p.organizerName),
          unsubscribeUrl: this.unsubscribeUrl(r.id, row.locale),
        };
    }
  }

  /**
   * The registration, its event and its attendees in one query, shared by the mails prepared at
   * the same time: this runs once per mail, so three queries (and TypeORM building three entities)
   * per mail were a large share of a send's cost.
   */
  private load(registrationId: string): Promise<MailSource | null> {
    // A malformed id must fail its own mail only, not the batch it would join.
    if (!isUuid(registrationId)) return Promise.reject(new Error(`registrationId is not a uuid: ${registrationId}`));
    return this.sources.submit(registrationId);
  }

  private async loadMany(ids: string[]): Promise<(MailSource | null)[]> {
    const rows: MailSourceRow[] = await this.db.query(
      `SELECT r.id, r.user_id, r.token_version, r.code, r.status, r.party_size, r.contact_name,
              r.unsubscribed_at IS NOT NULL AS unsubscribed,
              e.id AS event_id, e.title, e.content_locale, e.translations, e.slug, e.starts_at, e.ends_at,
              e.timezone, e.format, e.venue,
              e.online_url, e.status AS event_status,
              COALESCE((SELECT json_agg(json_build_object('name', a.name, 'category', a.category) ORDER BY a.position)
                        FROM registration_attendees a WHERE a.registration_id = r.id), '[]') AS attendees
       FROM unnest($1::uuid[]) AS w(id)
       -- Each by its key, whatever the table's statistics say (OFFSET 0 keeps the lookup apart):
       -- read before a burst, they can make a scan of the whole table look cheaper.
       CROSS JOIN LATERAL (SELECT * FROM registrations WHERE id = w.id OFFSET 0) r
       JOIN events e ON e.id = r.event_id`,
      [ids],
    );
    const byId = new Map(rows.map((x) => [x.id, x]));
    return ids.map((id) => {
      const x = byId.get(id);
      return x ? toMailSource(x) : null;
    });
  }

  /**
   * The one-click unsubscribe link of this registration (this event, this recipient): a page of the
   * web app on GET, the unsubscribe itself on POST (RFC 8058), so the same URL serves the mail's
   * link and its List-Unsubscribe header. Its signature stops optional mail and opens nothing else.
   */
  unsubscribeUrl(registrationId: string, locale: Locale): string {
    return mailUrl(this.publicUrl, `/unsubscribe/${registrationId}`, locale, {
      query: { token: unsubscribeToken(this.unsubscribeKey, registrationId) },
    });
  }

  /**
   * Guests' links carry their token (recomputed, never stored) in the fragment, which browsers
   * never send to a server nor put in a Referer: the page reads it and sends X-Manage-Token.
   * Account holders sign in.
   */
  manageUrl(r: Pick<Registration, 'id' | 'userId' | 'tokenVersion'>, locale: Locale): string {
    const path = `/registrations/${r.id}`;
    return r.userId
      ? mailUrl(this.publicUrl, path, locale)
      : mailUrl(this.publicUrl, path, locale, { fragment: { token: guestToken(this.tokenKey, r.id, r.tokenVersion) } });
  }
}

@Module({
  imports: [RegistrationsCoreModule],
  providers: [RegistrationMailWorker],
})
export class RegistrationMailWorkerModule {}
