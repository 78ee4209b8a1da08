import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import type { RequestHandler } from 'express';
import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { Env } from '../config/env';

/** Mail links carry ?token=; it never reaches a log line. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:token|manageToken)=)[^&#]*/gi, '$1[redacted]');
}

/**
 * What a database error may carry that must never reach a log: the query and its parameters
 * (emails, password hashes, anything a user typed), and Postgres's `detail`, `where` and
 * `internalQuery`, which quote values too.
 */
const UNSAFE_ERROR_KEYS = ['query', 'parameters', 'detail', 'where', 'internalQuery', 'hint'];
/** What a driver error keeps: enough to tell which rule failed, nothing of the data. */
const DRIVER_ERROR_KEYS = ['code', 'severity', 'constraint', 'table', 'column', 'routine'];

/** Postgres quotes the offending value at the end of some messages (`invalid input syntax for type uuid: "…"`). */
function withoutQuotedValue(message: unknown): unknown {
  return typeof message === 'string' ? message.replace(/: "[\s\S]*"$/, ': "[redacted]"') : message;
}

/**
 * pino's error serializer (type, message, stack, cause), less anything that may quote data. It
 * takes an error or what pino's own serializer already made of one.
 */
export function safeError(err: unknown): unknown {
  if (err === null || typeof err !== 'object') return err;
  const out = { ...(err instanceof Error ? (stdSerializers.err(err) as unknown as object) : err) } as Record<
    string,
    unknown
  >;
  for (const key of UNSAFE_ERROR_KEYS) delete out[key];
  const driver = out.driverError as Record<string, unknown> | undefined;
  if (driver && typeof driver === 'object') {
    out.driverError = Object.fromEntries(
      DRIVER_ERROR_KEYS.filter((k) => driver[k] !== undefined).map((k) => [k, driver[k]]),
    );
  }
  if (driver || out.severity !== undefined || out.type === 'QueryFailedError') {
    out.message = withoutQuotedValue(out.message);
    if (typeof out.stack === 'string')
      out.stack = out.stack.replace(/^.*$/m, `${String(out.type)}: ${String(out.message)}`);
  }
  return out;
}

let destination: DestinationStream | undefined;

/** Sends log lines somewhere other than stdout (the e2e tests read them this way). */
export function setLogDestination(stream: DestinationStream | undefined): void {
  destination = stream;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
type LoggedRequest = IncomingMessage & { id?: string; originalUrl?: string; caller?: { id: string } };

/** What a request's lines say of it: never its headers, body or query values beyond the redacted URL. */
function requestFields(req: LoggedRequest) {
  return {
    id: req.id,
    method: req.method,
    url: redactUrl(req.originalUrl ?? req.url),
    userAgent: req.headers?.['user-agent'],
  };
}

/**
 * The logger of one request: the root with the request's fields bound, made only when a line is
 * written at a level that is on. Made for every request up front, as a pino child (pino-http's
 * way), it took a tenth to a fifth of the api's CPU in a registration rush logged at `warn`, where
 * most requests write no line while handled (the request's own line is written by the root, in
 * `requestLog`). It offers what the Nest logger asks of a request's logger (the levels, `child`).
 */
class RequestLogger {
  private made: Logger | undefined;

  constructor(
    private readonly root: Logger,
    private readonly req: LoggedRequest,
  ) {}

  get level(): string {
    return this.root.level;
  }

  isLevelEnabled(level: string): boolean {
    return this.root.isLevelEnabled(level);
  }

  child(bindings: Record<string, unknown>): Logger {
    return this.bound().child(bindings);
  }

  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }

  private bound(): Logger {
    return (this.made ??= this.root.child({ req: requestFields(this.req) }));
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    (this.bound()[level] as (...a: unknown[]) => void)(...args);
  }
}

/** A request's line: warn for a 4xx, error for a 5xx. */
function levelOf(statusCode: number): Level {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

function messageOf(statusCode: number, finished: boolean): string {
  if (statusCode >= 500) return 'request errored';
  return finished ? 'request completed' : 'request aborted';
}

/**
 * Gives every request its id (from X-Request-Id when sane, else a new one; answered in the same
 * header) and its logger (`req.log`, which the Nest logger uses for every line written while the
 * request is handled), and writes one line when it is answered: method, redacted URL, status,
 * time taken, the signed-in caller. `/health/live` gets no line.
 */
function requestLog(root: Logger): RequestHandler {
  return (request, res, next) => {
    const req = request as unknown as LoggedRequest;
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    // Read by nestjs-pino as the request's pino logger: RequestLogger has the part of one it uses.
    const log = new RequestLogger(root, req) as unknown as Logger;
    request.log = log;
    request.allLogs = [log];
    if (req.url !== '/health/live') {
      const started = Date.now();
      // 'close' comes once for every response: after the answer was sent, or when the connection
      // ended before it.
      res.once('close', () => {
        const level = levelOf(res.statusCode);
        if (!root.isLevelEnabled(level)) return;
        const userId = req.caller?.id;
        root[level](
          {
            req: requestFields(req),
            ...(userId ? { userId } : {}),
            res: { statusCode: res.statusCode },
            responseTime: Date.now() - started,
          },
          messageOf(res.statusCode, res.writableFinished),
        );
      });
    }
    next();
  };
}

/** nestjs-pino's parameters, with the request log the api mounts (`setupApp`). */
export interface LogParams extends Params {
  requestLog: RequestHandler;
}

/** JSON lines; every line of a request carries its request id (from X-Request-Id when sane). */
export function loggerParams(level: Env['LOG_LEVEL'], processName: 'api' | 'worker' | 'seed'): LogParams {
  const options: LoggerOptions = {
    level,
    base: { process: processName },
    messageKey: 'msg',
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-manage-token"]', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      // Whatever logs a raw request or response still gets only these fields.
      req: (req: LoggedRequest) => (req instanceof IncomingMessage ? requestFields(req) : req),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: safeError,
    },
  };
  const root = destination ? pino(options, destination) : pino(options);
  // useExisting: nestjs-pino binds each request's `req.log` (set by requestLog) for the Nest logger.
  return { pinoHttp: { logger: root }, useExisting: true, forRoutes: ['*path'], requestLog: requestLog(root) };
}
