import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { isUuid } from '../common/ids';
import { AppConfig } from '../config/config.module';
import { Coalescer } from '../common/keyed-batches';
import { MailGate } from './api-busy';
import { FanoutExpander } from './fanout';
import { MAIL_QUEUE, MailJob } from './mail-queue';
import { MailSender } from './mail-sender';
import { Notification } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { describeError, verdict } from './retry-policy';

/**
 * Wakes on a job, waits its turn while an api is busy (`MailGate`), claims the row it names (or
 * does nothing: another job or worker has it, or it is no longer due), then sends it or expands
 * it. Outcomes are written to the row; the job itself never retries.
 */
@Processor(MAIL_QUEUE)
export class MailProcessor extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);
  /** The claims of jobs that start together share one UPDATE (a round trip and a commit each saved). */
  private readonly claims = new Coalescer<string, Notification | null>((ids) => this.claimEach(ids));

  constructor(
    private readonly rows: NotificationsRepository,
    private readonly sender: MailSender,
    private readonly fanout: FanoutExpander,
    private readonly gate: MailGate,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.get('MAIL_CONCURRENCY');
    // A lost Redis connection is retried by BullMQ; an unhandled 'error' event would end the process.
    this.worker.on('error', (err) => this.logger.warn({ error: err.message }, 'mail worker connection error'));
  }

  /**
   * On SIGTERM: stop taking jobs and let the sends in flight finish (none waits for its turn),
   * before the SMTP pool and the database close (those close in onApplicationShutdown, which runs
   * after this everywhere).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.gate.open();
    await this.worker.close();
  }

  async process(job: Job<MailJob>): Promise<string> {
    // Jobs come from the relay, with row ids; anything else must not fail the claims it would join.
    if (!isUuid(job.data.notificationId)) return 'not claimable';
    await this.gate.pass(); // an api in a rush comes first
    const row = await this.claims.submit(job.data.notificationId);
    if (!row) return 'not claimable';
    if (!row.kind.startsWith('fanout.')) {
      await this.sender.send(row);
      return 'sent';
    }
    try {
      await this.fanout.expand(row);
      return 'expanded';
    } catch (err) {
      const e = err as Error;
      if (e.message === 'fan-out lease lost') return 'lease lost';
      const v = verdict(
        { message: e.message },
        row.attempts,
        this.config.get('MAIL_MAX_ATTEMPTS'),
        this.config.get('MAIL_RETRY_SCALE'),
      );
      if (v.action === 'retry') await this.rows.markRetry(row.id, row.attempts, v.delayMs, describeError(e));
      else await this.rows.markFinal(row.id, row.attempts, 'failed', describeError(e));
      this.logger.warn({ notificationId: row.id, error: e.message }, 'fan-out interrupted');
      return 'interrupted';
    }
  }

  /** One claim for several jobs; two jobs for the same row in one batch: the first gets it, the other nothing. */
  private async claimEach(ids: string[]): Promise<(Notification | null)[]> {
    const claimed = await this.rows.claimMany([...new Set(ids)], this.config.get('MAIL_LEASE_SECONDS'));
    const byId = new Map(claimed.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      byId.delete(id);
      return row;
    });
  }
}
