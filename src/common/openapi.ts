import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';

class FieldErrorSchema {
  @ApiProperty({ example: 'endsAt' })
  field: string;
  @ApiProperty({ example: 'endsAt must be after startsAt' })
  message: string;
}

/** application/problem+json (RFC 9457), as every error is answered. */
export class ProblemSchema {
  @ApiProperty({ example: 'https://kinship.dev/problems/invalid_request' })
  type: string;
  @ApiProperty({ example: 'Bad Request' })
  title: string;
  @ApiProperty({ example: 400 })
  status: number;
  @ApiProperty({ example: 'endsAt must be after startsAt' })
  detail: string;
  @ApiProperty({ example: 'invalid_request' })
  code: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema] })
  errors?: FieldErrorSchema[];
  @ApiPropertyOptional({ example: '/api/v1/events' })
  instance?: string;
  @ApiPropertyOptional({ description: 'Present on 500 answers; the same id is in the log' })
  errorId?: string;
}

/** The errors any JSON endpoint with a body may answer. */
export function ApiBodyErrors() {
  return applyDecorators(
    ApiBadRequestResponse({
      description: 'invalid_request: malformed JSON, unknown or bad fields',
      type: ProblemSchema,
    }),
    ApiPayloadTooLargeResponse({ description: 'payload_too_large', type: ProblemSchema }),
    ApiUnsupportedMediaTypeResponse({ description: 'unsupported_media_type', type: ProblemSchema }),
  );
}

export function ApiNotFound(what = 'the object') {
  return ApiNotFoundResponse({
    description: `not_found: ${what} is absent or not visible to the caller`,
    type: ProblemSchema,
  });
}
