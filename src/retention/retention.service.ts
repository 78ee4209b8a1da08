import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/config.module';
import { EventCursor, RetentionRepository } from './retention.repository';

/** Rows changed and transactions used for one kind of data. */
export interface Purged {
  rows: number;
  batches: number;
}

export interface RetentionReport {
  /** Registrations whose personal fields were removed, and the events now wholly cleared. */
  registrations: Purged;
  eventsCleared: number;
  /** Outbox rows that lost their recipient and payload. */
  mail: Purged;
  /** Students whose record was reduced after their program. */
  students: Purged;
  passwordResets: Purged;
  idempotencyKeys: Purged;
}

const EVENTS_PER_PAGE = 100;

/**
 * Kinship's retention (DESIGN.md, "Security and privacy"; docs/operations.md, "What Kinship
 * keeps"), one pass over every kind of personal data that has a time limit. Each step works in
 * batches of RETENTION_BATCH_SIZE rows, one short transaction each, so it runs beside a
 * registration rush without holding locks that registrations wait for. Safe to run twice, or on
 * two workers at once: a row already cleared is not selected again, a row another run holds is
 * skipped.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly repo: RetentionRepository,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<RetentionReport> {
    const batch = this.config.get('RETENTION_BATCH_SIZE');
    const registrationsCutoff = await this.repo.cutoff(this.config.get('RETENTION_REGISTRATION_MONTHS'), 0);
    const mailCutoff = await this.repo.cutoff(0, this.config.get('RETENTION_MAIL_DAYS'));
    const studentsCutoff = await this.repo.cutoff(this.config.get('RETENTION_STUDENT_MONTHS'), 0);

    const { registrations, eventsCleared } = await this.clearRegistrations(registrationsCutoff, batch);
    const report: RetentionReport = {
      registrations,
      eventsCleared,
      mail: await inBatches(batch, () => this.repo.purgeMail(mailCutoff, batch)),
      students: await inBatches(batch, () => this.repo.reduceStudents(studentsCutoff, batch)),
      passwordResets: await inBatches(batch, () => this.repo.purgePasswordResets(batch)),
      idempotencyKeys: await inBatches(batch, () => this.repo.purgeIdempotencyKeys(batch)),
    };
    this.logger.log({ ...report, registrationsCutoff, mailCutoff, studentsCutoff }, 'retention run');
    return report;
  }

  private async clearRegistrations(
    cutoff: Date,
    batch: number,
  ): Promise<{ registrations: Purged; eventsCleared: number }> {
    const registrations: Purged = { rows: 0, batches: 0 };
    let eventsCleared = 0;
    let after: EventCursor | null = null;
    for (;;) {
      const events = await this.repo.endedEventsToClear(cutoff, after, EVENTS_PER_PAGE);
      if (!events.length) break;
      for (const event of events) {
        const done = await inBatches(batch, () => this.repo.clearRegistrations(event.id, batch));
        registrations.rows += done.rows;
        registrations.batches += done.batches;
        if (await this.repo.markEventCleared(event.id)) eventsCleared += 1;
      }
      after = events[events.length - 1];
    }
    return { registrations, eventsCleared };
  }
}

/** Runs `step` (which changes at most `batch` rows) until a step changes fewer. */
async function inBatches(batch: number, step: () => Promise<number>): Promise<Purged> {
  const out: Purged = { rows: 0, batches: 0 };
  for (;;) {
    const n = await step();
    if (n > 0) {
      out.rows += n;
      out.batches += 1;
    }
    if (n < batch) return out;
  }
}
