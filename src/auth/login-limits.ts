import { Injectable } from '@nestjs/common';
import { Limit, RateLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/config.module';

/**
 * Failed logins (the login endpoint and the queue dashboard's HTTP basic alike), counted in three
 * ways within LOGIN_WINDOW_SECONDS:
 *
 * - per email from one client address (`LOGIN_MAX_FAILURES`, 5): the lockout a person meets, and
 *   a stranger elsewhere does not cause;
 * - per client address, whatever the email (`LOGIN_MAX_FAILURES_PER_ADDRESS`, 50): one password
 *   tried against many accounts;
 * - per email from every address (`LOGIN_MAX_FAILURES_PER_EMAIL`, 50): guessing spread over many
 *   addresses. High on purpose: reaching it locks the owner out too, so it takes at least ten
 *   addresses' worth of failures (50 / 5) to do so, each of them also spending its own address's
 *   allowance.
 *
 * A point is taken from each before the password is checked and kept if the check fails, so
 * parallel guesses cannot all be checked before one is counted; a success gives its points back.
 */
@Injectable()
export class LoginLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Runs `check` (the password verification: a value, or null for wrong credentials) within the
   * limits; throws 429 without running it once one of them is spent.
   */
  async attempt<T>(email: string, address: string, check: () => Promise<T | null>): Promise<T | null> {
    const [own, byAddress, byEmail] = this.limits(email, address);
    await this.limiter.take(own, byAddress, byEmail);
    let result: T | null;
    try {
      result = await check();
    } catch (err) {
      await this.limiter.giveBack(own, byAddress, byEmail);
      throw err;
    }
    if (result === null) return null;
    // The right password: this address's failures for the email are forgiven, and it counts as none.
    await Promise.all([this.limiter.reset(own.key), this.limiter.giveBack(byAddress, byEmail)]);
    return result;
  }

  /** The mailbox's owner proved who they are (a password reset): the email's failures are forgiven. */
  async forgive(email: string, address: string): Promise<void> {
    const [own, , byEmail] = this.limits(email, address);
    await Promise.all([this.limiter.reset(own.key), this.limiter.reset(byEmail.key)]);
  }

  /** Most specific first, so a guess refused there counts against none of the broader ones. */
  private limits(email: string, address: string): [Limit, Limit, Limit] {
    const windowSeconds = this.config.get('LOGIN_WINDOW_SECONDS');
    return [
      { key: `login:fail:${address}:${email}`, max: this.config.get('LOGIN_MAX_FAILURES'), windowSeconds },
      { key: `login:fail-address:${address}`, max: this.config.get('LOGIN_MAX_FAILURES_PER_ADDRESS'), windowSeconds },
      { key: `login:fail-email:${email}`, max: this.config.get('LOGIN_MAX_FAILURES_PER_EMAIL'), windowSeconds },
    ];
  }
}
