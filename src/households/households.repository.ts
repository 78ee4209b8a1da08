import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { HouseholdMember } from './household-member.entity';

@Injectable()
export class HouseholdsRepository {
  private readonly repo: Repository<HouseholdMember>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(HouseholdMember);
  }

  pageByOwner(ownerId: string, offset: number, limit: number): Promise<[HouseholdMember[], number]> {
    return this.repo.findAndCount({
      where: { ownerId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  /** Another family's member is simply not found. */
  findOwned(ownerId: string, id: string): Promise<HouseholdMember | null> {
    return this.repo.findOneBy({ id, ownerId });
  }

  /**
   * Inserts unless the household already holds `max` members; the count and the insert are one
   * statement, serialized per owner by locking the owner's user row.
   */
  async insertUnderLimit(
    ownerId: string,
    member: Pick<HouseholdMember, 'name' | 'birthDate' | 'relationship'>,
    max: number,
  ): Promise<HouseholdMember | null> {
    return this.repo.manager.transaction(async (m) => {
      await m.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [ownerId]);
      const rows: { id: string }[] = await m.query(
        `INSERT INTO household_members (owner_id, name, birth_date, relationship)
         SELECT $1, $2, $3, $4 WHERE (SELECT count(*) FROM household_members WHERE owner_id = $1) < $5
         RETURNING id`,
        [ownerId, member.name, member.birthDate, member.relationship, max],
      );
      return rows.length ? m.getRepository(HouseholdMember).findOneByOrFail({ id: rows[0].id }) : null;
    });
  }

  async save(member: HouseholdMember): Promise<HouseholdMember> {
    return this.repo.save(member);
  }

  async deleteOwned(ownerId: string, id: string): Promise<boolean> {
    const res = await this.repo.delete({ id, ownerId });
    return (res.affected ?? 0) > 0;
  }
}
