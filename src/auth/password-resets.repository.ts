import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '../users/user.entity';

/** What the reset mail needs, read when it is sent. */
export interface ResetForMail {
  id: string;
  expiresAt: Date;
  usedAt: Date | null;
  /** Computed by Postgres, so the worker's clock does not matter. */
  expired: boolean;
  name: string;
  locale: Locale;
}

@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(userId: string, validSeconds: number, tx: EntityManager): Promise<{ id: string; expiresAt: Date }> {
    const [row]: { id: string; expires_at: Date }[] = await tx.query(
      `INSERT INTO password_resets (user_id, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       RETURNING id, expires_at`,
      [userId, validSeconds],
    );
    return { id: row.id, expiresAt: row.expires_at };
  }

  async findForMail(id: string): Promise<ResetForMail | null> {
    const rows: {
      id: string;
      expires_at: Date;
      used_at: Date | null;
      expired: boolean;
      name: string;
      locale: Locale;
    }[] = await this.dataSource.query(
      `SELECT r.id, r.expires_at, r.used_at, r.expires_at <= now() AS expired, u.name, u.locale
       FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? { id: r.id, expiresAt: r.expires_at, usedAt: r.used_at, expired: r.expired, name: r.name, locale: r.locale }
      : null;
  }

  /**
   * Uses the reset if it is still unused and unexpired: one conditional UPDATE, so of two
   * confirms racing with the same token exactly one gets the user id back.
   */
  async consume(id: string, tx: EntityManager): Promise<string | null> {
    const rows: [{ user_id: string }[], number] = await tx.query(
      `UPDATE password_resets SET used_at = now()
       WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [id],
    );
    return rows[0][0]?.user_id ?? null;
  }

  /** After a successful reset no other outstanding link of the user works. */
  async revokeOutstanding(userId: string, tx: EntityManager): Promise<number> {
    const [, count]: [unknown[], number] = await tx.query(
      `UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return count;
  }
}
