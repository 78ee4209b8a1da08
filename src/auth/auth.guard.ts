import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authRequirement, enforce, RequestWithCaller } from '../common/auth';
import { UnauthenticatedError } from '../common/errors';
import { AuthService } from './auth.service';

/**
 * Global guard: a bearer token, when sent, must be valid on every endpoint (a bad one is a 401 even
 * where anonymous callers are welcome); then the handler's @Authenticated() requirement is enforced.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<RequestWithCaller>();
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
      req.caller = await this.auth.callerFromToken(m[1]);
    }
    enforce(authRequirement(this.reflector, ctx), req.caller);
    return true;
  }
}
