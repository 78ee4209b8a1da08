import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Env } from '../config/env';

/** Mail links carry ?token=; it never reaches a log line. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:token|manageToken)=)[^&#]*/gi, '$1[redacted]');
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
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/health/live' },
  };
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: ['*path'] };
}
