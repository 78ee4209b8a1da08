import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { FieldError, InvalidRequestError } from './errors';
import { redactUrl } from './logging';
import { problem } from './problem.filter';

const logger = new Logger('TextGuard');

/**
 * Text that Postgres cannot store or that is not text at all: a NUL (Postgres refuses it in text
 * and jsonb) or a surrogate without its pair (not Unicode; refused as invalid UTF-8).
 */
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MESSAGE = 'must not contain NUL characters or unpaired surrogates';
/** Deeper than any body of the API: a bomb of nested arrays is refused rather than walked. */
const MAX_DEPTH = 64;

export function isBadText(s: string): boolean {
  return BAD_TEXT.test(s);
}

/** Every string (keys included) of a parsed JSON body that is bad text, by path; stops at the first few. */
export function badTextIn(value: unknown, path = '', found: FieldError[] = [], depth = 0): FieldError[] {
  if (found.length >= 10) return found;
  if (depth > MAX_DEPTH) {
    found.push({ field: path || 'body', message: `${path || 'body'} is nested too deeply` });
  } else if (typeof value === 'string') {
    if (isBadText(value)) found.push({ field: path || 'body', message: `${path || 'body'} ${MESSAGE}` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => badTextIn(v, `${path}[${i}]`, found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const field = path ? `${path}.${k}` : k;
      if (isBadText(k)) found.push({ field: '(a field name)', message: `a field name ${MESSAGE}` });
      else badTextIn(v, field, found, depth + 1);
    }
  }
  return found;
}

/** A percent-encoded part of a URL, decoded as the router and the query parser will; null if it is not UTF-8. */
function decoded(part: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? part.replace(/\+/g, ' ') : part);
  } catch {
    return null;
  }
}

/** The URL's path and query parameters: each must decode to UTF-8 text without NUL. */
function badTextInUrl(url: string): FieldError[] {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  const found: FieldError[] = [];
  const p = decoded(path, false);
  if (p === null || isBadText(p)) found.push({ field: 'path', message: `the path ${MESSAGE} and must be UTF-8` });
  for (const pair of query ? query.split('&') : []) {
    const [rawName, ...rest] = pair.split('=');
    const name = decoded(rawName, true);
    const value = decoded(rest.join('='), true);
    const field = name !== null && !isBadText(name) ? name : '(a query parameter)';
    if (name === null || value === null || isBadText(name) || isBadText(value)) {
      found.push({ field, message: `query parameter ${field} ${MESSAGE} and must be UTF-8` });
    }
  }
  return found;
}

/**
 * Refuses, before any handler runs, a request whose path, query, headers or JSON body hold bad
 * text: a 400 `invalid_request`, never a database error. Runs after the JSON body parser and
 * before the router (which would fail on such a path before the request logger runs), so it
 * logs its own line: which fields, never their values.
 */
export function refuseBadText(req: Request, _res: Response, next: NextFunction): void {
  const errors = badTextInUrl(req.originalUrl ?? req.url);
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i + 1].includes('\0')) {
      errors.push({ field: `headers.${req.rawHeaders[i].toLowerCase()}`, message: `the header ${MESSAGE}` });
    }
  }
  if (req.body !== undefined) badTextIn(req.body, '', errors);
  if (errors.length) {
    logger.warn(
      { method: req.method, url: redactUrl(req.originalUrl)?.slice(0, 200), fields: errors.map((e) => e.field) },
      'request refused: text with NUL or unpaired surrogates',
    );
    return next(new InvalidRequestError(`The request ${MESSAGE}`, errors));
  }
  next();
}

/**
 * Node's HTTP parser refuses a request it cannot read (a NUL or other control character in a
 * header, a malformed request line) before Express sees it; it answers that with problem+json
 * too, rather than Node's bare 400.
 */
export function answerUnreadableRequests(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket: Socket) => {
    if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    // As Node answers them by itself, but as problem+json.
    const [status, reason, detail] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'The request took too long to arrive']
          : [400, 'Bad Request', `The request could not be read: its headers ${MESSAGE} or control characters`];
    const body = JSON.stringify(problem(status, 'invalid_request', detail));
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n" +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
