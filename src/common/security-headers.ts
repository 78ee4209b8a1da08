import type { RequestHandler } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of every answer (DESIGN.md, "Security and privacy"): only this
 * origin, no inline script, WebAssembly for the check-in's QR decoder, no framing.
 */
export const CSP_DIRECTIVES: Readonly<Directives> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
};

/**
 * Swagger UI (/docs) styles its page with inline `<style>` blocks and attributes; without them it
 * shows broken (checked in Chromium). There, and only there, inline styles are allowed; scripts
 * stay 'self' everywhere. The queue dashboard works under the strict policy (only its loading
 * placeholder and a web font from another host are refused).
 */
export const INLINE_STYLE_PATHS = ['/docs'];

export interface SecurityHeadersOptions {
  /** PUBLIC_URL: HSTS is sent only when it is https. */
  publicUrl: string;
  /** Referrer-Policy; strict-origin-when-cross-origin by default. */
  referrerPolicy?: 'no-referrer' | 'same-origin' | 'strict-origin' | 'strict-origin-when-cross-origin';
  /** Directives to add to or replace in CSP_DIRECTIVES (the web app may need its own). */
  directives?: Directives;
}

function underAny(path: string, prefixes: string[]): boolean {
  return prefixes.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * helmet with Kinship's policy, for every answer: CSP, `X-Content-Type-Options: nosniff`,
 * Referrer-Policy, `X-Frame-Options: DENY`, and HSTS when PUBLIC_URL is https.
 */
export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  const https = new URL(options.publicUrl).protocol === 'https:';
  const base = { ...CSP_DIRECTIVES, ...options.directives };
  const build = (directives: Directives) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      referrerPolicy: { policy: options.referrerPolicy ?? 'strict-origin-when-cross-origin' },
      strictTransportSecurity: https ? { maxAge: 365 * 86400, includeSubDomains: false } : false,
      xFrameOptions: { action: 'deny' },
    });
  const strict = build(base);
  const inlineStyles = build({ ...base, 'style-src': [...base['style-src'], "'unsafe-inline'"] });
  return (req, res, next) => (underAny(req.path, INLINE_STYLE_PATHS) ? inlineStyles : strict)(req, res, next);
}
