import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import { RateLimitedError } from './errors';

/**
 * Fixed-window counters in Redis, so every api process shares them. Keys name what is limited
 * (`login:fail:<email>`). Off when RATE_LIMIT_DISABLED=true (load tests come from one address).
 */
@Injectable()
export class RateLimiter {
  private readonly disabled: boolean;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.disabled = config.get('RATE_LIMIT_DISABLED');
  }

  /** Throws 429 when `key` already reached `max` hits in the current window. */
  async assertUnder(key: string, max: number): Promise<void> {
    if (this.disabled) return;
    const [count, ttl] = await Promise.all([this.redis.get(`rl:${key}`), this.redis.pttl(`rl:${key}`)]);
    if (count !== null && Number(count) >= max) throw new RateLimitedError(Math.max(1, Math.ceil(ttl / 1000)));
  }

  /** Counts one hit; the window starts with the first. */
  async hit(key: string, windowSeconds: number): Promise<number> {
    if (this.disabled) return 0;
    const k = `rl:${key}`;
    const [[, count]] = (await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').exec()) as [[null, number]];
    return count;
  }

  /** Counts a hit and throws 429 when it goes past `max`. */
  async consume(key: string, max: number, windowSeconds: number): Promise<void> {
    const count = await this.hit(key, windowSeconds);
    if (count > max) {
      const ttl = await this.redis.pttl(`rl:${key}`);
      throw new RateLimitedError(Math.max(1, Math.ceil(ttl / 1000)));
    }
  }

  async reset(key: string): Promise<void> {
    if (this.disabled) return;
    await this.redis.del(`rl:${key}`);
  }
}
