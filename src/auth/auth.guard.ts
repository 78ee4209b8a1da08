import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authRequirement, enforce, RequestWithCaller } from '../common/auth';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { AuthService } from './auth.service';
import { SessionCookie } from './session-cookie';

/**
 * Global guard: a bearer token, when sent, must be valid on every endpoint (a bad one is a 401 even
 * where anonymous callers are welcome). Without one, the browser's session cookie is read: an unsafe
 * request with it from another origin is a 403, and a stale one counts as no session (the public
 * pages keep working; endpoints that need a caller answer 401). Then the handler's @Authenticated()
 * requirement is enforced.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly session: SessionCookie,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<RequestWithCaller>();
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
      req.caller = await this.auth.callerFromToken(m[1]);
    } else {
      const token = this.session.read(req);
      if (token !== undefined) {
        if (this.session.isCrossSite(req)) throw new ForbiddenError('This request must come from the Kinship app itself');
        req.caller = await this.auth.callerFromToken(token).catch((e: unknown) => {
          if (e instanceof UnauthenticatedError) return undefined;
          throw e;
        });
      }
    }
    enforce(authRequirement(this.reflector, ctx), req.caller);
    return true;
  }
}
