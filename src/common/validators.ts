import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isCalendarDate } from './dates';
import { isSlug, SLUG_MAX } from './slug';

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

/** Lower-case letters and digits joined by single hyphens, at most 120 characters, not shaped like a uuid. */
export const IsSlug = rule(
  'isSlug',
  (p) => `${p} must be lower-case letters and digits joined by single hyphens (at most ${SLUG_MAX})`,
  (v) => typeof v === 'string' && isSlug(v),
);

/** Surrounding white space is dropped before the other rules run. */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
