import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { AppConfig } from '../config/config.module';
import { JOB_FANOUT, JOB_SEND, MAIL_QUEUE, mailJobId } from './mail-queue';
import { DueRow, NotificationsRepository } from './notifications.repository';
import { OUTBOX_CHANNEL } from './outbox';

const BATCH = 500;
const PUSH_TIMEOUT_MS = 5_000;

/**
 * Moves due outbox rows into BullMQ. Woken by NOTIFY at commit (LISTEN on its own connection) and
 * by a short poll, which also finds scheduled rows as they fall due and re-drives rows whose lease
 * ran out or whose job Redis lost. Several workers can run it at once (SKIP LOCKED).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly rows: NotificationsRepository,
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Redis going away is expected (the outbox in Postgres covers it): log it, never crash on it.
    this.queue.on('error', (err) => this.logger.warn({ error: err.message }, 'mail queue connection error'));
    void this.listen();
    const every = this.config.get('MAIL_POLL_MS');
    this.timer = setInterval(() => void this.tick(), every);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
  }

  /** One poll: hand back expired leases, then relay what is due. */
  private async tick(): Promise<void> {
    try {
      const released = await this.rows.releaseExpiredLeases();
      if (released) this.logger.warn({ released }, 'rows whose sender stopped mid-send are due again');
    } catch (err) {
      this.logger.warn({ error: (err as Error).message }, 'sweep failed');
    }
    await this.kick();
  }

  /** Relays until nothing is due; a wake-up during a pass runs one more pass. */
  async kick(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        let n: number;
        do {
          n = await this.rows.relayDue(BATCH, this.config.get('MAIL_REQUEUE_SECONDS'), (due) => this.push(due));
        } while (n === BATCH && !this.stopped);
      } while (this.again && !this.stopped);
    } catch (err) {
      this.logger.warn({ error: (err as Error).message }, 'relay pass failed; the next poll tries again');
    } finally {
      this.running = false;
    }
  }

  private async push(due: DueRow[]): Promise<void> {
    const jobs = due.map((r) => ({
      name: r.kind.startsWith('fanout.') ? JOB_FANOUT : JOB_SEND,
      data: { notificationId: r.id },
      opts: { jobId: mailJobId(r.id, r.attempts + 1), removeOnComplete: true, removeOnFail: true, attempts: 1 },
    }));
    let timer: NodeJS.Timeout | undefined;
    const added = this.queue.addBulk(jobs);
    // If the timeout wins, the push may still fail later (Redis gone): that must not go unhandled.
    added.catch(() => undefined);
    try {
      await Promise.race([
        added,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis did not take the jobs within ${PUSH_TIMEOUT_MS} ms`)),
            PUSH_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** LISTEN on a connection of its own; reconnects after a drop (the poll covers the gap). */
  private async listen(): Promise<void> {
    while (!this.stopped) {
      const client = new Client({
        connectionString: this.config.get('DATABASE_URL'),
        application_name: 'kinship-relay',
      });
      try {
        await client.connect();
        client.on('notification', () => void this.kick());
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        this.listener = client;
        await closed;
      } catch (err) {
        this.logger.warn({ error: (err as Error).message }, 'LISTEN connection failed; retrying');
      }
      await client.end().catch(() => undefined);
      if (!this.stopped) await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
