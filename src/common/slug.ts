import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isUuid } from '../common/ids';

/** Readable ids in URLs: lower-case ascii letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The slug columns are varchar(120). */
export const SLUG_MAX = 120;
/** A generated base stays shorter than the column, so a -2, -3 … suffix always fits. */
const BASE_MAX = 100;

/** Letters NFKD does not take apart into a base letter and a mark. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** A slug may name an object by itself; one shaped like a uuid would be read as an id instead. */
export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX && SLUG_PATTERN.test(value) && !isUuid(value);
}

/**
 * "International Day of Families 2027" → "international-day-of-families-2027". Accents are
 * dropped ("Café" → "cafe"); scripts without an ascii spelling (Chinese, Arabic …) are not
 * transliterated: what is left is prefixed by `fallback`, and an empty result is `fallback` itself,
 * so "国际家庭日 2027" → "event-2027" and "国际家庭日" → "event".
 */
export function slugify(text: string, fallback: string): string {
  let slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøđðłþı]/g, (c) => FOLD[c])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > BASE_MAX) slug = slug.slice(0, BASE_MAX).replace(/-+$/, '');
  if (!slug) return fallback;
  if (!/[a-z]/.test(slug) || isUuid(slug)) return `${fallback}-${slug}`.slice(0, BASE_MAX).replace(/-+$/, '');
  return slug;
}

/** `base` with the n-th suffix (n ≥ 2), cut so the whole stays within SLUG_MAX. */
export function withSuffix(base: string, n: number): string {
  const suffix = `-${n}`;
  return base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '') + suffix;
}

/** `base` when free, else the lowest free `base-2`, `base-3` … */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = withSuffix(base, n);
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * Inserts under a free slug, race-safe: the unique index decides, not the read. A `given` slug is
 * tried once (null when taken); a generated one is recomputed and tried again when another insert
 * took it between the read of taken slugs and the insert.
 */
export async function insertWithFreeSlug<T>(opts: {
  given?: string;
  base: string;
  taken: (base: string) => Promise<string[]>;
  insert: (slug: string) => Promise<T | null>;
  attempts?: number;
}): Promise<T | null> {
  if (opts.given !== undefined) return opts.insert(opts.given);
  const attempts = opts.attempts ?? 5;
  for (let i = 0; i < attempts; i++) {
    const row = await opts.insert(firstFreeSlug(opts.base, await opts.taken(opts.base)));
    if (row) return row;
  }
  throw new Error(`no free slug for "${opts.base}" after ${attempts} attempts`);
}

/** `base` and every `base-<n>` in use in `table`, to pick the next free slug from. */
export async function slugsInUse(
  db: Pick<DataSource, 'query'>,
  table: 'events' | 'programs',
  base: string,
): Promise<string[]> {
  const rows: { slug: string }[] = await db.query(
    `SELECT slug FROM ${table} WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`,
    [base],
  );
  return rows.map((r) => r.slug);
}

/** Inserts a row unless its slug is taken; the unique index decides. Answers the new id, or null. */
export async function insertUnlessSlugTaken<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<string | null> {
  const res = await db
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values)
    .orIgnore()
    .returning('id')
    .updateEntity(false)
    .execute();
  const rows = res.raw as { id: string }[];
  return rows[0]?.id ?? null;
}
