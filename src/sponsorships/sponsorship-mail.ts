import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Outbox } from '../notifications/outbox';
import { addMonths, dueDates, PERIOD_MONTHS } from './money';
import { commitmentOf } from './sponsorships.mapper';
import { SponsorContact } from './sponsorships.repository';
import { Sponsorship } from './sponsorship.entity';

/** Payment-due reminders are planned this many periods ahead; the daily job tops them up. */
export const REMINDER_PERIODS_AHEAD = 3;

/**
 * Writes sponsorship mail into the outbox, in the transaction of the change (or of the daily job).
 * Payloads carry ids and dates only; the worker loads names and figures at send time, and skips a
 * reminder that was paid, a report whose consent was withdrawn, a sponsorship that ended.
 */
@Injectable()
export class SponsorshipMail {
  constructor(private readonly outbox: Outbox) {}

  /**
   * A reminder row for each due date from `today` up to a few periods ahead, each not sent before
   * its date. The dedupe key names the date, so planning twice (or the job running twice) adds none.
   */
  async planReminders(m: EntityManager, s: Sponsorship, to: SponsorContact, today: string): Promise<number> {
    if (s.status !== 'active') return 0;
    const c = commitmentOf(s);
    const until = addMonths(today, PERIOD_MONTHS[s.period] * REMINDER_PERIODS_AHEAD);
    let planned = 0;
    for (const date of dueDates(c, until, today)) {
      const id = await this.outbox.enqueue(m, {
        kind: 'sponsorship.payment_due',
        to: { email: to.email, name: to.name },
        locale: to.locale,
        payload: { sponsorshipId: s.id, dueDate: date },
        dedupeKey: `sponsorship:${s.id}:due:${date}`,
        notBefore: new Date(`${date}T00:00:00Z`),
      });
      if (id) planned += 1;
    }
    return planned;
  }

  async reportPublished(m: EntityManager, reportId: string, to: SponsorContact): Promise<void> {
    await this.outbox.enqueue(m, {
      kind: 'sponsorship.report_published',
      to: { email: to.email, name: to.name },
      locale: to.locale,
      payload: { sponsorshipId: to.sponsorshipId, reportId },
      dedupeKey: `report:${reportId}:published:${to.sponsorshipId}`,
    });
  }

  async annualStatement(m: EntityManager, year: number, to: SponsorContact): Promise<boolean> {
    const id = await this.outbox.enqueue(m, {
      kind: 'sponsorship.annual_statement',
      to: { email: to.email, name: to.name },
      locale: to.locale,
      payload: { sponsorshipId: to.sponsorshipId, year },
      dedupeKey: `sponsorship:${to.sponsorshipId}:statement:${year}`,
    });
    return !!id;
  }
}
