import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, hasRole, isAdmin } from '../common/auth';
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  InvalidTransitionError,
  invalidFields,
  NotFoundError,
  UnauthenticatedError,
} from '../common/errors';
import { isUuid } from '../common/ids';
import type { Locale } from '../common/locales';
import { offsetOf, Page, pageOf } from '../common/pagination';
import { SetOrganizersDto } from '../programs/dto/programs.dto';
import { organizerIdErrors, organizerIdsOf } from '../programs/organizers';
import { ProgramsService } from '../programs/programs.service';
import { Outbox } from '../notifications/outbox';
import { holdsConfirmedSeat } from '../registrations/seat-holders';
import { Waitlist } from '../registrations/waitlist';
import { UsersRepository } from '../users/users.repository';
import { CreateEventDto, EventResponse, EventsQuery, QuestionDto, UpdateEventDto } from './dto/events.dto';
import { mergeTranslations, translationErrors } from './event-content';
import { Event, EventQuestion } from './event.entity';
import {
  changesTimeOrPlace,
  eventFieldErrors,
  publishErrors,
  rangeEndExclusive,
  rangeStart,
  readStatus,
} from './event-rules';
import { toEventResponse } from './events.mapper';
import { EventChanges, EventsRepository, isSlugConflict, NewEvent } from './events.repository';
import { insertWithFreeSlug, isSlug, slugify } from '../common/slug';

/** Who the caller is to one event. */
interface Access {
  /** Creator, co-organizer (holding the organizer role) or admin. */
  isOrganizer: boolean;
  organizerIds: string[];
}

const SLUG_TAKEN: FieldError = { field: 'slug', message: 'slug is already in use' };

@Injectable()
export class EventsService {
  private readonly logger = new Logger(EventsService.name);

  constructor(
    private readonly events: EventsRepository,
    private readonly programs: ProgramsService,
    private readonly users: UsersRepository,
    private readonly waitlist: Waitlist,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The event's creator or a co-organizer holding the organizer role, or an admin. */
  async isOrganizerOf(eventId: string, caller: Caller): Promise<boolean> {
    const event = await this.events.findById(eventId);
    return !!event && accessOf(event, await this.events.coOrganizerIds(eventId), caller).isOrganizer;
  }

  /** A new event is a draft of its creator; every bad field is reported at once. */
  async create(dto: CreateEventDto, caller: Caller, asked: Locale | null = null): Promise<EventResponse> {
    const values = newEventValues(dto, caller.id);
    const errors = [...eventFieldErrors(values), ...translationErrors(values)];
    if (dto.slug !== undefined && (await this.events.slugExists(dto.slug))) errors.push(SLUG_TAKEN);
    const programForbidden = await this.checkProgram(values.programId, caller, errors);
    if (errors.length) throw invalidFields(errors);
    if (programForbidden) throw new ForbiddenError('Events may only be added to programs you organize');

    const event = await insertWithFreeSlug({
      given: dto.slug,
      base: slugify(slugSource(values), 'event'),
      taken: (base) => this.events.slugsLike(base),
      insert: (slug) => this.events.insertIfSlugFree({ ...values, slug }),
    });
    if (!event) throw invalidFields([SLUG_TAKEN]);
    this.logger.log({ eventId: event.id, userId: caller.id }, 'event created');
    return toEventResponse(event, {
      canSeeOnlineUrl: true,
      isOrganizer: true,
      organizerIds: [caller.id],
      asked,
      editable: true,
    });
  }

  /** Published events (upcoming and past); organizers also see their own events' private fields. */
  async list(q: EventsQuery, caller: Caller | undefined, asked: Locale | null = null): Promise<Page<EventResponse>> {
    const from = q.from !== undefined ? rangeStart(q.from) : undefined;
    const toExclusive = q.to !== undefined ? rangeEndExclusive(q.to) : undefined;
    if (from && toExclusive && from.getTime() >= toExclusive.getTime()) {
      throw invalidFields([{ field: 'to', message: 'to must not be before from' }]);
    }
    const filter = { kind: q.kind, format: q.format, from, toExclusive, q: q.q, programId: q.programId };
    let rows: Event[];
    let total: number;
    if (q.mine === 'true') {
      // The console's list: the caller's own events, drafts and cancelled ones included.
      if (!caller) throw new UnauthenticatedError();
      if (!hasRole(caller, 'organizer'))
        throw new ForbiddenError('Only organizers and admins have events of their own');
      const organizerId = isAdmin(caller) ? null : caller.id;
      [rows, total] = await this.events.pageOrganized({ ...filter, organizerId }, offsetOf(q), q.limit);
    } else {
      [rows, total] = await this.events.pagePublished(filter, offsetOf(q), q.limit);
    }
    const coOrganizers = hasRole(caller, 'organizer')
      ? await this.events.coOrganizerIdsByEvent(rows.map((e) => e.id))
      : new Map<string, string[]>();
    const now = new Date();
    const items = rows.map((e) => {
      const access = accessOf(e, coOrganizers.get(e.id) ?? [], caller);
      return toEventResponse(e, { ...viewOf(access), asked }, now);
    });
    return pageOf(items, total, q);
  }

  /**
   * By id or slug. Drafts exist only for their organizers and admins (404 for anyone else);
   * published, completed and cancelled events are public. The online link is for organizers and
   * confirmed families.
   */
  async get(idOrSlug: string, caller: Caller | undefined, asked: Locale | null = null): Promise<EventResponse> {
    const key = idOrSlug.toLowerCase();
    const event = isUuid(key)
      ? await this.events.findById(key)
      : isSlug(key)
        ? await this.events.findBySlug(key)
        : null;
    if (!event) throw new NotFoundError('The event');
    const access = accessOf(event, await this.events.coOrganizerIds(event.id), caller);
    if (event.status === 'draft' && !access.isOrganizer) throw new NotFoundError('The event');
    // A family holding confirmed seats sees the online link too.
    const seated =
      !access.isOrganizer &&
      !!caller &&
      !!event.onlineUrl &&
      (await holdsConfirmedSeat(this.db.manager, event.id, caller.id));
    return toEventResponse(event, {
      ...viewOf(access),
      canSeeOnlineUrl: access.isOrganizer || seated,
      asked,
      editable: true,
    });
  }

  /**
   * Any field; the cross-field rules run on the merged result. A cancelled or completed event is
   * frozen; capacity never drops below the seats taken (checked under the row lock).
   */
  async update(id: string, dto: UpdateEventDto, caller: Caller, asked: Locale | null = null): Promise<EventResponse> {
    try {
      return await this.events.transaction(async (tx) => {
        const { event, access } = await this.lockForChange(id, caller, tx);
        const status = readStatus(event);
        if (status === 'cancelled' || status === 'completed') {
          throw new InvalidTransitionError(`A ${status} event cannot be changed`);
        }
        const changes = eventChanges(dto, event);
        const merged: Event = { ...event, ...changes };
        const errors = [...eventFieldErrors(merged), ...translationErrors(merged)];
        if (
          changes.slug !== undefined &&
          changes.slug !== event.slug &&
          (await this.events.slugExists(changes.slug, tx))
        ) {
          errors.push(SLUG_TAKEN);
        }
        const programForbidden =
          changes.programId !== undefined && changes.programId !== event.programId
            ? await this.checkProgram(changes.programId, caller, errors)
            : false;
        if (errors.length) throw invalidFields(errors);
        if (programForbidden) throw new ForbiddenError('Events may only be added to programs you organize');
        if (changes.capacity !== undefined && changes.capacity < event.seatsTaken) {
          throw new ConflictError(
            'capacity_below_taken',
            `capacity cannot drop below the ${event.seatsTaken} seats already taken`,
          );
        }
        if (event.status === 'published' && changesTimeOrPlace(event, merged)) {
          changes.changeVersion = event.changeVersion + 1;
          // Every family hears of it; their reminders are planned again for the new start.
          await this.outbox.enqueueFanout(tx, {
            template: 'event.changed',
            payload: {
              eventId: id,
              changes: timeAndPlaceChanges(event, merged),
              startsAt: merged.startsAt.toISOString(),
            },
            dedupeKey: `event:${id}:changed:${changes.changeVersion}`,
          });
        }
        if (Object.keys(changes).length) await this.events.update(id, changes, tx);
        // More seats, or a start moved (back) into the future, may let waitlisted families in, in the
        // same transaction: promotion stopped while the event had started, and resumes once it has not.
        const moreSeats = changes.capacity !== undefined && changes.capacity > event.capacity;
        const moved = changes.startsAt !== undefined && changes.startsAt.getTime() !== event.startsAt.getTime();
        if (moreSeats || moved) {
          await this.waitlist.promote(tx, { ...merged, seatsTaken: event.seatsTaken });
        }
        this.logger.log({ eventId: id, userId: caller.id, fields: Object.keys(changes) }, 'event changed');
        return toEventResponse((await this.events.findById(id, tx))!, { ...viewOf(access), asked, editable: true });
      });
    } catch (err) {
      // Another write took the slug between our check and the update: the unique index refused it.
      if (isSlugConflict(err)) throw invalidFields([SLUG_TAKEN]);
      throw err;
    }
  }

  /** draft → published, after checking the whole event again. */
  async publish(id: string, caller: Caller, asked: Locale | null = null): Promise<EventResponse> {
    return this.events.transaction(async (tx) => {
      const { event, access } = await this.lockForChange(id, caller, tx);
      if (event.status !== 'draft') {
        throw new InvalidTransitionError(`Only a draft can be published; this event is ${readStatus(event)}`);
      }
      const errors = publishErrors(event);
      if (errors.length) throw invalidFields(errors);
      await this.events.publish(id, new Date(), tx);
      this.logger.log({ eventId: id, userId: caller.id }, 'event published');
      return toEventResponse((await this.events.findById(id, tx))!, { ...viewOf(access), asked, editable: true });
    });
  }

  /** draft or published → cancelled; a completed or already cancelled event stays as it is. */
  async cancel(id: string, caller: Caller, asked: Locale | null = null): Promise<EventResponse> {
    return this.events.transaction(async (tx) => {
      const { event, access } = await this.lockForChange(id, caller, tx);
      const status = readStatus(event);
      if (status === 'cancelled' || status === 'completed') {
        throw new InvalidTransitionError(`A ${status} event cannot be cancelled`);
      }
      await this.events.cancel(id, new Date(), tx);
      // Every registration is cancelled and mailed by the fan-out, a batch per transaction.
      if (event.status === 'published') {
        await this.outbox.enqueueFanout(tx, {
          template: 'event.cancelled',
          payload: { eventId: id },
          dedupeKey: `event:${id}:cancelled`,
        });
      }
      this.logger.log({ eventId: id, userId: caller.id, was: status }, 'event cancelled');
      return toEventResponse((await this.events.findById(id, tx))!, { ...viewOf(access), asked, editable: true });
    });
  }

  /** Replaces the co-organizers; only the creator or an admin may (a co-organizer gets 403). */
  async setOrganizers(
    id: string,
    dto: SetOrganizersDto,
    caller: Caller,
    asked: Locale | null = null,
  ): Promise<EventResponse> {
    return this.events.transaction(async (tx) => {
      const { event } = await this.lockForChange(id, caller, tx);
      if (!isAdmin(caller) && event.createdBy !== caller.id) {
        throw new ForbiddenError("Only the event's creator or an admin may change its organizers");
      }
      const errors = organizerIdErrors(dto.userIds, await this.users.findByIds(dto.userIds.filter(isUuid)));
      if (errors.length) throw invalidFields(errors);
      const coOrganizerIds = dto.userIds.filter((u) => u !== event.createdBy);
      await this.events.replaceCoOrganizers(id, coOrganizerIds, tx);
      this.logger.log({ eventId: id, userId: caller.id, count: coOrganizerIds.length }, 'event organizers set');
      const access = accessOf(event, coOrganizerIds, caller);
      return toEventResponse(event, { ...viewOf(access), asked, editable: true });
    });
  }

  /**
   * Locks the event for a write by its organizers: anyone else gets 404 on a draft (they cannot
   * know it exists) and 403 on a published or cancelled event (they can see it, not change it).
   */
  private async lockForChange(
    id: string,
    caller: Caller,
    tx: EntityManager,
  ): Promise<{ event: Event; access: Access }> {
    const event = await this.events.lockById(id, tx);
    if (!event) throw new NotFoundError('The event');
    const access = accessOf(event, await this.events.coOrganizerIds(id, tx), caller);
    if (!access.isOrganizer) {
      if (event.status === 'draft') throw new NotFoundError('The event');
      throw new ForbiddenError("Only the event's organizers may change it");
    }
    return { event, access };
  }

  /** Adds a programId field error for an unknown program; answers whether the caller may not use it. */
  private async checkProgram(programId: string | null, caller: Caller, errors: FieldError[]): Promise<boolean> {
    if (!programId) return false;
    const access = await this.programs.accessFor(programId, caller);
    if (access === 'unknown') errors.push({ field: 'programId', message: 'programId names no program' });
    return access === 'forbidden';
  }
}

function accessOf(event: Event, coOrganizerIds: string[], caller: Caller | undefined): Access {
  const organizerIds = organizerIdsOf(event.createdBy, coOrganizerIds);
  const isOrganizer =
    !!caller && (isAdmin(caller) || (hasRole(caller, 'organizer') && organizerIds.includes(caller.id)));
  return { isOrganizer, organizerIds };
}

/** Organizers and admins see the online link and the organizer ids; confirmed families get the link later. */
function viewOf(access: Access) {
  return { canSeeOnlineUrl: access.isOrganizer, isOrganizer: access.isOrganizer, organizerIds: access.organizerIds };
}

type TimeAndPlaceField = 'startsAt' | 'endsAt' | 'timezone' | 'venue' | 'onlineUrl';

/** What changed of the time and place, as the event.changed mail lists it (old → new). */
function timeAndPlaceChanges(
  before: Event,
  after: Event,
): { field: TimeAndPlaceField; from: string | null; to: string | null }[] {
  const text = (v: Date | string | null) => (v instanceof Date ? v.toISOString() : v);
  const fields: TimeAndPlaceField[] = ['startsAt', 'endsAt', 'timezone', 'venue', 'onlineUrl'];
  return fields
    .filter((f) => text(before[f]) !== text(after[f]))
    .map((f) => ({ field: f, from: text(before[f]), to: text(after[f]) }));
}

const instant = (s: string) => new Date(s);
const maybeInstant = (s: string | null | undefined) => (s ? new Date(s) : null);

function toQuestion(q: QuestionDto): EventQuestion {
  return {
    id: q.id,
    label: q.label,
    type: q.type,
    required: q.required,
    ...(q.options !== undefined ? { options: q.options } : {}),
    ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
  };
}

function newEventValues(dto: CreateEventDto, createdBy: string): Omit<NewEvent, 'slug'> {
  return {
    title: dto.title,
    summary: dto.summary ?? '',
    description: dto.description ?? '',
    kind: dto.kind,
    format: dto.format,
    venue: dto.venue ?? null,
    onlineUrl: dto.onlineUrl ?? null,
    timezone: dto.timezone,
    startsAt: instant(dto.startsAt),
    endsAt: instant(dto.endsAt),
    registrationOpensAt: maybeInstant(dto.registrationOpensAt),
    registrationClosesAt: maybeInstant(dto.registrationClosesAt),
    capacity: dto.capacity,
    waitlistEnabled: dto.waitlistEnabled ?? true,
    maxPartySize: dto.maxPartySize ?? 6,
    childAgeMin: dto.childAgeMin ?? null,
    childAgeMax: dto.childAgeMax ?? null,
    programId: dto.programId?.toLowerCase() ?? null,
    questions: (dto.questions ?? []).map(toQuestion),
    contentLocale: dto.contentLocale ?? 'en',
    translations: mergeTranslations({}, dto.translations ?? {}),
    createdBy,
  };
}

/**
 * What a generated slug is made from: the title, or its English translation when the title is
 * written in a script without Latin letters (a slug of "国际家庭日" would be just "event").
 */
function slugSource(e: Pick<Event, 'title' | 'translations'>): string {
  return /[A-Za-z]/.test(e.title) ? e.title : (e.translations.en?.title ?? e.title);
}

/** The fields a PATCH sends, as stored values; absent fields stay as they are, null clears. */
function eventChanges(dto: UpdateEventDto, current: Pick<Event, 'translations'>): EventChanges {
  const c: EventChanges = {};
  const plain = ['title', 'slug', 'summary', 'description', 'kind', 'format', 'timezone', 'capacity'] as const;
  const more = ['waitlistEnabled', 'maxPartySize', 'venue', 'onlineUrl', 'childAgeMin', 'childAgeMax'] as const;
  for (const k of [...plain, ...more]) {
    if (dto[k] !== undefined) Object.assign(c, { [k]: dto[k] });
  }
  if (dto.programId !== undefined) c.programId = dto.programId?.toLowerCase() ?? null;
  if (dto.startsAt !== undefined) c.startsAt = instant(dto.startsAt);
  if (dto.endsAt !== undefined) c.endsAt = instant(dto.endsAt);
  if (dto.registrationOpensAt !== undefined) c.registrationOpensAt = maybeInstant(dto.registrationOpensAt);
  if (dto.registrationClosesAt !== undefined) c.registrationClosesAt = maybeInstant(dto.registrationClosesAt);
  if (dto.questions !== undefined) c.questions = dto.questions.map(toQuestion);
  if (dto.contentLocale !== undefined) c.contentLocale = dto.contentLocale;
  if (dto.translations !== undefined) c.translations = mergeTranslations(current.translations, dto.translations);
  return c;
}
