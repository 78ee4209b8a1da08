import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Event } from '../events/event.entity';
import type { MailKind } from '../mail/mail-kinds';
import { MailRequest, Outbox, OutboxRow, outboxRow } from '../notifications/outbox';
import type { Registration } from './registration.entity';

/** Reminders go out this long before an event starts. */
export const REMINDER_LEAD_MS = 24 * 3600 * 1000;

type Recipient = Pick<Registration, 'id' | 'contactEmail' | 'contactName' | 'locale'>;

/**
 * Writes a registration's mails into the outbox, inside the transaction of the change. Payloads
 * hold ids and the state at the time (position, version); the worker's preparers load the rest.
 */
@Injectable()
export class RegistrationMail {
  constructor(private readonly outbox: Outbox) {}

  private request(
    r: Recipient,
    kind: MailKind,
    key: string,
    payload: Record<string, unknown> = {},
    notBefore?: Date,
  ): MailRequest {
    return {
      kind,
      to: { email: r.contactEmail, name: r.contactName },
      locale: r.locale,
      payload: { registrationId: r.id, ...payload },
      dedupeKey: `registration:${r.id}:${key}`,
      notBefore,
    };
  }

  private async send(
    m: EntityManager,
    r: Recipient,
    kind: MailKind,
    key: string,
    payload: Record<string, unknown> = {},
  ): Promise<void> {
    await this.outbox.enqueue(m, this.request(r, kind, key, payload));
  }

  /**
   * The mails of newly registered families, as outbox rows for the statement that inserts them
   * (`RegistrationsRepository.insertFamilies`): a confirmation and its reminder for each confirmed
   * family, the waitlist mail with its position for each waitlisted one.
   */
  registeredRows(
    families: { registration: Recipient; position: number | null }[],
    event: Pick<Event, 'startsAt'>,
  ): OutboxRow[] {
    return families
      .flatMap(({ registration: r, position }) => {
        if (position !== null) return [this.request(r, 'registration.waitlisted', 'waitlisted', { position })];
        const reminder = this.reminderRequest(r, event);
        return [this.request(r, 'registration.confirmed', 'confirmed'), ...(reminder ? [reminder] : [])];
      })
      .map(outboxRow);
  }

  /** The families just promoted: each one's mail and reminder, all in one statement. */
  async promoted(m: EntityManager, families: Recipient[], event: Pick<Event, 'startsAt'>): Promise<void> {
    const requests = families.flatMap((r) => {
      const reminder = this.reminderRequest(r, event);
      return [this.request(r, 'registration.promoted', 'promoted'), ...(reminder ? [reminder] : [])];
    });
    if (requests.length) await this.outbox.enqueueMany(m, requests);
  }

  changed(
    m: EntityManager,
    r: Recipient,
    version: number,
    status: 'confirmed' | 'waitlisted',
    position: number | null,
  ): Promise<void> {
    return this.send(m, r, 'registration.changed', `changed:${version}`, { status, position });
  }

  cancelled(m: EntityManager, r: Recipient): Promise<void> {
    return this.send(m, r, 'registration.cancelled', 'cancelled');
  }

  manageLink(m: EntityManager, r: Recipient, requestId: string): Promise<void> {
    return this.send(m, r, 'registration.manage_link', `manage-link:${requestId}`);
  }

  /**
   * A reminder 24 hours before the start, for a confirmed registration, when that time is still
   * ahead. The key carries the start time: moving the event plans a new one, and the old one is
   * skipped at send time (its start no longer matches).
   */
  async reminder(m: EntityManager, r: Recipient, event: Pick<Event, 'startsAt'>): Promise<void> {
    const req = this.reminderRequest(r, event);
    if (req) await this.outbox.enqueue(m, req);
  }

  private reminderRequest(r: Recipient, event: Pick<Event, 'startsAt'>): MailRequest | null {
    const at = new Date(event.startsAt.getTime() - REMINDER_LEAD_MS);
    if (at.getTime() <= Date.now()) return null;
    const startsAt = event.startsAt.toISOString();
    return this.request(r, 'registration.reminder', `reminder:${startsAt}`, { startsAt }, at);
  }
}
