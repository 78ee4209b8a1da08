import { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
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
  app.use(precompressed(root));
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

/** The files the build compressed ahead of time (`<file>.br`, `<file>.gz`), as request paths. */
function compressedFiles(root: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  if (!existsSync(root)) return found;
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== '.vite') walk(path, `${prefix}/${name}`);
        continue;
      }
      const m = /^(.*)\.(br|gz)$/.exec(name);
      if (!m) continue;
      const key = `${prefix}/${m[1]}`;
      found.set(key, (found.get(key) ?? new Set()).add(m[2] === 'br' ? 'br' : 'gzip'));
    }
  };
  walk(root, '');
  return found;
}

/**
 * Sends the brotli or gzip copy the build wrote beside a file when the browser accepts it: the
 * bytes a phone downloads shrink to a third, and no request costs the api a compression.
 */
function precompressed(root: string) {
  const files = compressedFiles(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const encodings = files.get(req.path);
    if (!encodings) return next();
    res.vary('Accept-Encoding');
    // Brotli when the browser takes it (a sixth smaller than gzip), else gzip.
    const encoding = (['br', 'gzip'] as const).find((e) => encodings.has(e) && req.acceptsEncodings(e) === e);
    if (!encoding) return next();
    const hashed = req.path.startsWith('/assets/');
    res.setHeader('Content-Encoding', encoding);
    res.type(extname(req.path));
    res.sendFile(join(root, `${req.path}.${encoding === 'br' ? 'br' : 'gz'}`), {
      dotfiles: 'deny',
      ...(hashed
        ? { maxAge: YEAR_SECONDS * 1000, immutable: true }
        : { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } }),
    }, (e) => e && next(e));
  };
}
