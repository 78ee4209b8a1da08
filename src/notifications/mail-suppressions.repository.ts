import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returning } from '../database/sql';
import { MailSuppression } from './mail-suppression.entity';

/** Addresses refused for good (`mail_suppressions`): looked up by the sender, listed and lifted by admins. */
@Injectable()
export class MailSuppressionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** For each address (lower-cased), whether it is suppressed: one query for the whole list. */
  async suppressedAmong(emails: string[]): Promise<boolean[]> {
    const rows: { email: string }[] = await this.db.query(
      `SELECT email FROM mail_suppressions WHERE email = ANY($1::text[])`,
      [emails],
    );
    const found = new Set(rows.map((r) => r.email));
    return emails.map((e) => found.has(e));
  }

  page(offset: number, limit: number, q?: string): Promise<[MailSuppression[], number]> {
    const qb = this.db
      .getRepository(MailSuppression)
      .createQueryBuilder('s')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip(offset)
      .take(limit);
    if (q) qb.andWhere(`s.email LIKE :q ESCAPE '\\'`, { q: `%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` });
    return qb.getManyAndCount();
  }

  /** Lifts one suppression; answers the address it held, or null when there was none. */
  async lift(id: string): Promise<string | null> {
    const rows = await returning<{ email: string }>(
      this.db,
      `DELETE FROM mail_suppressions WHERE id = $1 RETURNING email`,
      [id],
    );
    return rows[0]?.email ?? null;
  }
}
