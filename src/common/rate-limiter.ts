import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import { RateLimitedError, ServiceUnavailableError } from './errors';

const logger = new Logger('RateLimiter');

/** One allowance: at most `max` points for `key` in a fixed window of `windowSeconds`. */
export interface Limit {
  /** What is counted (`login:fail:<address>:<email>`); stored in Redis as `rl:<key>`. */
  key: string;
  max: number;
  windowSeconds: number;
}

/** The limit that was spent, and when its window ends. */
export interface Spent {
  limit: Limit;
  retryAfter: number;
}

/**
 * Fixed-window counters in Redis, shared by every api process. Each point is counted and checked
 * in one Redis step (rate-limiter-flexible's script: increment, then compare the count it
 * returns), so requests racing in parallel, in one process or several, cannot slip past a limit:
 * the (max+1)-th increment is refused whatever the timing. Off when RATE_LIMIT_DISABLED=true (load
 * tests come from one address).
 */
@Injectable()
export class RateLimiter {
  private readonly disabled: boolean;
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.disabled = config.get('RATE_LIMIT_DISABLED');
  }

  /** Takes a point from every limit, or throws 429 (with Retry-After) having taken none. */
  async take(...limits: Limit[]): Promise<void> {
    const spent = await this.tryTake(...limits);
    if (spent) throw new RateLimitedError(spent.retryAfter);
  }

  /**
   * Takes a point from each limit in turn. When one is spent, the points already taken are given
   * back and it is answered (so a refused request counts against none of the broader limits);
   * null: every point was taken.
   */
  async tryTake(...limits: Limit[]): Promise<Spent | null> {
    if (this.disabled) return null;
    const taken: Limit[] = [];
    for (const limit of limits) {
      try {
        await this.limiter(limit).consume(limit.key);
        taken.push(limit);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw unavailable(res);
        await this.giveBack(...taken);
        return { limit, retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      }
    }
    return null;
  }

  /** Returns a point to each limit (what was taken did not count after all). */
  async giveBack(...limits: Limit[]): Promise<void> {
    if (this.disabled || !limits.length) return;
    try {
      await Promise.all(limits.map((l) => this.limiter(l).reward(l.key, 1)));
    } catch (err) {
      throw unavailable(err);
    }
  }

  async reset(key: string): Promise<void> {
    if (this.disabled) return;
    try {
      await this.redis.del(`rl:${key}`);
    } catch (err) {
      throw unavailable(err);
    }
  }

  private limiter({ max, windowSeconds }: Limit): RateLimiterRedis {
    const id = `${max}/${windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: 'rl',
        points: max,
        duration: windowSeconds,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

/** Redis is down or did not answer: the limit cannot be checked, so the request is not served. */
function unavailable(err: unknown): ServiceUnavailableError {
  logger.warn({ error: err instanceof Error ? err.message : String(err) }, 'rate limit store unavailable');
  return new ServiceUnavailableError('The rate-limit store is not available', 5);
}
