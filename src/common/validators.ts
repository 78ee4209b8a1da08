import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isCalendarDate } from './dates';

/** Builds a class-validator property decorator from a predicate and a message. */
export function rule(name: string, message: (property: string) => string, validate: (v: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (object, key) =>
      registerDecorator({
        name,
        target: object.constructor,
        propertyName: String(key),
        options: { message: message(String(key)), ...options },
        validator: { validate },
      });
}

/** A real calendar date written YYYY-MM-DD. */
export const IsCalendarDate = rule('isCalendarDate', (p) => `${p} must be a date written YYYY-MM-DD`, isCalendarDate);

/** May be left out, but not sent as null: the column has no null (PATCH { "name": null } is refused). */
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);
