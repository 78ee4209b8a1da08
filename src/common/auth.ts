import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Locale, Role } from '../users/user.entity';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { ProblemSchema } from './openapi';

/** Who is calling: set on the request by AuthGuard when a valid bearer token is sent. */
export interface Caller {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: Locale;
}

export function hasRole(caller: Caller | undefined, role: Role): boolean {
  return !!caller && (caller.roles.includes(role) || caller.roles.includes('admin'));
}

export function isAdmin(caller: Caller | undefined): boolean {
  return !!caller && caller.roles.includes('admin');
}

export type RequestWithCaller = Request & { caller?: Caller };

const AUTH_KEY = 'kinship:auth';
/** `true`: any signed-in user; a role list: one of those roles (admin passes every role check). */
export type AuthRequirement = true | Role[];

/** The handler needs a signed-in caller (optionally with one of `roles`). */
export function Authenticated(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(AUTH_KEY, roles.length ? roles : true),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'unauthenticated', type: ProblemSchema }),
    ...(roles.length
      ? [ApiForbiddenResponse({ description: 'forbidden: role may not act', type: ProblemSchema })]
      : []),
  );
}

/** The caller, or undefined on endpoints open to anonymous callers. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller | undefined => {
  return ctx.switchToHttp().getRequest<RequestWithCaller>().caller;
});

/** Reads the requirement @Authenticated() put on a handler. */
export function authRequirement(reflector: Reflector, ctx: ExecutionContext): AuthRequirement | undefined {
  return reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_KEY, [ctx.getHandler(), ctx.getClass()]);
}

export function enforce(need: AuthRequirement | undefined, caller: Caller | undefined): void {
  if (!need) return;
  if (!caller) throw new UnauthenticatedError();
  if (need !== true && !need.some((r) => hasRole(caller, r))) {
    throw new ForbiddenError(`This needs the ${need.join(' or ')} role`);
  }
}
