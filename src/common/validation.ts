import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidRequestError } from './errors';

/** Flattens class-validator's tree into `errors[]` entries named by their path (attendees[0].name). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    if (constraints.length) {
      // One message per field: the first rule it broke, or plainly that it is missing.
      const [rule, message] = constraints[0];
      out.push({
        field,
        message:
          rule === 'whitelistValidation'
            ? `${field} is not a known field`
            : e.value === undefined || e.value === null
              ? `${field} is required`
              : message.replace(new RegExp('^' + e.property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\b'), field),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/**
 * A body class may carry a quick check of its own, for a body sent so often (a registration when
 * an event opens) that class-transformer and class-validator's walk over its decorators is a large
 * part of the request's cost. `accept` answers the DTO exactly as the full pipe would build it when
 * the body plainly passes every rule, or null for anything else, and the full validation then
 * decides and words the errors. So it may turn away a valid body, never let an invalid one through.
 */
export interface QuickBody<T> {
  accept(body: unknown): T | null;
}

function hasQuickCheck(type: unknown): type is QuickBody<unknown> {
  return typeof type === 'function' && typeof (type as Partial<QuickBody<unknown>>).accept === 'function';
}

class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && hasQuickCheck(metadata.metatype)) {
      const dto = metadata.metatype.accept(value);
      if (dto !== null) return dto;
    }
    return super.transform(value, metadata);
  }
}

/** The building blocks of a quick check: each answers whether a value plainly passes, nothing more. */
export const quick = {
  /**
   * A JSON object (not null, not an array, made by JSON.parse) whose keys are all among `known`
   * (any key when it is left out). A `__proto__` key is never plain.
   */
  object(value: unknown, known?: ReadonlySet<string>): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    if (Object.getPrototypeOf(value) !== Object.prototype) return false;
    for (const key of Object.keys(value)) {
      if (key === '__proto__' || (known && !known.has(key))) return false;
    }
    return true;
  },
  /** A string of `min`..`max` UTF-16 units and nothing class-validator would count differently. */
  text(value: unknown, min: number, max: number): value is string {
    // Surrogate pairs and variation selectors count as one character there; leave them to it.
    return (
      typeof value === 'string' &&
      value.length >= min &&
      value.length <= max &&
      /^[^\uD800-\uDFFF\uFE0E\uFE0F]*$/.test(value)
    );
  },
};

export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validateCustomDecorators: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const list = flattenValidationErrors(errors);
      return new InvalidRequestError(
        list.length === 1 ? list[0].message : `${list.length} fields failed validation`,
        list.length ? list : [{ field: '(body)', message: 'the body must be a JSON object' }],
      );
    },
  });
}
