import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A path id that is not a uuid names nothing: 404, never a 500 from Postgres. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!isUuid(value)) throw new NotFoundError(meta.data === 'id' ? 'The resource' : (meta.data ?? 'The resource'));
    return value.toLowerCase();
  }
}
