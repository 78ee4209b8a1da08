import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Role, User } from './user.entity';

@Injectable()
export class UsersRepository {
  private readonly repo: Repository<User>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(User);
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<User | null> {
    return tx.getRepository(User).findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * Inserts unless the email is taken; returns null when it is (the unique index decides, not a
   * prior read). Takes the caller's transaction, so what the signup causes (its welcome mail)
   * commits with the account or not at all.
   */
  async insertIfEmailFree(
    tx: EntityManager,
    user: Pick<User, 'email' | 'name' | 'passwordHash' | 'roles' | 'locale'>,
  ): Promise<User | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO users (email, name, password_hash, roles, locale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email.toLowerCase(), user.name, user.passwordHash, user.roles, user.locale],
    );
    return rows.length ? this.findById(rows[0].id, tx) : null;
  }

  async updateProfile(id: string, changes: Partial<Pick<User, 'name' | 'locale'>>): Promise<void> {
    if (Object.keys(changes).length) await this.repo.update({ id }, changes);
  }

  async setRoles(id: string, roles: Role[]): Promise<void> {
    await this.repo.update({ id }, { roles });
  }

  /** Changing the password also invalidates every token issued before. */
  async setPassword(id: string, passwordHash: string, tx: EntityManager = this.dataSource.manager): Promise<void> {
    await tx.query(
      'UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1',
      [id, passwordHash],
    );
  }

  async page(q: string | undefined, role: Role | undefined, offset: number, limit: number): Promise<[User[], number]> {
    const qb = this.repo
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(offset)
      .take(limit);
    if (q) qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', { q: `%${escapeLike(q)}%` });
    if (role) qb.andWhere(':role = ANY(u.roles)', { role });
    return qb.getManyAndCount();
  }
}

/** Escapes %, _ and \\ so user text matches literally inside ILIKE. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
