import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/config.module';
import { mailUrl } from '../mail/links';
import { MailPreparers, SkipMail } from '../notifications/preparers';
import { UsersRepository } from '../users/users.repository';
import type { PasswordResetPayload, WelcomePayload } from './auth-mail';
import { PasswordResetsRepository } from './password-resets.repository';
import { resetToken, resetTokenKey } from './reset-token';

/**
 * Worker side of the account mails: turns their outbox rows into template data at send time.
 * Registered in the worker only (the api never sends mail).
 */
@Injectable()
export class AuthMailPreparers implements OnModuleInit {
  private readonly publicUrl: string;
  private readonly key: Buffer;

  constructor(
    private readonly preparers: MailPreparers,
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL');
    this.key = resetTokenKey(config.get('JWT_SECRET'));
  }

  onModuleInit(): void {
    this.preparers.register('account.welcome', async (row) => {
      const { userId } = row.payload as unknown as WelcomePayload;
      const user = await this.users.findById(userId);
      if (!user) return new SkipMail('the account no longer exists');
      return { name: user.name, eventsUrl: mailUrl(this.publicUrl, '/events', row.locale) };
    });

    this.preparers.register('account.password_reset', async (row) => {
      const { resetId } = row.payload as unknown as PasswordResetPayload;
      const reset = await this.resets.findForMail(resetId);
      if (!reset) return new SkipMail('the reset or its account no longer exists');
      if (reset.usedAt) return new SkipMail('the reset was already used');
      if (reset.expired) return new SkipMail('the reset expired before it could be sent');
      const token = resetToken(this.key, reset.id);
      return {
        name: reset.name,
        // The token in the fragment: browsers never send it to a server, nor in a Referer (the page reads it).
        resetUrl: mailUrl(this.publicUrl, '/reset-password', row.locale, { fragment: { token } }),
        expiresAt: reset.expiresAt.toISOString(),
      };
    });
  }
}
