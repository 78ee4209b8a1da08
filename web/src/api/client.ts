import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The typed client of the api, on the app's own origin; the session cookie rides along. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

let language = 'en';
/** Event content comes back in the page's language (with a fallback on the server). */
export function setApiLanguage(locale: string): void {
  language = locale;
}
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    return request;
  },
});

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Anything that went wrong talking to the api, in one shape: a problem+json answer (status, stable
 * code, per-field errors), or no answer at all (`offline`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldProblem[] = [],
    readonly retryAfter?: number,
    readonly errorId?: string,
  ) {
    super(message);
  }

  /** No answer: the network is down or the server unreachable. */
  get offline(): boolean {
    return this.status === 0;
  }

  /** The errors of one field ("contact.email", "attendees[1].birthDate"). */
  fieldErrors(field: string): FieldProblem[] {
    return this.errors.filter((e) => e.field === field);
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

function problemOf(response: Response, error: unknown): ApiError {
  const p = (error && typeof error === 'object' ? error : {}) as Partial<Schemas['ProblemSchema']>;
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    typeof p.code === 'string' ? p.code : response.status >= 500 ? 'server_error' : 'unknown',
    typeof p.detail === 'string' ? p.detail : response.statusText,
    Array.isArray(p.errors) ? p.errors : [],
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    typeof p.errorId === 'string' ? p.errorId : undefined,
  );
}

/** Awaits a typed call and returns its data, or throws an ApiError (offline included). */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'offline', e instanceof Error ? e.message : 'network error');
  }
  if (!result.response.ok) throw problemOf(result.response, result.error);
  return result.data as T;
}

/** A fresh key per attempt to create something: a retried request is answered once (DESIGN.md rule 4). */
export function idempotencyKey(): string {
  // randomUUID exists only in secure contexts (https, localhost); a LAN address over http has none.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
