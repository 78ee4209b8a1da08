import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { insertUnlessSlugTaken, slugsInUse } from '../common/slug';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../users/users.repository';
import { ProgramReportEvent } from './dto/programs.dto';
import { Program, ProgramKind, ProgramOrganizer } from './program.entity';

export type NewProgram = Pick<Program, 'slug' | 'name' | 'description' | 'kind' | 'createdBy'>;

@Injectable()
export class ProgramsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<Program | null> {
    return tx.getRepository(Program).findOneBy({ id });
  }

  /** The program row, locked until the transaction ends (organizer changes serialize on it). */
  lockById(id: string, tx: EntityManager): Promise<Program | null> {
    return tx
      .getRepository(Program)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  /** `base` and every `base-<n>` in use, to pick the next free slug from. */
  slugsLike(base: string): Promise<string[]> {
    return slugsInUse(this.dataSource, 'programs', base);
  }

  /** Inserts unless the slug is taken (then null); the unique index decides. */
  async insertIfSlugFree(values: NewProgram): Promise<Program | null> {
    const id = await insertUnlessSlugTaken(this.dataSource, Program, values);
    return id ? this.findById(id) : null;
  }

  async page(
    q: string | undefined,
    kind: ProgramKind | undefined,
    offset: number,
    limit: number,
    organizerId?: string,
  ): Promise<[Program[], number]> {
    const qb = this.dataSource
      .getRepository(Program)
      .createQueryBuilder('p')
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(offset)
      .take(limit);
    if (q) qb.andWhere('(p.name ILIKE :q OR p.description ILIKE :q)', { q: `%${escapeLike(q)}%` });
    if (kind) qb.andWhere('p.kind = :kind', { kind });
    if (organizerId) {
      qb.andWhere(
        `(p.created_by = :uid OR p.id IN (SELECT po.program_id FROM program_organizers po WHERE po.user_id = :uid))`,
        { uid: organizerId },
      );
    }
    return qb.getManyAndCount();
  }

  async coOrganizerIds(programId: string, tx: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await tx.getRepository(ProgramOrganizer).find({ where: { programId }, order: { userId: 'ASC' } });
    return rows.map((r) => r.userId);
  }

  /** The creator first, then the co-organizers by name. */
  async organizersWithNames(
    programId: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; name: string }[]> {
    return tx.query(
      `SELECT u.id, u.name FROM programs p
       JOIN users u ON u.id = p.created_by
         OR u.id IN (SELECT po.user_id FROM program_organizers po WHERE po.program_id = p.id)
       WHERE p.id = $1
       ORDER BY (u.id = p.created_by) DESC, u.name, u.id`,
      [programId],
    );
  }

  async replaceCoOrganizers(programId: string, userIds: string[], tx: EntityManager): Promise<void> {
    await tx.getRepository(ProgramOrganizer).delete({ programId });
    if (userIds.length) {
      await tx.getRepository(ProgramOrganizer).insert(userIds.map((userId) => ({ programId, userId })));
    }
  }

  /** Whether the user is the program's creator or one of its co-organizers. */
  async isOrganizer(programId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM programs p WHERE p.id = $1 AND (p.created_by = $2
         OR EXISTS (SELECT 1 FROM program_organizers po WHERE po.program_id = p.id AND po.user_id = $2))`,
      [programId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Per event of the program (drafts left out: they have no families), counted from the
   * registrations and attendees themselves: confirmed families and their persons, the waitlist,
   * and who came.
   */
  report(programId: string): Promise<ProgramReportEvent[]> {
    return this.dataSource.query(
      `SELECT e.id, e.slug, e.title, to_json(e.starts_at) #>> '{}' AS "startsAt", e.status,
              r.families, r.waitlisted, a.persons, a.adults, a.children,
              a.checked_in_families AS "checkedInFamilies", a.checked_in_persons AS "checkedInPersons",
              a.checked_in_children AS "checkedInChildren"
       FROM events e,
       LATERAL (SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS families,
                       count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
                FROM registrations WHERE event_id = e.id) r,
       LATERAL (SELECT count(*)::int AS persons,
                       count(*) FILTER (WHERE at.category = 'adult')::int AS adults,
                       count(*) FILTER (WHERE at.category = 'child')::int AS children,
                       count(DISTINCT at.registration_id) FILTER (WHERE at.checked_in_at IS NOT NULL)::int AS checked_in_families,
                       count(*) FILTER (WHERE at.checked_in_at IS NOT NULL)::int AS checked_in_persons,
                       count(*) FILTER (WHERE at.checked_in_at IS NOT NULL AND at.category = 'child')::int AS checked_in_children
                FROM registration_attendees at JOIN registrations rr ON rr.id = at.registration_id
                WHERE at.event_id = e.id AND rr.status = 'confirmed') a
       WHERE e.program_id = $1 AND e.status <> 'draft'
       ORDER BY e.starts_at, e.id`,
      [programId],
    );
  }
}
