import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Event } from '../events/event.entity';
import { Outbox } from '../notifications/outbox';
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

  private async send(
    m: EntityManager,
    r: Recipient,
    kind: Parameters<Outbox['enqueue']>[1]['kind'],
    key: string,
    payload: Record<string, unknown> = {},
    notBefore?: Date,
  ) {
    await this.outbox.enqueue(m, {
      kind,
      to: { email: r.contactEmail, name: r.contactName },
      locale: r.locale,
      payload: { registrationId: r.id, ...payload },
      dedupeKey: `registration:${r.id}:${key}`,
      notBefore,
    });
  }

  confirmed(m: EntityManager, r: Recipient): Promise<void> {
    return this.send(m, r, 'registration.confirmed', 'confirmed');
  }

  waitlisted(m: EntityManager, r: Recipient, position: number): Promise<void> {
    return this.send(m, r, 'registration.waitlisted', 'waitlisted', { position });
  }

  promoted(m: EntityManager, r: Recipient): Promise<void> {
    return this.send(m, r, 'registration.promoted', 'promoted');
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
    const at = new Date(event.startsAt.getTime() - REMINDER_LEAD_MS);
    if (at.getTime() <= Date.now()) return;
    await this.send(
      m,
      r,
      'registration.reminder',
      `reminder:${event.startsAt.toISOString()}`,
      { startsAt: event.startsAt.toISOString() },
      at,
    );
  }
}
