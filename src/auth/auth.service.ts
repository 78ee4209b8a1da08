import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Caller } from '../common/auth';
import { ConflictError, DomainError, UnauthenticatedError } from '../common/errors';
import { RateLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/config.module';
import { isDemoPassword } from '../config/known-secrets';
import { Outbox } from '../notifications/outbox';
import { User } from '../users/user.entity';
import { toUserResponse } from '../users/users.mapper';
import { UsersRepository } from '../users/users.repository';
import { WelcomePayload, welcomeDedupeKey } from './auth-mail';
import { AuthResponse, LoginDto, SessionResponse, SignupDto } from './dto/auth.dto';
import { LoginLimits } from './login-limits';
import { dummyHash, hashPassword, refuseDemoPassword, verifyPassword } from './passwords';

interface TokenClaims {
  sub: string;
  tv: number;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  private readonly production: boolean;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly limiter: RateLimiter,
    private readonly logins: LoginLimits,
    private readonly config: AppConfig,
    private readonly outbox: Outbox,
  ) {
    this.production = config.get('NODE_ENV') === 'production';
  }

  /** Ensures the admin named by ADMIN_EMAIL/ADMIN_PASSWORD exists and has the admin role. */
  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL');
    const password = this.config.get('ADMIN_PASSWORD');
    if (!email || !password) return;
    const existing = await this.users.findByEmail(email);
    if (!existing) {
      const passwordHash = await hashPassword(password);
      // No welcome mail: this account comes from the environment, not from a person signing up.
      await this.users.transaction((tx) =>
        this.users.insertIfEmailFree(tx, {
          email,
          name: 'Administrator',
          passwordHash,
          roles: ['family', 'admin'],
          locale: 'en',
        }),
      );
      this.logger.log({ email }, 'admin account created');
    } else if (!existing.roles.includes('admin')) {
      const roles: User['roles'] = [...existing.roles, 'admin'];
      await this.users.setRoles(existing.id, roles);
      // Audited as every role change is; the actor is the environment (ADMIN_EMAIL), not an account.
      this.logger.log({ actorId: null, targetId: existing.id, from: existing.roles, to: roles }, 'roles changed');
    }
  }

  /**
   * The account and its welcome mail commit together; a taken email writes neither. Each signup
   * costs an argon2 hash and a mail to any address, so one client address has SIGNUPS_PER_ADDRESS_PER_HOUR.
   */
  async signup(dto: SignupDto, address: string): Promise<AuthResponse> {
    if (this.production) refuseDemoPassword(dto.password);
    await this.limiter.take({
      key: `signup:address:${address}`,
      max: this.config.get('SIGNUPS_PER_ADDRESS_PER_HOUR'),
      windowSeconds: 3600,
    });
    const passwordHash = await hashPassword(dto.password);
    const user = await this.users.transaction(async (tx) => {
      const created = await this.users.insertIfEmailFree(tx, {
        email: dto.email,
        name: dto.name,
        passwordHash,
        roles: ['family'],
        locale: dto.locale ?? 'en',
      });
      if (!created) throw new ConflictError('email_taken', 'An account with this email already exists');
      const payload: WelcomePayload = { userId: created.id };
      await this.outbox.enqueue(tx, {
        kind: 'account.welcome',
        to: { email: created.email, name: created.name },
        locale: created.locale,
        payload: { ...payload },
        dedupeKey: welcomeDedupeKey(created.id),
      });
      return created;
    });
    return { user: toUserResponse(user), accessToken: await this.issue(user) };
  }

  /**
   * Failed logins are counted in Redis (`LoginLimits`): past a limit the attempt is refused with
   * 429 (even with the right password) until the window ends. In production the demo password
   * opens no account, whatever the email.
   */
  async login(dto: LoginDto, address: string): Promise<AuthResponse> {
    const email = dto.email.toLowerCase();
    const user = await this.logins.attempt(email, address, async () => {
      const found = await this.users.findByEmail(email);
      const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), dto.password);
      if (ok && found && this.production && isDemoPassword(dto.password)) {
        this.logger.warn({ userId: found.id }, 'login with the demo password refused in production');
        return null;
      }
      return ok ? found : null;
    });
    if (!user) throw new DomainError(401, 'unauthenticated', 'Email or password is wrong');
    return { user: toUserResponse(user), accessToken: await this.issue(user) };
  }

  async session(caller: Caller | undefined): Promise<SessionResponse> {
    const user = caller ? await this.users.findById(caller.id) : null;
    return { user: user ? toUserResponse(user) : null };
  }

  issue(user: User): Promise<string> {
    const claims: TokenClaims = { sub: user.id, tv: user.tokenVersion };
    return this.jwt.signAsync(claims);
  }

  /** Resolves a bearer token to the caller; any flaw (signature, expiry, revoked, user gone) is a 401. */
  async callerFromToken(token: string): Promise<Caller> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthenticatedError('The access token is invalid or expired');
    }
    const user =
      typeof claims.sub === 'string' && /^[0-9a-f-]{36}$/i.test(claims.sub)
        ? await this.users.findById(claims.sub)
        : null;
    if (!user || user.tokenVersion !== claims.tv) throw new UnauthenticatedError('The access token is no longer valid');
    return { id: user.id, email: user.email, name: user.name, roles: user.roles, locale: user.locale };
  }
}
