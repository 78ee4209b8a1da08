import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Event } from '../events/event.entity';
import { RegistrationMail } from './registration-mail';
import { firstFit } from './registration-rules';
import { RegistrationsRepository } from './registrations.repository';

/**
 * Promotion, run inside every transaction that frees seats (cancellation, a smaller party, more
 * capacity), with the event row locked: the waitlist is walked in request order and every family
 * that fits is confirmed and mailed. Automatic promotion stops when the event starts.
 */
@Injectable()
export class Waitlist {
  private readonly logger = new Logger(Waitlist.name);

  constructor(
    private readonly repo: RegistrationsRepository,
    private readonly mail: RegistrationMail,
  ) {}

  /** `event` is the locked row with its counts as they stand now in this transaction. */
  async promote(
    m: EntityManager,
    event: Pick<Event, 'id' | 'capacity' | 'seatsTaken' | 'startsAt' | 'status'>,
  ): Promise<string[]> {
    if (event.status !== 'published' || event.startsAt.getTime() <= Date.now()) return [];
    const free = event.capacity - event.seatsTaken;
    if (free <= 0) return [];
    const candidates = await this.repo.waitingThatFit(m, event.id, free);
    const ids = firstFit(free, candidates);
    if (!ids.length) return [];
    const families = await this.repo.confirm(m, ids);
    const chosen = new Set(ids);
    const persons = candidates.filter((c) => chosen.has(c.id)).reduce((s, c) => s + c.partySize, 0);
    await this.repo.adjustEventCounts(m, event.id, persons, -ids.length);
    await this.mail.promoted(m, families, event);
    this.logger.log({ eventId: event.id, promoted: ids.length, persons }, 'waitlist promoted');
    return ids;
  }
}
