import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { performance } from 'node:perf_hooks';
import { AppConfig } from '../config/config.module';
import { REDIS } from '../redis/redis.module';

/** Set by a busy api; while it exists, workers hold mail to a trickle. */
export const API_BUSY_KEY = 'kinship:api-busy';
/**
 * How often an api measures its CPU, and over how many of the last measurements: every tenth of a
 * second, over the last three tenths. Often, so that the mail is held within a fifth of a second
 * of a rush's start: every mail that starts before that competes with the rush's first, slowest,
 * second (docs/performance-log.md). Over three tenths, so that a blip of an idle process (a full
 * garbage collection, a profiler starting) is not taken for a rush: at the default quarter of a
 * core a blip must take 75 ms of CPU to count, where a rush of half a core or more counts within
 * its first two tenths of a second.
 */
const SAMPLE_MS = 100;
const WINDOW_SAMPLES = 3;
/** One busy measurement holds the key this long. */
const HOLD_MS = 1_500;
/** How often a worker looks at the key (an EXISTS in Redis). */
const LOOK_MS = 100;

/**
 * Asks every worker to hold mail back for the next HOLD_MS. Redis away: nobody can be asked, and
 * the mail's jobs cannot flow either, so the failure is dropped.
 */
export function askToHoldMail(redis: Redis): void {
  redis.set(API_BUSY_KEY, '1', 'PX', HOLD_MS).catch(() => undefined);
}

/**
 * The api's half. Every SAMPLE_MS it measures the CPU its process used over the last
 * WINDOW_SAMPLES × SAMPLE_MS, as a share of one core. From `API_BUSY_CPU` up, families are
 * waiting on this process: it sets API_BUSY_KEY for HOLD_MS, so the mail the rush causes waits until the rush is over rather than taking the CPU, Postgres
 * and Redis the registrations need. The mail is in the outbox already: it is late, never lost.
 *
 * CPU, not the event loop's utilization: with a profiler or an inspector attached, an idle loop
 * reads 0.94 busy, and the mail would be held for as long as the api ran.
 */
@Injectable()
export class ApiBusySignal implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const threshold = this.config.get('API_BUSY_CPU');
    if (threshold === 0) return;
    const read = () => ({ cpu: process.cpuUsage(), at: performance.now() });
    const readings = [read()]; // the oldest first, at most WINDOW_SAMPLES + 1
    this.timer = setInterval(() => {
      const now = read();
      readings.push(now);
      if (readings.length > WINDOW_SAMPLES + 1) readings.shift();
      const since = readings[0];
      const usedMs = (now.cpu.user - since.cpu.user + now.cpu.system - since.cpu.system) / 1000;
      if (usedMs / (now.at - since.at) >= threshold) askToHoldMail(this.redis);
    }, SAMPLE_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

/**
 * The worker's half. A mail job passes at once, unless an api has set API_BUSY_KEY: then this
 * process starts at most `MAIL_PER_SECOND_WHILE_API_BUSY` jobs a second, in arrival order, until
 * the key is gone, when every waiting job goes at once. The relay asks it too, and meanwhile
 * pushes no more jobs than those (`OutboxRelay.kick`).
 */
@Injectable()
export class MailGate implements OnApplicationBootstrap, OnApplicationShutdown {
  private busy = false;
  private opened = false;
  private nextSlot = 0;
  private readonly waiting = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.look(), LOOK_MS);
    this.timer.unref();
    void this.look();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.open();
  }

  /** Whether an api asks for mail to be held back now: jobs start at most `perSecond` a second. */
  holding(): boolean {
    return this.busy && !this.opened;
  }

  get perSecond(): number {
    return this.config.get('MAIL_PER_SECOND_WHILE_API_BUSY');
  }

  /** Resolves when the job may start. */
  pass(): Promise<void> {
    if (!this.holding()) return Promise.resolve();
    const now = Date.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + 1000 / this.perSecond;
    if (at === now) return Promise.resolve();
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        this.waiting.delete(go);
        resolve();
      };
      const timer = setTimeout(go, at - now);
      this.waiting.add(go);
    });
  }

  /** From now on every job passes at once (the worker is stopping: its jobs finish, none waits). */
  open(): void {
    this.opened = true;
    this.releaseAll();
  }

  private async look(): Promise<void> {
    try {
      this.busy = (await this.redis.exists(API_BUSY_KEY)) === 1;
    } catch {
      this.busy = false; // Redis away: no api can ask, and no job arrives anyway
    }
    if (!this.busy) this.releaseAll();
  }

  private releaseAll(): void {
    this.nextSlot = 0;
    for (const go of [...this.waiting]) go();
  }
}
