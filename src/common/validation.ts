import { ValidationError, ValidationPipe } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
