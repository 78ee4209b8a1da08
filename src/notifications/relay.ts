import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { AppConfig } from '../config/config.module';
import { MailGate } from './api-busy';
import { JOB_FANOUT, JOB_SEND, MAIL_QUEUE, mailJobId } from './mail-queue';
import { DueRow, NotificationsRepository } from './notifications.repository';
import { OUTBOX_CHANNEL } from './outbox';

const BATCH = 500;
/** Least time from one relay pass to the next when wake-ups keep coming. */
const PASS_GAP_MS = 50;
/** The same while an api asks for mail to be held back (a pass then takes a second's trickle). */
const HOLDING_PASS_GAP_MS = 1_000;
/** Jobs asked of Redis at a time when looking for lost ones. */
const LOST_SLICE = 50;
const REDIS_TIMEOUT_MS = 5_000;

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
    private readonly gate: MailGate,
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

  /** One poll: hand back expired leases, push again the jobs Redis lost, then relay what is due. */
  private async tick(): Promise<void> {
    try {
      const released = await this.rows.releaseExpiredLeases();
      if (released) this.logger.warn({ released }, 'rows whose sender stopped mid-send are due again');
      const requeued = await this.requeueLost();
      if (requeued) this.logger.warn({ requeued }, 'rows whose job Redis lost were pushed again');
    } catch (err) {
      this.logger.warn({ error: (err as Error).message }, 'sweep failed');
    }
    await this.kick();
  }

  /**
   * Relays until nothing is due; wake-ups during a pass run one more pass, PASS_GAP_MS after its
   * start. While an api asks for mail to be held back, a pass pushes only the jobs the senders may
   * start meanwhile, and passes come a second apart; the rest stays in the outbox until the hold ends.
   */
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
        const started = Date.now();
        const holding = this.gate.holding();
        const limit = holding ? this.gate.perSecond : BATCH;
        let n: number;
        do {
          n = await this.rows.relayDue(limit, (due) => this.push(due));
        } while (n === BATCH && !this.stopped);
        // Under a stream of commits (each wakes the relay) a pass takes what came in the last
        // PASS_GAP_MS together, rather than one pass, a query and a push per commit.
        const wait = started + (holding ? HOLDING_PASS_GAP_MS : PASS_GAP_MS) - Date.now();
        if (this.again && !this.stopped && wait > 0) await new Promise((r) => setTimeout(r, wait));
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
    await withinRedisTimeout(this.queue.addBulk(jobs), 'take the jobs');
  }

  /**
   * Rows pushed long ago and still waiting for their job: a long queue's rows (their job is in
   * Redis, waiting its turn) or a job Redis lost (restarted empty, or the job failed before its
   * claim). Only the latter are pushed again. Redis is asked for the oldest pushes first, a slice
   * at a time, and no further than a slice where every job was found: a long queue costs one slice
   * per poll, a Redis that lost everything a batch per poll. Behind a long queue a single lost job
   * is found as the queue ahead of it drains.
   */
  private async requeueLost(): Promise<number> {
    const requeueSeconds = this.config.get('MAIL_REQUEUE_SECONDS');
    const stale = await this.rows.queuedLongAgo(BATCH, requeueSeconds);
    const lost: string[] = [];
    for (let i = 0; i < stale.length; i += LOST_SLICE) {
      const slice = stale.slice(i, i + LOST_SLICE);
      const states = await withinRedisTimeout(
        Promise.all(slice.map((r) => this.queue.getJobState(mailJobId(r.id, r.attempts + 1)))),
        'answer for the jobs',
      );
      const gone = slice.filter((_, k) => states[k] === 'unknown');
      if (!gone.length) break;
      lost.push(...gone.map((r) => r.id));
    }
    return lost.length ? this.rows.relayAgain(lost, requeueSeconds, (due) => this.push(due)) : 0;
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

/** Redis calls that must not hang the relay when Redis is gone (the outbox in Postgres waits). */
async function withinRedisTimeout<T>(call: Promise<T>, what: string): Promise<T> {
  // If the timeout wins, the call may still fail later (Redis gone): that must not go unhandled.
  call.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      call,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not ${what} within ${REDIS_TIMEOUT_MS} ms`)),
          REDIS_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
