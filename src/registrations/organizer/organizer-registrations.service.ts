import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Caller } from '../../common/auth';
import { ConflictError, invalidFields, InvalidTransitionError, NotFoundError } from '../../common/errors';
import { offsetOf, Page, pageOf, PageQuery } from '../../common/pagination';
import { readStatus } from '../../events/event-rules';
import { Outbox } from '../../notifications/outbox';
import { isCodeShape, normalizeCode } from '../checkin-code';
import { RegistrationResponse } from '../dto/registration.dto';
import { Attendee, Registration } from '../registration.entity';
import { toRegistrationResponse } from '../registrations.mapper';
import { RegistrationsRepository } from '../registrations.repository';
import {
  CheckInDto,
  CheckInResponse,
  EventRegistrationsQuery,
  EventStatsResponse,
  EventTimelineResponse,
  MessageAccepted,
  RegistrationMailResponse,
  SendMessageDto,
} from './dto/organizer.dto';
import { OrganizerAccess } from './organizer-access';
import { OrganizerRegistrationsRepository } from './organizer-registrations.repository';

/** An event's organizers at work: the list, the counts, the door (check-in) and a word to everyone. */
@Injectable()
export class OrganizerRegistrationsService {
  private readonly logger = new Logger(OrganizerRegistrationsService.name);

  constructor(
    private readonly repo: OrganizerRegistrationsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly access: OrganizerAccess,
    private readonly outbox: Outbox,
  ) {}

  /** In request order; `q` also finds a family by (part of) its check-in code, typed any way. */
  async list(eventId: string, q: EventRegistrationsQuery, caller: Caller): Promise<Page<RegistrationResponse>> {
    await this.access.eventFor(eventId, caller);
    const text = q.q || undefined;
    const code = text !== undefined ? normalizeCode(text) : '';
    const { rows, total } = await this.repo.page(
      eventId,
      { status: q.status, q: text, code: isCodeShape(code) ? code : undefined },
      offsetOf(q),
      q.limit,
    );
    const items = rows.map((r) => toRegistrationResponse(r.registration, r.attendees, r.waitlistPosition));
    return pageOf(items, total, q);
  }

  /** The mails written to one of the event's families (404 for a family of another event). */
  async mails(
    eventId: string,
    registrationId: string,
    q: PageQuery,
    caller: Caller,
  ): Promise<Page<RegistrationMailResponse>> {
    await this.access.eventFor(eventId, caller);
    if (!(await this.repo.belongsTo(eventId, registrationId))) throw new NotFoundError('The registration');
    const { rows, total } = await this.repo.mailsOf(registrationId, offsetOf(q), q.limit);
    const items = rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      status: n.status,
      recipientEmail: n.recipientEmail,
      attempts: n.attempts,
      createdAt: n.createdAt.toISOString(),
      sentAt: n.sentAt?.toISOString() ?? null,
      nextAttemptAt: n.nextAttemptAt.toISOString(),
    }));
    return pageOf(items, total, q);
  }

  async stats(eventId: string, caller: Caller): Promise<EventStatsResponse> {
    await this.access.eventFor(eventId, caller);
    const stats = await this.repo.stats(eventId);
    if (!stats) throw new NotFoundError('The event');
    return stats;
  }

  async timeline(eventId: string, caller: Caller): Promise<EventTimelineResponse> {
    const event = await this.access.eventFor(eventId, caller);
    return { timezone: event.timezone, days: await this.repo.timeline(eventId, event.timezone) };
  }

  /**
   * A confirmed family arrives: its attendees (or the ones named) are stamped once; a repeat
   * changes nothing and answers the same. Waitlisted and cancelled codes are refused.
   */
  async checkIn(eventId: string, dto: CheckInDto, caller: Caller): Promise<CheckInResponse> {
    await this.access.eventFor(eventId, caller);
    return this.repo.transaction(async (m) => {
      const r = await this.byCode(m, eventId, dto.code);
      if (r.status !== 'confirmed') {
        throw new ConflictError('not_checkable', `This registration is ${r.status}; only confirmed families check in`);
      }
      let attendees = await this.repo.attendeesOf(m, r.id);
      const wanted = dto.attendeeIds?.map((id) => id.toLowerCase()) ?? null;
      if (wanted) {
        const own = new Set(attendees.map((a) => a.id));
        const strangers = wanted.filter((id) => !own.has(id));
        if (strangers.length) {
          throw invalidFields([
            { field: 'attendeeIds', message: `${strangers.join(', ')} are not attendees of this registration` },
          ]);
        }
      }
      const stamped = await this.repo.checkIn(m, r.id, wanted);
      if (stamped) {
        attendees = await this.repo.attendeesOf(m, r.id);
        this.logger.log({ eventId, registrationId: r.id, userId: caller.id, persons: stamped }, 'checked in');
      }
      return checkInResponse(r, attendees, null);
    });
  }

  /** Clears the family's check-ins (a mistaken scan); answers the registration as it now is. */
  async undoCheckIn(eventId: string, code: string, caller: Caller): Promise<CheckInResponse> {
    await this.access.eventFor(eventId, caller);
    return this.repo.transaction(async (m) => {
      const r = await this.byCode(m, eventId, code);
      const cleared = await this.repo.undoCheckIn(m, r.id);
      if (cleared)
        this.logger.log({ eventId, registrationId: r.id, userId: caller.id, persons: cleared }, 'check-in undone');
      const position = await this.registrations.waitlistPosition(r, m);
      return checkInResponse(r, await this.repo.attendeesOf(m, r.id), position);
    });
  }

  /**
   * One fan-out row, in one transaction: the worker writes a mail per active registration (in
   * each family's language). Each message has its own key, so two messages are two mails.
   */
  async message(eventId: string, dto: SendMessageDto, caller: Caller): Promise<MessageAccepted> {
    const event = await this.access.eventFor(eventId, caller);
    if (event.status !== 'published') {
      throw new InvalidTransitionError(`A ${readStatus(event)} event has no registered families to write to`);
    }
    const messageId = randomUUID();
    const recipients = await this.repo.transaction(async (m) => {
      await this.outbox.enqueueFanout(m, {
        template: 'event.message',
        payload: { eventId, subject: dto.subject, body: dto.body, organizerName: caller.name },
        dedupeKey: `event:${eventId}:message:${messageId}`,
      });
      return this.repo.countActive(m, eventId);
    });
    this.logger.log({ eventId, userId: caller.id, messageId, recipients }, 'message to attendees accepted');
    return { messageId, recipients };
  }

  private async byCode(m: EntityManager, eventId: string, typed: string): Promise<Registration> {
    const code = normalizeCode(typed);
    const r = isCodeShape(code) ? await this.repo.findByCodeForShare(m, eventId, code) : null;
    if (!r) throw new NotFoundError('A registration with this code');
    return r;
  }
}

function checkInResponse(r: Registration, attendees: Attendee[], waitlistPosition: number | null): CheckInResponse {
  return {
    ...toRegistrationResponse(r, attendees, waitlistPosition),
    checkedIn: attendees.filter((a) => a.checkedInAt).map((a) => a.id),
  };
}
