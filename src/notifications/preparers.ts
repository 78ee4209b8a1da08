import { Injectable } from '@nestjs/common';
import type { MailData, MailKind } from '../mail/mail-kinds';
import type { Notification } from './notification.entity';

/** The mail is no longer wanted (a stale reminder, a cancelled registration): the row ends `skipped`. */
export class SkipMail {
  constructor(readonly reason: string) {}
}

/** Optional mail the recipient asked not to get (unsubscribed): the row ends `suppressed`. */
export class SuppressMail extends SkipMail {}

export type Preparer<K extends MailKind = MailKind> = (row: Notification) => Promise<MailData[K] | SkipMail>;

/**
 * Turns an outbox row into the data its template needs, at send time. Features register a
 * preparer for their kinds (to load fresh data, build links with tokens, or skip a stale mail);
 * a kind without one is rendered from its payload as written.
 */
@Injectable()
export class MailPreparers {
  private readonly preparers = new Map<string, Preparer>();

  register<K extends MailKind>(kind: K, preparer: Preparer<K>): void {
    this.preparers.set(kind, preparer as unknown as Preparer);
  }

  async prepare(row: Notification): Promise<MailData[MailKind] | SkipMail> {
    const preparer = this.preparers.get(row.kind);
    return preparer ? preparer(row) : (row.payload as unknown as MailData[MailKind]);
  }
}
