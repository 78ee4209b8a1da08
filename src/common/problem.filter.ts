import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, FieldError, TITLES } from './errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode | string;
  errors?: FieldError[];
  instance?: string;
  errorId?: string;
  [extra: string]: unknown;
}

const PROBLEM_BASE = 'https://kinship.dev/problems/';
const UNAVAILABLE_RETRY_SECONDS = 5;

/** Codes of a connection to Postgres that could not be made (the server down or unreachable). */
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P03']);

/**
 * Postgres could not be reached, or no pool connection freed within DATABASE_POOL_WAIT_MS (pg-pool's
 * own message): the request may well succeed shortly, so it is a 503, not a fault.
 */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: unknown; driverError?: { code?: unknown } };
  return (
    /^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$/.test(e.message) ||
    (typeof e.code === 'string' && CONNECT_CODES.has(e.code)) ||
    (typeof e.driverError?.code === 'string' && CONNECT_CODES.has(e.driverError.code))
  );
}

export function problem(status: number, code: string, detail: string, errors?: FieldError[]): Problem {
  const body: Problem = { type: PROBLEM_BASE + code, title: TITLES[status] ?? 'Error', status, detail, code };
  if (errors?.length) body.errors = errors;
  return body;
}

/**
 * Maps an error to a problem document. Only errors we raised on purpose (DomainError) and the
 * framework's own HTTP errors become 4xx; everything else is a 500 with an error id.
 */
export function toProblem(err: unknown): Problem | null {
  if (isUnavailable(err)) {
    return {
      ...problem(503, 'service_unavailable', 'The service is busy or a dependency is down; try again shortly'),
      retryAfter: UNAVAILABLE_RETRY_SECONDS,
    };
  }
  if (err instanceof DomainError) {
    return { ...problem(err.status, err.code, err.message, err.errors), ...(err.extra ?? {}) };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 503) {
      // /health/ready: say which dependency is down.
      const r = err.getResponse();
      return {
        ...problem(503, 'unavailable', 'A dependency is not available'),
        ...(typeof r === 'object' ? { checks: r } : {}),
      };
    }
    if (status >= 500) return null;
    const codes: Record<number, ErrorCode> = {
      400: 'invalid_request',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      413: 'payload_too_large',
      415: 'unsupported_media_type',
      429: 'rate_limited',
    };
    const response = err.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response && typeof response.message === 'string'
        ? response.message
        : err.message;
    return problem(status, codes[status] ?? 'invalid_request', message);
  }
  // body-parser errors carry `type` and `status`/`statusCode` (malformed JSON, too large, bad charset).
  const e = err as { type?: string; status?: number; statusCode?: number; expose?: boolean };
  const status = e?.status ?? e?.statusCode;
  if (e && e.expose && typeof status === 'number' && status >= 400 && status < 500) {
    switch (e.type) {
      case 'entity.parse.failed':
        return problem(400, 'invalid_request', 'The body is not valid JSON');
      case 'entity.too.large':
        return problem(413, 'payload_too_large', 'The body is larger than the limit');
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return problem(415, 'unsupported_media_type', 'The body encoding is not supported');
      default:
        return problem(status, status === 413 ? 'payload_too_large' : 'invalid_request', 'The body could not be read');
    }
  }
  return null;
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    let body = toProblem(err);
    if (!body) {
      const errorId = randomUUID();
      this.logger.error({ errorId, err, method: req.method, path: req.path }, `unexpected fault ${errorId}`);
      body = { ...problem(500, 'internal_error', `An unexpected error occurred; quote error id ${errorId}`), errorId };
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if ((body.status === 429 || body.status === 503) && typeof body.retryAfter === 'number')
      res.setHeader('Retry-After', String(body.retryAfter));
    res
      .status(body.status)
      .type('application/problem+json')
      .send(JSON.stringify({ ...body, instance: req.originalUrl?.split('?')[0] }));
  }
}
