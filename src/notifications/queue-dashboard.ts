import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response } from 'express';
import { createHmac, randomBytes } from 'node:crypto';
import { LoginLimits } from '../auth/login-limits';
import { dummyHash, verifyPassword } from '../auth/passwords';
import { clientAddress } from '../common/client-address';
import { DomainError } from '../common/errors';
import { problem } from '../common/problem.filter';
import { AppConfig } from '../config/config.module';
import { isDemoPassword } from '../config/known-secrets';
import { UsersRepository } from '../users/users.repository';
import { MAIL_QUEUE } from './mail-queue';

/** Outside /api/v1 and outside the JSON-only guard (app.setup.ts skips /admin/). */
export const QUEUES_PATH = '/admin/queues';
const REALM = 'Basic realm="Kinship queues", charset="UTF-8"';
/** How long a verified login is trusted without running argon2 again (the board polls every few seconds). */
const TRUST_MS = 5 * 60_000;
const TRUST_MAX = 100;

/**
 * HTTP Basic in front of the BullMQ dashboard: the email and password of an account with the admin
 * role, checked with argon2 against the users table. Failures count against the same limits as
 * the login endpoint (`LoginLimits`). A verified login is remembered for a few minutes, bound to the
 * stored password hash and re-checked for the admin role on every request, so a password change or
 * a removed role takes effect at once.
 */
@Injectable()
export class QueueDashboardAuth {
  private readonly logger = new Logger(QueueDashboardAuth.name);
  /** HMAC(email:password) under a key of this process → the password hash it was verified against, and until when. */
  private readonly trusted = new Map<string, { hash: string; until: number }>();
  private readonly memoKey = randomBytes(32);

  private readonly production: boolean;

  constructor(
    private readonly users: UsersRepository,
    private readonly logins: LoginLimits,
    config: AppConfig,
  ) {
    this.production = config.get('NODE_ENV') === 'production';
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.check(req.headers.authorization, clientAddress(req.ip)).then(
      (ok) => (ok ? next() : refuse(res, req, 401, 'unauthenticated', 'Admin credentials are required', REALM)),
      (err: unknown) => {
        if (err instanceof DomainError && (err.status === 429 || err.status === 503)) {
          const retryAfter = Number(err.extra?.retryAfter ?? 60);
          res.setHeader('Retry-After', String(retryAfter));
          return refuse(res, req, err.status, err.code, err.message);
        }
        next(err);
      },
    );
  };

  /** True for an admin's right credentials; throws 429 once a login limit is reached. */
  async check(header: string | undefined, address: string): Promise<boolean> {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
    if (!m) return false;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return false;
    const email = decoded.slice(0, colon).trim().toLowerCase();
    const password = decoded.slice(colon + 1);
    if (email.length > 254 || password.length > 200) return false;

    if (this.production && isDemoPassword(password)) return false;

    const memo = createHmac('sha256', this.memoKey).update(`${email}:${password}`).digest('base64');
    // Within the login limits like any login, even one verified a moment ago (the board polls):
    // past a limit the right password is refused too.
    const user = await this.logins.attempt(email, address, async () => {
      const found = await this.users.findByEmail(email);
      const known = this.trusted.get(memo);
      if (found && known && known.hash === found.passwordHash && known.until > Date.now()) return found;
      const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), password);
      return ok ? found : null;
    });
    if (!user) {
      this.logger.warn({}, 'queue dashboard: wrong credentials');
      return false;
    }
    if (!user.roles.includes('admin')) {
      this.logger.warn({ userId: user.id }, 'queue dashboard: not an admin');
      return false;
    }
    const known = this.trusted.get(memo);
    if (!known || known.hash !== user.passwordHash || known.until <= Date.now()) {
      if (this.trusted.size >= TRUST_MAX) this.trusted.clear();
      this.trusted.set(memo, { hash: user.passwordHash, until: Date.now() + TRUST_MS });
    }
    return true;
  }
}

function refuse(res: Response, req: Request, status: number, code: string, detail: string, challenge?: string): void {
  if (challenge) res.setHeader('WWW-Authenticate', challenge);
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem(status, code, detail), instance: req.originalUrl.split('?')[0] }));
}

/** Mounts the dashboard of the mail queue at /admin/queues, behind admin credentials (api process only). */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(app.get<Queue>(getQueueToken(MAIL_QUEUE)))],
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Kinship queues' } },
  });
  // The board is an Express app of its own: it must not announce itself either.
  const router = board.getRouter() as Express;
  router.disable('x-powered-by');
  app.use(QUEUES_PATH, app.get(QueueDashboardAuth).middleware, router);
}
