import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Logger, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import type { LogParams } from './common/logging';
import { UnsupportedMediaTypeError } from './common/errors';
import { ProblemFilter } from './common/problem.filter';
import { securityHeaders } from './common/security-headers';
import { answerUnreadableRequests, refuseBadText } from './common/text-guard';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config.module';
import { mountQueueDashboard } from './notifications/queue-dashboard';
import { mountWebApp } from './web/web-app';

export const API_PREFIX = 'api/v1';

/** Everything the api process and the e2e tests configure the same way. */
export function setupApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Whose X-Forwarded-For names the client (rate limits count per address): TRUST_PROXY.
  app.set('trust proxy', config.get('TRUST_PROXY'));
  app.set('query parser', 'simple');
  app.use(securityHeaders({ publicUrl: config.get('PUBLIC_URL') }));
  answerUnreadableRequests(app.getHttpServer());
  // An idle connection stays open for the next request longer than a proxy's own idle timeout, so
  // that the api never closes one just as the proxy sends on it (Node's default is 5 s).
  app.getHttpServer().keepAliveTimeout = config.get('HTTP_KEEP_ALIVE_SECONDS') * 1000;
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // The one-click unsubscribe URL in mail: GET is the web app's page, POST unsubscribes.
      { path: 'unsubscribe/:id', method: RequestMethod.POST },
    ],
  });
  app.use(compressLargeReads());
  app.use(requireJson);
  app.useBodyParser('json', { limit: config.get('BODY_LIMIT'), type: ['application/json', 'application/*+json'] });
  app.use(refuseBadText);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  mountQueueDashboard(app);
  mountWebApp(app);
  setupOpenApi(app);
  // After the web app's files and the API's description, which get no line, and before every
  // route of the api (Nest mounts those when the app starts).
  app.use(app.get<LogParams>(PARAMS_PROVIDER_TOKEN).requestLog);
}

/**
 * Large JSON answers to reads (lists of events, of attendees) are gzipped for slow networks; writes
 * and small answers are not (they are small, and their speed is what a rush measures). The web
 * app's files are compressed ahead of time (src/web/web-app.ts); CSV exports stream as they are.
 * Other requests skip the compressor altogether: it wraps every answer it is handed, which took
 * about 1 % of the api's CPU during a registration rush for answers it never compresses.
 */
function compressLargeReads(): RequestHandler {
  const compress = compression({ threshold: 4096 });
  return (req, res, next) =>
    req.method === 'GET' && req.url.startsWith('/api/') && !/\.csv(\?|$)/.test(req.url) ? compress(req, res, next) : next();
}

/** Mail clients' one-click unsubscribe posts a form (RFC 8058), which the endpoint ignores unread. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A JSON endpoint sent a body that is not JSON answers 415 before any parsing. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && !req.path.startsWith('/admin/')) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (req.path.startsWith('/unsubscribe/') && FORM_TYPES.includes(type)) return next();
    if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
      return next(new UnsupportedMediaTypeError(type));
    }
  }
  next();
}

export function setupOpenApi(app: INestApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('Kinship API')
    .setDescription(
      'Event registration and program management for community organizations. Errors are application/problem+json (RFC 9457) with a stable `code`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, doc);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
