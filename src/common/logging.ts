import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { stdSerializers, type DestinationStream } from 'pino';
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
 * takes an error or, under pino-http, what pino's own serializer already made of one.
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

/** JSON lines; every line of a request carries its request id (from X-Request-Id when sane). */
export function loggerParams(level: Env['LOG_LEVEL'], processName: 'api' | 'worker' | 'seed'): Params {
  const options: Exclude<Params['pinoHttp'], unknown[] | undefined | DestinationStream> = {
    level,
    base: { process: processName },
    messageKey: 'msg',
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-manage-token"]',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: IncomingMessage & { id?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        userAgent: req.headers?.['user-agent'],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: safeError,
    },
    // The signed-in caller, once the guard knows it (read when the request's line is written).
    customProps: (req) => {
      const userId = (req as IncomingMessage & { caller?: { id: string } }).caller?.id;
      return userId ? { userId } : {};
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/health/live' },
  };
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: ['*path'] };
}
