import { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { join } from 'node:path';
import { WebPages } from './web-pages';

/** Paths that stay the API's whatever the request accepts. */
const API_PATHS = /^\/(api|docs|docs-json|health|admin\/queues)(\/|$|-)/;

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the built web app on the api's own origin (DESIGN.md, "Web"): hashed assets cached for a
 * year, every other file and every HTML answer `no-cache`; a GET that accepts HTML and is not the
 * API's gets the app's page. Without a build, HTML requests fall through to the API's 404.
 */
export function mountWebApp(app: NestExpressApplication): void {
  const pages = app.get(WebPages);
  const root = pages.root;
  app.use(
    '/assets',
    express.static(join(root, 'assets'), {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: YEAR_SECONDS * 1000,
    }),
  );
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    if (!/\.[a-z0-9]+$/i.test(req.path) && req.accepts(['json', 'html']) === 'html') {
      try {
        const lang = typeof req.query.lang === 'string' ? req.query.lang : undefined;
        const page = await pages.render(req.path, lang, req.headers['accept-language']);
        if (!page) return next();
        res.status(page.status);
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Vary', 'Accept-Language');
        if (page.noReferrer) res.setHeader('Referrer-Policy', 'no-referrer');
        return res.send(page.html);
      } catch (e) {
        return next(e);
      }
    }
    next();
  });
  // favicon, manifest, service worker: not hashed, so always revalidated. HTML files are only ever
  // answered by the page route above.
  const files = express.static(root, {
    index: false,
    fallthrough: true,
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || req.path.endsWith('.html')) {
      return next();
    }
    return files(req, res, next);
  });
}
