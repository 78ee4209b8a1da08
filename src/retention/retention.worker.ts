import { Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RetentionRepository } from './retention.repository';
import { RetentionReport, RetentionService } from './retention.service';

/** How often each worker looks whether today's run is still to do (once a day one of them does it). */
const LOOK_EVERY_MS = 60 * 60 * 1000;
/** The first look, a minute after start: a deploy's start-up work (and a test's) goes first. */
const FIRST_LOOK_MS = 60 * 1000;
const RUN_NAME = 'retention';

/**
 * Runs the retention once a day (UTC), on whichever worker claims the day first in Postgres
 * (`scheduled_runs`): the schedule lives in the database, not in Redis, and a worker that starts
 * after a day without any catches up a minute after it started.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: RetentionRepository,
    private readonly retention: RetentionService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.look(), LOOK_EVERY_MS);
    this.first = setTimeout(() => void this.look(), FIRST_LOOK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    await this.running;
  }

  /** Runs today's retention if no worker did yet; answers its report, or null when it was done already. */
  look(): Promise<RetentionReport | null> {
    const run = this.running.then(() => this.lookNow());
    this.running = run.catch(() => undefined);
    return run;
  }

  private async lookNow(): Promise<RetentionReport | null> {
    try {
      if (!(await this.repo.claimDailyRun(RUN_NAME))) return null;
      const report = await this.retention.run();
      await this.repo.finishRun(RUN_NAME, { ...report });
      return report;
    } catch (err) {
      // The day stays claimed: tomorrow's run picks up whatever this one left.
      this.logger.warn({ error: (err as Error).message }, 'retention run failed; the next day tries again');
      return null;
    }
  }
}

@Module({
  providers: [RetentionRepository, RetentionService, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionWorkerModule {}
