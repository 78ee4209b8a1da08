import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { RequestWithCaller } from '../auth';
import { clientAddress } from '../client-address';
import { toProblem } from '../problem.filter';
import { IDEMPOTENT } from './idempotent.decorator';
import { InvalidIdempotencyKeyError, REPLAYED_HEADER, ReplayedProblemError } from './idempotency.errors';
import { Claim, IdempotencyService } from './idempotency.service';

/** 1–200 printable ASCII characters (space to tilde). */
const KEY = /^[\x20-\x7e]{1,200}$/;
const SCOPE_MAX = 300;

/**
 * 4xx answers that are not kept: the request was refused before anything was done (400: bad
 * fields, 429: rate limited), so the client may fix it and retry under the same key, as at Stripe.
 * Every other 4xx (409 email_taken, 403, 422 ineligible, 404 …) is kept and replayed.
 */
const RELEASED_STATUSES = new Set([400, 429]);

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) throw new InvalidIdempotencyKeyError();
  return header;
}

/**
 * Whose key it is: the account when signed in, else the client address (hashed: the scope is
 * stored and logged), so one anonymous caller cannot replay another's stored answer by guessing
 * its key; then the endpoint (method, route pattern, path params), so one key sent to two
 * endpoints or two events never collides.
 */
export function scopeOf(req: RequestWithCaller): string {
  const who = req.caller
    ? `user:${req.caller.id}`
    : `anon:${createHash('sha256').update(clientAddress(req.ip)).digest('base64url').slice(0, 22)}`;
  const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
  const params = Object.keys(req.params ?? {})
    .sort()
    .map((k) => `${k}=${encodeURIComponent(String(req.params[k]))}`)
    .join('&');
  const endpoint = `${req.method} ${route}${params ? `?${params}` : ''}`;
  const scope = `${who} ${endpoint}`;
  // Path params come straight from the URL: a very long one is hashed rather than overflowing the column.
  return scope.length <= SCOPE_MAX ? scope : `${who} sha256:${createHash('sha256').update(endpoint).digest('hex')}`;
}

/**
 * Global: on handlers marked @Idempotent() that receive an Idempotency-Key header, runs the handler
 * at most once per (scope, key) and replays its answer (rule 4). Runs after the guard (the caller is
 * known) and before the pipes, so validation failures pass through here.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http' || !this.reflector.get<boolean>(IDEMPOTENT, ctx.getHandler())) return next.handle();
    const req = ctx.switchToHttp().getRequest<RequestWithCaller>();
    if (req.headers['idempotency-key'] === undefined) return next.handle();
    // A promise, not an operator chain: if the client goes away, the answer is still kept.
    return from(this.handle(ctx, req, next));
  }

  private async handle(ctx: ExecutionContext, req: RequestWithCaller, next: CallHandler): Promise<unknown> {
    const key = parseIdempotencyKey(req.headers['idempotency-key']) as string;
    const outcome = await this.idempotency.begin(scopeOf(req), key, req.body);
    if ('replay' in outcome) {
      ctx.switchToHttp().getResponse<Response>().setHeader(REPLAYED_HEADER, 'true');
      const { status, body } = outcome.replay;
      if (status >= 400) throw new ReplayedProblemError(body as ConstructorParameters<typeof ReplayedProblemError>[0]);
      return body;
    }
    return this.run(outcome.run, ctx, next);
  }

  private async run(claim: Claim, ctx: ExecutionContext, next: CallHandler): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (err) {
      const problem = toProblem(err);
      if (problem && problem.status >= 400 && problem.status < 500 && !RELEASED_STATUSES.has(problem.status)) {
        await this.idempotency.complete(claim, problem.status, problem);
      } else {
        // A fault (5xx, or an error no one raised on purpose) leaves nothing to replay: retry may work.
        await this.idempotency.release(claim);
      }
      throw err;
    }
    // What Nest answers a handler that returns: its @HttpCode, else 201 for POST.
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ??
      (ctx.switchToHttp().getRequest<RequestWithCaller>().method === 'POST' ? 201 : 200);
    // Stored as it is sent (JSON), so a replay answers the same bytes.
    await this.idempotency.complete(claim, status, body === undefined ? undefined : JSON.parse(JSON.stringify(body)));
    return body;
  }
}
