import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MailKind } from '../mail/mail-kinds';
import type { Locale } from '../users/user.entity';

export interface FanoutRecipient {
  /** Stable and unique within the fan-out (a registration id): it names the recipient's row. */
  key: string;
  email: string;
  name: string | null;
  locale: Locale;
  payload: Record<string, unknown>;
}

/**
 * Lists a fan-out's recipients in pages ordered by `key`, after `cursor` (null for the first).
 * Returns fewer than `limit` only at the end.
 */
export type Audience = (
  payload: Record<string, unknown>,
  cursor: string | null,
  limit: number,
  m: EntityManager,
) => Promise<FanoutRecipient[]>;

/** Features register who a fan-out of their template reaches (an event's active registrations). */
@Injectable()
export class FanoutAudiences {
  private readonly audiences = new Map<string, Audience>();

  register(template: MailKind, audience: Audience): void {
    this.audiences.set(template, audience);
  }

  get(template: string): Audience | undefined {
    return this.audiences.get(template);
  }
}
