import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { insertUnlessSlugTaken, slugsInUse } from '../common/slug';
import { DataSource, EntityManager, In, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../users/users.repository';
import { Event, EventFormat, EventKind, EventOrganizer } from './event.entity';

export type NewEvent = Omit<
  Event,
  | 'id'
  | 'seatsTaken'
  | 'waitlistCount'
  | 'status'
  | 'changeVersion'
  | 'publishedAt'
  | 'cancelledAt'
  | 'createdAt'
  | 'updatedAt'
  | 'program'
  | 'creator'
>;

/** What the organizer write paths may set; seats and the waitlist belong to registrations. */
export type EventChanges = Partial<
  Omit<Event, 'id' | 'seatsTaken' | 'waitlistCount' | 'createdBy' | 'createdAt' | 'updatedAt' | 'program' | 'creator'>
>;

export interface PublishedFilter {
  kind?: EventKind;
  format?: EventFormat;
  /** startsAt ≥ from */
  from?: Date;
  /** startsAt < toExclusive */
  toExclusive?: Date;
  q?: string;
  programId?: string;
  /** Only events this user created or co-organizes, any status (null: every event, for an admin). */
  organizerId?: string | null;
}

/** A write refused by the unique index on events.slug. */
export function isSlugConflict(err: unknown): boolean {
  const driver = err instanceof QueryFailedError ? (err.driverError as { code?: string; detail?: string }) : undefined;
  return driver?.code === '23505' && /\(slug\)/.test(driver.detail ?? '');
}

@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<Event | null> {
    return tx.getRepository(Event).findOneBy({ id });
  }

  findBySlug(slug: string): Promise<Event | null> {
    return this.dataSource.getRepository(Event).findOneBy({ slug });
  }

  /** The event row, locked until the transaction ends: organizer writes and seat changes serialize on it. */
  lockById(id: string, tx: EntityManager): Promise<Event | null> {
    return tx
      .getRepository(Event)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
  }

  async slugExists(slug: string, tx: EntityManager = this.dataSource.manager): Promise<boolean> {
    return tx.getRepository(Event).existsBy({ slug });
  }

  /** `base` and every `base-<n>` in use, to pick the next free slug from. */
  slugsLike(base: string): Promise<string[]> {
    return slugsInUse(this.dataSource, 'events', base);
  }

  /** Inserts unless the slug is taken (then null); the unique index decides. */
  async insertIfSlugFree(values: NewEvent): Promise<Event | null> {
    const id = await insertUnlessSlugTaken(this.dataSource, Event, values);
    return id ? this.findById(id) : null;
  }

  async update(id: string, changes: EventChanges, tx: EntityManager): Promise<void> {
    await tx.getRepository(Event).update({ id }, changes);
  }

  async publish(id: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.getRepository(Event).update({ id, status: 'draft' }, { status: 'published', publishedAt: at });
  }

  async cancel(id: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.getRepository(Event).update({ id }, { status: 'cancelled', cancelledAt: at });
  }

  async coOrganizerIds(eventId: string, tx: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await tx.getRepository(EventOrganizer).find({ where: { eventId }, order: { userId: 'ASC' } });
    return rows.map((r) => r.userId);
  }

  /** Co-organizer ids of several events at once (a page of the list). */
  async coOrganizerIdsByEvent(eventIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(eventIds.map((id) => [id, []]));
    if (!eventIds.length) return map;
    const rows = await this.dataSource
      .getRepository(EventOrganizer)
      .find({ where: { eventId: In(eventIds) }, order: { userId: 'ASC' } });
    for (const r of rows) map.get(r.eventId)?.push(r.userId);
    return map;
  }

  async replaceCoOrganizers(eventId: string, userIds: string[], tx: EntityManager): Promise<void> {
    await tx.getRepository(EventOrganizer).delete({ eventId });
    if (userIds.length) await tx.getRepository(EventOrganizer).insert(userIds.map((userId) => ({ eventId, userId })));
  }

  /**
   * The events an organizer runs (every event for an admin: `organizerId` null), any status: those
   * not yet ended first, soonest first, then the ended ones, latest first.
   */
  async pageOrganized(f: PublishedFilter, offset: number, limit: number): Promise<[Event[], number]> {
    const qb = this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .addSelect('CASE WHEN e.ends_at >= now() THEN 0 ELSE 1 END', 'ended')
      .addSelect('CASE WHEN e.ends_at >= now() THEN e.starts_at END', 'upcoming_start')
      .orderBy('ended', 'ASC')
      .addOrderBy('upcoming_start', 'ASC')
      .addOrderBy('e.starts_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .offset(offset)
      .limit(limit);
    if (f.organizerId) {
      qb.where(
        '(e.created_by = :organizerId OR EXISTS (SELECT 1 FROM event_organizers o WHERE o.event_id = e.id AND o.user_id = :organizerId))',
        { organizerId: f.organizerId },
      );
    }
    this.applyFilters(qb, f);
    return Promise.all([qb.getMany(), qb.getCount()]);
  }

  /** Published events (upcoming and past), ordered by start then id. */
  async pagePublished(f: PublishedFilter, offset: number, limit: number): Promise<[Event[], number]> {
    const qb = this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .where("e.status = 'published'")
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip(offset)
      .take(limit);
    this.applyFilters(qb, f);
    return qb.getManyAndCount();
  }

  private applyFilters(qb: SelectQueryBuilder<Event>, f: PublishedFilter): void {
    if (f.kind) qb.andWhere('e.kind = :kind', { kind: f.kind });
    if (f.format) qb.andWhere('e.format = :format', { format: f.format });
    if (f.from) qb.andWhere('e.starts_at >= :from', { from: f.from });
    if (f.toExclusive) qb.andWhere('e.starts_at < :to', { to: f.toExclusive });
    if (f.programId) qb.andWhere('e.program_id = :programId', { programId: f.programId });
    if (f.q) {
      // In any language the event is written in: the base fields or a translation of them.
      qb.andWhere(
        `(e.title ILIKE :q OR e.summary ILIKE :q OR e.venue ILIKE :q OR EXISTS (
            SELECT 1 FROM jsonb_each(e.translations) AS t(locale, words)
            WHERE t.words->>'title' ILIKE :q OR t.words->>'summary' ILIKE :q OR t.words->>'venue' ILIKE :q))`,
        { q: `%${escapeLike(f.q)}%` },
      );
    }
  }
}
