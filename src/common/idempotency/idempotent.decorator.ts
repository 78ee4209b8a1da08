import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProblemSchema } from '../openapi';
import { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER } from './idempotency.errors';

export const IDEMPOTENT = 'kinship:idempotent';

/**
 * Marks a handler that creates something: it honours an `Idempotency-Key` header (rule 4). The
 * 409 and 422 descriptions merge with the handler's own.
 */
export function Idempotent() {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        `1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. ` +
        `A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, ` +
        `with the header ${REPLAYED_HEADER}: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. ` +
        `A bad value is a 400 invalid_request.`,
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x20-\\x7E]{1,200}$' },
    }),
    ApiConflictResponse({
      description: `idempotency_in_flight: the first request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed`,
      type: ProblemSchema,
    }),
    ApiUnprocessableEntityResponse({
      description: `idempotency_key_reused: this ${IDEMPOTENCY_KEY_HEADER} came before with a different body`,
      type: ProblemSchema,
    }),
  );
}
