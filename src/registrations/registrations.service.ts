import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Caller, isAdmin } from '../common/auth';
import { ageOn, dateIn } from '../common/dates';
import {
  ConflictError,
  DomainError,
  FieldError,
  ForbiddenError,
  IneligibleError,
  invalidFields,
  NotFoundError,
} from '../common/errors';
import { failed, KeyedBatches, Outcome, succeeded } from '../common/keyed-batches';
import { AppConfig } from '../config/config.module';
import { Event } from '../events/event.entity';
import { readStatus } from '../events/event-rules';
import { EventsService } from '../events/events.service';
import { HouseholdsRepository } from '../households/households.repository';
import { newCheckinCode } from './checkin-code';
import {
  AttendeeDto,
  CreateRegistrationDto,
  RegistrationResponse,
  UpdateRegistrationDto,
} from './dto/registration.dto';
import { guestToken, guestTokenKey, isGuestToken } from './guest-token';
import { Attendee, Registration } from './registration.entity';
import { RegistrationMail } from './registration-mail';
import { ageProblems, answerProblems, eventFirstDay, PartyMember } from './registration-rules';
import { toRegistrationResponse } from './registrations.mapper';
import { Holders, NewAttendee, NewRegistration, RegistrationsRepository, violates } from './registrations.repository';
import { Waitlist } from './waitlist';

/** Who is asking about a registration: an account, a guest holding its token, or nobody. */
export interface Viewer {
  caller?: Caller;
  manageToken?: string;
}

/** How a viewer may see a registration (`visible`). */
type Access = 'owner' | 'staff' | 'guest';

const ALREADY = 'This family already holds a registration for this event';

/** Most families one transaction places. */
const MAX_BATCH = 200;

/** Most events whose last written state one process keeps (`lastWritten`), and for how long. */
const MAX_KNOWN_EVENTS = 1000;
const KNOWN_FOR_MS = 60_000;

/** A family waiting for its event's next batch, checked as far as it can be without the lock. */
interface Applicant {
  dto: CreateRegistrationDto;
  party: NewAttendee[];
  caller: Caller | undefined;
}

/** A batch placed against one state of its event; `seats` and `waitlisted` are what it adds. */
interface Plan {
  event: Event;
  families: Applicant[];
  outcomes: Outcome<RegistrationResponse>[];
  placed: {
    index: number;
    position: number | null;
    registration: NewRegistration & { id: string };
    attendees: (NewAttendee & { id: string })[];
  }[];
  seats: number;
  waitlisted: number;
}

/** The emails and accounts of a batch's families, to look up who already holds a registration. */
function holderKeys(families: Applicant[]): [emails: string[], userIds: string[]] {
  return [
    families.map((f) => f.dto.contact.email.toLowerCase()),
    families.flatMap((f) => (f.caller ? [f.caller.id] : [])),
  ];
}

/** A stored attendee as just inserted (never checked in). */
function toAttendee(r: Registration, a: NewAttendee & { id: string }, position: number): Attendee {
  return Object.assign(new Attendee(), {
    id: a.id,
    registrationId: r.id,
    eventId: r.eventId,
    position,
    name: a.name,
    category: a.category,
    birthDate: a.birthDate,
    memberId: a.memberId,
    checkedInAt: null,
  });
}

@Injectable()
export class RegistrationsService {
  private readonly logger = new Logger(RegistrationsService.name);
  private readonly tokenKey: Buffer;
  private readonly batches: KeyedBatches<Applicant, RegistrationResponse>;
  /** Events as this process last wrote them without a lock, with the row's version then. */
  private readonly lastWritten = new Map<string, { event: Event; version: string; at: number }>();

  constructor(
    private readonly repo: RegistrationsRepository,
    private readonly events: EventsService,
    private readonly households: HouseholdsRepository,
    private readonly waitlist: Waitlist,
    private readonly mail: RegistrationMail,
    config: AppConfig,
  ) {
    this.tokenKey = guestTokenKey(config.get('JWT_SECRET'));
    this.batches = new KeyedBatches((eventId, families) => this.registerBatch(eventId, families), MAX_BATCH);
  }

  /**
   * A family (signed in or a guest) registers. Everything that needs no lock is checked first; then
   * the family joins the event's next batch (see `registerBatch`): confirmed whole, waitlisted
   * whole, or refused, with its mail written in the same transaction.
   */
  async register(
    eventId: string,
    dto: CreateRegistrationDto,
    caller: Caller | undefined,
  ): Promise<RegistrationResponse> {
    const party = await this.partyOf(dto.attendees, caller?.id ?? null);
    return this.batches.submit(eventId, { dto, party, caller });
  }

  /**
   * The families that asked to register for one event while its previous batch ran, placed
   * together: each family in arrival order (seats if it fits, else the waitlist), one statement
   * writing them all with their mails. A family that is refused (ineligible, event full, already
   * registered) fails alone.
   *
   * No lock is taken while nothing else changes the event: the batch is placed against the event
   * as this process last wrote it, or else as read together with the families' earlier
   * registrations, and the write happens only if the event row is still that version and none
   * of the families holds a registration yet (`RegistrationsRepository.insertFamilies`). If that
   * fails (another process placed families, a family cancelled, an organizer edited the event),
   * or the write fails, the batch is placed again under the event's lock (`registerLocked`),
   * which decides every case.
   */
  private async registerBatch(eventId: string, families: Applicant[]): Promise<Outcome<RegistrationResponse>[]> {
    const m = this.repo.manager;
    try {
      const known = this.lastWritten.get(eventId);
      // A quiet event is read again: the version check stays the guard, this only keeps it fresh.
      if (known && Date.now() - known.at < KNOWN_FOR_MS) {
        // Only when every family is placed: a refusal must come from the event as stored.
        const plan = this.plan(known.event, { emails: new Set(), userIds: new Set() }, families);
        const outcomes = plan.placed.length === families.length ? await this.write(m, plan, known.version) : null;
        if (outcomes) return this.logBatch(eventId, outcomes, 'as last written');
      }
      const read = await this.repo.eventForBatch(m, eventId, ...holderKeys(families));
      const plan = this.plan(read?.event ?? null, read?.holders ?? null, families);
      const outcomes = plan.placed.length ? await this.write(m, plan, read!.version) : plan.outcomes;
      if (outcomes) return this.logBatch(eventId, outcomes, 'as read');
      this.logger.debug({ eventId, families: families.length }, 'event changed since read: batch placed under lock');
    } catch (err) {
      this.logger.debug({ eventId, families: families.length, err: (err as Error).message }, 'batch placed under lock');
    }
    this.lastWritten.delete(eventId);
    return this.registerLocked(eventId, families);
  }

  /**
   * A batch in one transaction holding the event row's lock. If the transaction fails as a whole,
   * each family is tried again alone, so one family's fault never costs another its seat.
   */
  private async registerLocked(eventId: string, families: Applicant[]): Promise<Outcome<RegistrationResponse>[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const outcomes = await this.repo.transaction(async (m) => {
          const event = await this.repo.lockEvent(m, eventId);
          const holders = event ? await this.repo.activeHolders(m, event.id, ...holderKeys(families)) : null;
          const plan = this.plan(event, holders, families);
          if (!plan.placed.length) return plan.outcomes;
          const outcomes = await this.write(m, plan, null);
          if (!outcomes) throw new Error('the locked event row was not written');
          return outcomes;
        });
        return this.logBatch(eventId, outcomes, 'locked');
      } catch (err) {
        if (violates(err, 'registrations_code_uq') && attempt < 5) continue; // a code clash: draw again
        if (families.length > 1) {
          this.logger.warn({ eventId, families: families.length, err: (err as Error).message }, 'batch split');
          const alone: Outcome<RegistrationResponse>[] = [];
          for (const family of families) {
            try {
              alone.push(...(await this.registerLocked(eventId, [family])));
            } catch (error) {
              alone.push(failed(error));
            }
          }
          return alone;
        }
        if (violates(err, 'registrations_active_email_uq') || violates(err, 'registrations_active_user_uq')) {
          return [failed(new ConflictError('already_registered', ALREADY))];
        }
        throw err;
      }
    }
  }

  private logBatch(
    eventId: string,
    outcomes: Outcome<RegistrationResponse>[],
    placed: 'as last written' | 'as read' | 'locked',
  ): Outcome<RegistrationResponse>[] {
    this.logger.log(
      { eventId, families: outcomes.length, placed: outcomes.filter((o) => o.ok).length, against: placed },
      'registration batch',
    );
    return outcomes;
  }

  /**
   * Places a batch, in arrival order, against the event as given (null: it does not exist) and
   * `holders`, the families' earlier registrations. Refusals are final in `outcomes`; the placed
   * families await `write`.
   */
  private plan(event: Event | null, holders: Holders | null, families: Applicant[]): Plan {
    const outcomes: Outcome<RegistrationResponse>[] = new Array(families.length);
    const plan: Plan = { event: event!, families, outcomes, placed: [], seats: 0, waitlisted: 0 };
    if (!event || !holders || event.status === 'draft') {
      outcomes.fill(failed(new NotFoundError('The event')));
      return plan;
    }
    try {
      this.checkOpen(event);
    } catch (err) {
      outcomes.fill(failed(err));
      return plan;
    }
    let seats = event.seatsTaken;
    let waiting = event.waitlistCount;
    const firstDay = eventFirstDay(event);
    for (const [index, { dto, party, caller }] of families.entries()) {
      const email = dto.contact.email.toLowerCase();
      const fits = seats + party.length <= event.capacity;
      try {
        this.checkEligible(event, party, dto.answers ?? {}, dto.consents.dataProcessing, firstDay);
        if (!fits && !event.waitlistEnabled)
          throw new ConflictError('event_full', 'The event is full and has no waitlist');
        if (holders.emails.has(email) || (caller && holders.userIds.has(caller.id))) {
          throw new ConflictError('already_registered', ALREADY);
        }
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        outcomes[index] = failed(err);
        continue;
      }
      holders.emails.add(email);
      if (caller) holders.userIds.add(caller.id);
      if (fits) seats += party.length;
      else waiting += 1;
      plan.placed.push({
        index,
        position: fits ? null : waiting,
        registration: {
          id: randomUUID(),
          eventId: event.id,
          userId: caller?.id ?? null,
          code: newCheckinCode(),
          status: fits ? 'confirmed' : 'waitlisted',
          partySize: party.length,
          contactName: dto.contact.name,
          contactEmail: email,
          contactPhone: dto.contact.phone ?? null,
          answers: dto.answers ?? {},
          consents: { dataProcessing: dto.consents.dataProcessing, photos: dto.consents.photos ?? false },
          locale: dto.locale ?? caller?.locale ?? 'en',
        },
        attendees: party.map((a) => ({ ...a, id: randomUUID() })),
      });
    }
    plan.seats = seats - event.seatsTaken;
    plan.waitlisted = waiting - event.waitlistCount;
    return plan;
  }

  /**
   * Writes a plan's placed families with their mails in one statement and completes its outcomes.
   * `version` null: the event row is locked. Otherwise the event row's version the plan was made
   * against: answers null, having written nothing, if the row changed since or a family already
   * holds a registration; on success the event as written is kept for the next batch.
   */
  private async write(
    m: EntityManager,
    plan: Plan,
    version: string | null,
  ): Promise<Outcome<RegistrationResponse>[] | null> {
    const { event, placed, outcomes, families } = plan;
    const written = await this.repo.insertFamilies(
      m,
      event.id,
      placed,
      { seats: plan.seats, waitlisted: plan.waitlisted },
      this.mail.registeredRows(placed, event),
      version,
    );
    if (!written.stored.length) return null;
    if (version !== null) {
      const next = Object.assign(new Event(), event, {
        seatsTaken: event.seatsTaken + plan.seats,
        waitlistCount: event.waitlistCount + plan.waitlisted,
      });
      this.lastWritten.delete(event.id);
      if (this.lastWritten.size >= MAX_KNOWN_EVENTS) this.lastWritten.delete(this.lastWritten.keys().next().value!);
      this.lastWritten.set(event.id, { event: next, version: written.version!, at: Date.now() });
    }
    const byId = new Map(written.stored.map((r) => [r.id, r]));
    for (const { index, position, registration, attendees } of placed) {
      const r = byId.get(registration.id)!;
      this.logger.log(
        { registrationId: r.id, eventId: event.id, status: r.status, partySize: r.partySize },
        'registered',
      );
      const party = attendees.map((a, i) => toAttendee(r, a, i));
      const guest = !families[index].caller;
      outcomes[index] = succeeded(toRegistrationResponse(r, party, position, guest ? this.tokenFor(r) : undefined));
    }
    return outcomes;
  }

  async get(id: string, viewer: Viewer): Promise<RegistrationResponse> {
    const { registration: r, via } = await this.visible(id, viewer);
    return toRegistrationResponse(
      r,
      await this.repo.attendeesOf(r.id),
      await this.repo.waitlistPosition(r),
      this.guestView(r, via),
    );
  }

  /**
   * An organizer or admin revokes a guest's link: the token version goes up, so every link and
   * token given out before stops working. No mail: the guest may ask for a new link. The family
   * itself may see the registration but not do this (403).
   */
  async revokeLink(id: string, caller: Caller): Promise<void> {
    const { registration: r, via } = await this.visible(id, { caller });
    if (via !== 'staff') throw new ForbiddenError('Only the event’s organizers and admins revoke a manage link');
    await this.repo.transaction((m) => this.repo.bumpTokenVersion(m, r.id));
    this.logger.log({ registrationId: r.id, eventId: r.eventId, userId: caller.id }, 'manage link revoked');
  }

  /**
   * The whole new party. More persons need free seats (else 409 and nothing changes); fewer free
   * seats, which go to the waitlist in the same transaction.
   */
  async update(id: string, dto: UpdateRegistrationDto, viewer: Viewer): Promise<RegistrationResponse> {
    const { registration: found, via } = await this.visible(id, viewer);
    // The account's household members: the family's own, or an organizer keeping them on its behalf.
    const party = await this.partyOf(dto.attendees, via === 'owner' || via === 'staff' ? found.userId : null);
    return this.repo.transaction(async (m) => {
      const event = (await this.repo.lockEvent(m, found.eventId))!;
      const r = (await this.repo.findByIdForUpdate(m, id))!;
      if (r.status === 'cancelled')
        throw new ConflictError('invalid_transition', 'A cancelled registration cannot be changed');
      // The party is replaced whole; a check-in already made would be lost with it.
      if ((await this.repo.attendeesOf(r.id, m)).some((a) => a.checkedInAt)) {
        throw new ConflictError(
          'invalid_transition',
          'This family has checked in; undo the check-in before changing the party',
        );
      }
      if (readStatus(event) !== 'published')
        throw new ConflictError('registration_closed', 'The event can no longer be changed');
      this.checkEligible(event, party, null, true);
      const delta = party.length - r.partySize;
      let status = r.status;
      if (r.status === 'confirmed') {
        if (delta > 0 && event.seatsTaken + delta > event.capacity) {
          throw new ConflictError('event_full', `There are not ${delta} more seats free`);
        }
        await this.repo.adjustEventCounts(m, event.id, delta, 0);
        event.seatsTaken += delta;
      }
      const version = await this.repo.setParty(m, r.id, party.length);
      await this.repo.replaceAttendees(m, r, party);
      // Freed seats (or a waitlisted family that now fits) go to the waitlist, in order.
      const promoted = await this.waitlist.promote(m, event);
      if (promoted.includes(r.id)) status = 'confirmed';
      if (!promoted.includes(r.id)) {
        const position = await this.repo.waitlistPosition({ ...r, status }, m);
        await this.mail.changed(m, r, version, status as 'confirmed' | 'waitlisted', position);
      }
      // The actor, as the audit log names one: the family itself, or the organizer acting for it.
      this.logger.log(
        { registrationId: r.id, from: r.partySize, to: party.length, actorId: viewer.caller?.id ?? null, via },
        'registration changed',
      );
      const fresh = (await this.repo.findById(r.id, m))!;
      return toRegistrationResponse(
        fresh,
        await this.repo.attendeesOf(r.id, m),
        await this.repo.waitlistPosition(fresh, m),
        this.guestView(fresh, via),
      );
    });
  }

  /** By its owner, its guest token, or an organizer. Twice is harmless: the second answers the same. */
  async cancel(id: string, viewer: Viewer): Promise<RegistrationResponse> {
    const { registration: found, via } = await this.visible(id, viewer);
    return this.repo.transaction(async (m) => {
      await this.cancelIn(m, found, { actorId: viewer.caller?.id ?? null, via });
      const fresh = (await this.repo.findById(found.id, m))!;
      return toRegistrationResponse(fresh, await this.repo.attendeesOf(fresh.id, m), null, this.guestView(fresh, via));
    });
  }

  /**
   * Cancels inside the caller's transaction (a cancel, or an erasure that cancels first): locks
   * the event, frees the seats or the waitlist place, writes the cancellation mail and promotes
   * the waitlist. Answers whether it was still active.
   */
  async cancelIn(
    m: EntityManager,
    found: Pick<Registration, 'id' | 'eventId'>,
    actor?: { actorId: string | null; via: Access },
  ): Promise<boolean> {
    const event = (await this.repo.lockEvent(m, found.eventId))!;
    const r = (await this.repo.findByIdForUpdate(m, found.id))!;
    if (r.status === 'cancelled') return false;
    await this.repo.setStatus(m, r.id, 'cancelled');
    if (r.status === 'confirmed') {
      await this.repo.adjustEventCounts(m, event.id, -r.partySize, 0);
      event.seatsTaken -= r.partySize;
    } else {
      await this.repo.adjustEventCounts(m, event.id, 0, -1);
    }
    await this.mail.cancelled(m, r);
    await this.waitlist.promote(m, event);
    this.logger.log({ registrationId: r.id, eventId: event.id, was: r.status, ...actor }, 'registration cancelled');
    return true;
  }

  /**
   * Who may see a registration, and how: its account (`owner`), the event's organizers and admins
   * (`staff`), a guest with its current token (`guest`). Everyone else (and a malformed or revoked
   * token) gets 404. A signed-in caller is checked as owner or staff first, so a token sent along
   * never turns an organizer's view into the guest's.
   */
  async visible(id: string, viewer: Viewer): Promise<{ registration: Registration; via: Access }> {
    const r = await this.repo.findById(id);
    if (!r) throw new NotFoundError('The registration');
    const { caller, manageToken } = viewer;
    if (caller && r.userId === caller.id) return { registration: r, via: 'owner' };
    if (caller && (isAdmin(caller) || (await this.events.isOrganizerOf(r.eventId, caller)))) {
      return { registration: r, via: 'staff' };
    }
    if (manageToken !== undefined && isGuestToken(this.tokenKey, r.id, r.tokenVersion, manageToken)) {
      return { registration: r, via: 'guest' };
    }
    throw new NotFoundError('The registration');
  }

  tokenFor(r: Pick<Registration, 'id' | 'tokenVersion'>): string {
    return guestToken(this.tokenKey, r.id, r.tokenVersion);
  }

  /** Only the guest, who came with the token, sees it again (their link keeps working); nobody else gets it. */
  private guestView(r: Registration, via: Access): string | undefined {
    return !r.userId && via === 'guest' ? this.tokenFor(r) : undefined;
  }

  private checkOpen(event: Event): void {
    const now = Date.now();
    const status = readStatus(event);
    if (status !== 'published')
      throw new ConflictError('registration_closed', `Registration is closed: the event is ${status}`);
    const closes = (event.registrationClosesAt ?? event.startsAt).getTime();
    if (event.registrationOpensAt && now < event.registrationOpensAt.getTime()) {
      throw new ConflictError(
        'registration_closed',
        `Registration opens at ${event.registrationOpensAt.toISOString()}`,
      );
    }
    if (now >= closes) throw new ConflictError('registration_closed', 'Registration has closed');
  }

  /** `answers` null: a change of party, where the answers given at registration stand. */
  private checkEligible(
    event: Event,
    party: NewAttendee[],
    answers: Record<string, unknown> | null,
    consented: boolean,
    firstDay?: string,
  ): void {
    const { invalid, missing } = answers ? answerProblems(event.questions, answers) : { invalid: [], missing: [] };
    if (invalid.length) throw invalidFields(invalid);
    const problems: FieldError[] = [...missing];
    if (!consented)
      problems.push({
        field: 'consents.dataProcessing',
        message: 'consent to data processing is required to register',
      });
    if (party.length > event.maxPartySize) {
      problems.push({ field: 'attendees', message: `this event takes parties of at most ${event.maxPartySize}` });
    }
    if (party.length > event.capacity) {
      problems.push({
        field: 'attendees',
        message: `a party of ${party.length} is larger than the event (${event.capacity} seats)`,
      });
    }
    problems.push(...ageProblems(party as PartyMember[], event, firstDay));
    if (problems.length)
      throw new IneligibleError(
        problems.length === 1 ? problems[0].message : `${problems.length} reasons this family cannot register`,
        problems,
      );
  }

  /**
   * Resolves household members (of `householdOf`'s account only: none for a guest) and checks each
   * attendee is complete.
   */
  private async partyOf(attendees: AttendeeDto[], householdOf: string | null): Promise<NewAttendee[]> {
    const errors: FieldError[] = [];
    const party: NewAttendee[] = [];
    for (const [i, a] of attendees.entries()) {
      let name = a.name;
      let category = a.category;
      let birthDate = a.birthDate ?? null;
      if (a.memberId) {
        const member = householdOf ? await this.households.findOwned(householdOf, a.memberId) : null;
        if (!member) {
          errors.push({ field: `attendees[${i}].memberId`, message: 'memberId names no member of your household' });
          continue;
        }
        name ??= member.name;
        birthDate ??= member.birthDate;
        category ??= ageOn(member.birthDate, dateIn('UTC')) < 18 ? 'child' : 'adult';
      }
      if (!name) errors.push({ field: `attendees[${i}].name`, message: `attendees[${i}].name is required` });
      if (!category)
        errors.push({ field: `attendees[${i}].category`, message: `attendees[${i}].category is required` });
      if (category === 'child' && !birthDate) {
        errors.push({ field: `attendees[${i}].birthDate`, message: 'a child needs a birth date' });
      }
      party.push({ name: name!, category: category!, birthDate, memberId: a.memberId ?? null });
    }
    if (errors.length) throw invalidFields(errors);
    return party;
  }
}
