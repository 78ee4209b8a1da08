import { ConflictError, DomainError, ErrorCode, InvalidRequestError } from '../errors';
import type { Problem } from '../problem.filter';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

export class InvalidIdempotencyKeyError extends InvalidRequestError {
  constructor() {
    const message = `${IDEMPOTENCY_KEY_HEADER} must be 1 to 200 printable ASCII characters`;
    super(message, [{ field: IDEMPOTENCY_KEY_HEADER, message }]);
  }
}

export class IdempotencyInFlightError extends ConflictError {
  constructor() {
    super(
      'idempotency_in_flight',
      `The first request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry in a moment`,
    );
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(422, 'idempotency_key_reused', `This ${IDEMPOTENCY_KEY_HEADER} was already used with a different body`);
  }
}

/** A stored problem answered again: the global filter renders it exactly as the first time. */
export class ReplayedProblemError extends DomainError {
  constructor(stored: Problem) {
    // type and title follow from status and code; instance is added by the filter from the URL.
    const { type: _t, title: _ti, status, detail, code, errors, instance: _i, errorId: _e, ...extra } = stored;
    super(status, code as ErrorCode, detail, errors, extra);
  }
}
