/**
 * Domain errors carry a stable code and an HTTP status; the global ProblemFilter turns them into
 * application/problem+json (RFC 9457). Throw these from services, never HttpException.
 */
export interface FieldError {
  field: string;
  message: string;
}

export type ErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'event_full'
  | 'already_registered'
  | 'registration_closed'
  | 'not_checkable'
  | 'invalid_transition'
  | 'capacity_below_taken'
  | 'idempotency_in_flight'
  | 'email_taken'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'ineligible'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'unavailable'
  | 'service_unavailable'
  | 'internal_error';

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem document (e.g. retryAfter). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidRequestError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super(400, 'invalid_request', message, errors);
  }
}

/** One or more fields failed a rule that needs the database or several fields together. */
export function invalidFields(errors: FieldError[]): InvalidRequestError {
  return new InvalidRequestError(`${errors.length} field(s) failed validation`, errors);
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to do this') {
    super(401, 'unauthenticated', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(409, code, message);
  }
}

export class InvalidTransitionError extends ConflictError {
  constructor(message: string) {
    super('invalid_transition', message);
  }
}

export class IneligibleError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super(422, 'ineligible', message, errors);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many attempts; try again in ${retryAfterSeconds} seconds`, undefined, {
      retryAfter: retryAfterSeconds,
    });
  }
}

/** Postgres or Redis cannot serve the request now (down, or the pool exhausted past its wait): 503 with Retry-After. */
export class ServiceUnavailableError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super(503, 'service_unavailable', message, undefined, { retryAfter: retryAfterSeconds });
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(type: string) {
    super(415, 'unsupported_media_type', `This endpoint takes application/json, not ${type || 'an untyped body'}`);
  }
}
