import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/config.module';

/** The browser's session: the access token in an HttpOnly cookie, out of reach of the page's script. */
export const SESSION_COOKIE = 'kinship_session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

@Injectable()
export class SessionCookie {
  private readonly secure: boolean;
  private readonly maxAgeMs: number;
  private readonly publicOrigin: string;

  constructor(config: AppConfig) {
    const publicUrl = new URL(config.get('PUBLIC_URL'));
    this.secure = publicUrl.protocol === 'https:';
    this.publicOrigin = publicUrl.origin;
    this.maxAgeMs = config.get('JWT_TTL_SECONDS') * 1000;
  }

  set(res: Response, token: string): void {
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      maxAge: this.maxAgeMs,
    });
  }

  clear(res: Response): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
  }

  /** The session token sent as a cookie, if any (no cookie parser: one name is all we read). */
  read(req: Request): string | undefined {
    const header = req.headers.cookie;
    if (!header) return undefined;
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
        const value = part.slice(eq + 1).trim();
        return value || undefined;
      }
    }
    return undefined;
  }

  /**
   * A request carrying the cookie with an unsafe method must come from the app's own origin:
   * another site's form or script cannot act with the family's session (browsers always send
   * `Origin` on such requests, and no page can forge it).
   */
  isCrossSite(req: Request): boolean {
    if (!UNSAFE.has(req.method)) return false;
    const origin = req.headers.origin;
    if (!origin) return true;
    return origin !== this.publicOrigin && origin !== `${req.protocol}://${req.get('host')}`;
  }
}
