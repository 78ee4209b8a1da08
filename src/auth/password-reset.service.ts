import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InvalidRequestError } from '../common/errors';
import { RateLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/config.module';
import { LoginLimits } from './login-limits';
import { Outbox } from '../notifications/outbox';
import { UsersRepository } from '../users/users.repository';
import { PasswordResetPayload, passwordResetDedupeKey } from './auth-mail';
import { ConfirmPasswordResetDto, PasswordResetAccepted, RequestPasswordResetDto } from './dto/password-reset.dto';
import { hashPassword, refuseDemoPassword } from './passwords';
import { PasswordResetsRepository } from './password-resets.repository';
import { resetTokenKey, verifyResetToken } from './reset-token';

/** A reset link works for one hour, once. */
export const RESET_VALID_SECONDS = 3600;
const WINDOW_SECONDS = 3600;
/** One client address may ask for this many times the per-email allowance (a household, an office). */
const ADDRESS_FACTOR = 10;

/** The one answer to every request, so it tells nothing about the email. */
const ACCEPTED: PasswordResetAccepted = {
  message: 'If an account uses this email, a link to choose a new password is on its way.',
};

const BAD_TOKEN = 'The reset link is invalid, already used or expired; ask for a new one';

@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly key: Buffer;
  private readonly production: boolean;
  /** Requests whose database work runs after the answer went out. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly outbox: Outbox,
    private readonly limiter: RateLimiter,
    private readonly logins: LoginLimits,
    private readonly config: AppConfig,
  ) {
    this.key = resetTokenKey(config.get('JWT_SECRET'));
    this.production = config.get('NODE_ENV') === 'production';
  }

  /**
   * Always accepted, whether or not the email has an account, and whether or not a limit was
   * reached: the answer must not tell. The same Redis counting happens for every email; the
   * lookup and the writes run after the answer, so a known email does not answer slower.
   */
  async request(dto: RequestPasswordResetDto, address: string): Promise<PasswordResetAccepted> {
    const email = dto.email.toLowerCase();
    const max = this.config.get('PASSWORD_RESET_MAX_PER_HOUR');
    const spent = await this.limiter.tryTake(
      { key: `password-reset:address:${address}`, max: max * ADDRESS_FACTOR, windowSeconds: WINDOW_SECONDS },
      { key: `password-reset:email:${email}`, max, windowSeconds: WINDOW_SECONDS },
    );
    if (spent) {
      this.logger.warn(
        { limit: spent.limit.key.startsWith('password-reset:email:') ? 'email' : 'address' },
        'password reset refused silently: rate limit reached',
      );
      return ACCEPTED;
    }
    const work = this.start(email).catch((err: Error) =>
      this.logger.error({ err }, 'password reset could not be recorded'),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return ACCEPTED;
  }

  /** Resolves once every accepted request has written its rows (tests and shutdown wait on it). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** The reset row and its mail commit together; the mail carries the row id only. */
  private async start(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const resetId = await this.resets.transaction(async (tx) => {
      const reset = await this.resets.insert(user.id, RESET_VALID_SECONDS, tx);
      const payload: PasswordResetPayload = { resetId: reset.id };
      await this.outbox.enqueue(tx, {
        kind: 'account.password_reset',
        to: { email: user.email, name: user.name },
        locale: user.locale,
        payload: { ...payload },
        dedupeKey: passwordResetDedupeKey(reset.id),
      });
      return reset.id;
    });
    this.logger.log({ userId: user.id, resetId }, 'password reset requested');
  }

  /**
   * Sets the new password if the token is genuine, unused and unexpired. Using the reset, setting
   * the password (which bumps the token version, so every older access token stops working) and
   * revoking the user's other outstanding resets happen in one transaction.
   */
  async confirm(dto: ConfirmPasswordResetDto, address: string): Promise<void> {
    const resetId = verifyResetToken(this.key, dto.token);
    if (!resetId) throw this.badToken();
    if (this.production) refuseDemoPassword(dto.password);
    const passwordHash = await hashPassword(dto.password);
    const userId = await this.resets.transaction(async (tx) => {
      const owner = await this.resets.consume(resetId, tx);
      if (!owner) return null;
      await this.users.setPassword(owner, passwordHash, tx);
      await this.resets.revokeOutstanding(owner, tx);
      return owner;
    });
    if (!userId) throw this.badToken();
    const user = await this.users.findById(userId);
    // The owner just proved they hold the mailbox: failed logins no longer count against them.
    if (user) await this.logins.forgive(user.email, address);
    this.logger.log({ userId, resetId }, 'password reset completed');
  }

  private badToken(): InvalidRequestError {
    return new InvalidRequestError(BAD_TOKEN, [
      { field: 'token', message: 'token is invalid, already used or expired' },
    ]);
  }
}
