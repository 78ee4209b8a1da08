import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Caller } from '../../common/auth';
import type { Locale } from '../../common/locales';
import { offsetOf, Page, PageQuery, pageOf } from '../../common/pagination';
import { RateLimiter } from '../../common/rate-limiter';
import { AppConfig } from '../../config/config.module';
import { localize } from '../../events/event-content';
import { readStatus } from '../../events/event-rules';
import { RegistrationMail } from '../registration-mail';
import { toRegistrationResponse } from '../registrations.mapper';
import { RegistrationsRepository } from '../registrations.repository';
import { MyRegistrationResponse, ResendLinkAccepted, ResendLinkDto } from './dto/family.dto';
import { FamilyRegistrationsRepository } from './family-registrations.repository';

const WINDOW_SECONDS = 3600;
/** One client address may ask for this many times the per-email allowance (a household, an office). */
const ADDRESS_FACTOR = 10;

/** The one answer to every request, so it tells nothing about who is registered. */
const ACCEPTED: ResendLinkAccepted = {
  message: 'If this email holds a registration for this event, a link to manage it is on its way.',
};

/** A family's own registrations: the list of an account's, and the manage link sent again. */
@Injectable()
export class FamilyRegistrationsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(FamilyRegistrationsService.name);
  /** Requests whose database work runs after the answer went out. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly repo: FamilyRegistrationsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly mail: RegistrationMail,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Always accepted, the same way, whether or not the email holds a registration for the event
   * and whether or not a limit was reached. The lookup and the mail run after the answer, so a
   * registered email does not answer slower either.
   */
  async resendLink(dto: ResendLinkDto, address: string): Promise<ResendLinkAccepted> {
    const email = dto.email.toLowerCase();
    const eventId = dto.eventId.toLowerCase();
    const max = this.config.get('RESEND_LINK_MAX_PER_HOUR');
    const spent = await this.limiter.tryTake(
      { key: `resend-link:address:${address}`, max: max * ADDRESS_FACTOR, windowSeconds: WINDOW_SECONDS },
      { key: `resend-link:email:${eventId}:${email}`, max, windowSeconds: WINDOW_SECONDS },
    );
    if (spent) {
      this.logger.warn(
        { eventId, limit: spent.limit.key.startsWith('resend-link:email:') ? 'email' : 'address' },
        'manage link refused silently: rate limit reached',
      );
      return ACCEPTED;
    }
    const work = this.sendLink(eventId, email).catch((err: Error) =>
      this.logger.error({ err, eventId }, 'manage link could not be recorded'),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return ACCEPTED;
  }

  /** Resolves once every accepted request has written its mail (tests and shutdown wait on it). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** The caller's registrations (as the account that made them), newest first, each with its event's title in `asked`. */
  async mine(q: PageQuery, caller: Caller, asked: Locale | null = null): Promise<Page<MyRegistrationResponse>> {
    const { rows, total } = await this.repo.pageOfUser(caller.id, offsetOf(q), q.limit);
    const events = await this.repo.eventsByIds(rows.map((r) => r.registration.eventId));
    const now = new Date();
    const items = rows.map(({ registration, attendees, waitlistPosition }) => {
      const e = events.get(registration.eventId)!;
      const words = localize(e, asked, ['title']);
      return {
        ...toRegistrationResponse(registration, attendees, waitlistPosition),
        event: {
          id: e.id,
          slug: e.slug,
          title: words.title,
          locale: words.locale,
          startsAt: e.startsAt.toISOString(),
          endsAt: e.endsAt.toISOString(),
          timezone: e.timezone,
          status: readStatus(e, now),
        },
      };
    });
    return pageOf(items, total, q);
  }

  /**
   * Guests get a link with a new token: the version goes up with the mail, in one transaction, so
   * every link sent before stops working (one that leaked is dead once its owner asks again).
   * Account holders get the plain link and sign in. Each request is its own mail.
   */
  private async sendLink(eventId: string, email: string): Promise<void> {
    const r = await this.repo.findActiveByEventAndEmail(eventId, email);
    if (!r) return;
    const requestId = randomUUID();
    await this.repo.transaction(async (m) => {
      if (!r.userId) await this.registrations.bumpTokenVersion(m, r.id);
      await this.mail.manageLink(m, r, requestId);
    });
    this.logger.log({ registrationId: r.id, eventId, requestId, revoked: !r.userId }, 'manage link re-sent');
  }
}
