import type { FieldError } from '../common/errors';
import { LOCALES, type Locale } from '../common/locales';

/**
 * An event's words in several languages. The base fields (title, summary, description, venue) are
 * written in the event's content language; `translations` holds the same fields in other
 * locales, each field optional. A reader gets their locale field by field, falling back to the
 * base for a field its translation lacks.
 */
export const TRANSLATED_FIELDS = ['title', 'summary', 'description', 'venue'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];
export type EventTranslation = Partial<Record<TranslatedField, string>>;
export type EventTranslations = Partial<Record<Locale, EventTranslation>>;

/** The same limits as the base fields. */
export const TRANSLATED_MAX: Record<TranslatedField, number> = {
  title: 200,
  summary: 500,
  description: 20000,
  venue: 500,
};

export interface EventContent {
  title: string;
  summary: string;
  description: string;
  venue: string | null;
  contentLocale: Locale;
  translations: EventTranslations;
}

/** The fields `F` of an event, and what its languages are. */
export type EventWords<F extends TranslatedField> = Pick<EventContent, F | 'contentLocale' | 'translations'>;

/** Some of an event's fields in one language, and which. */
export type LocalizedContent<F extends TranslatedField = TranslatedField> = Pick<EventContent, F> & {
  /** The language the answer is in: the asked one when the event has it, else the content language. */
  locale: Locale;
};

/** The content language and every locale with a translation, in the order of LOCALES. */
export function availableLocales(e: Pick<EventContent, 'contentLocale' | 'translations'>): Locale[] {
  return LOCALES.filter((l) => l === e.contentLocale || hasTranslation(e.translations, l));
}

function hasTranslation(translations: EventTranslations, locale: Locale): boolean {
  const t = translations[locale];
  return !!t && TRANSLATED_FIELDS.some((f) => typeof t[f] === 'string');
}

/**
 * The event's `fields` in `asked` (null: its own language), field by field with the base as the
 * fallback. A translation applies only where the event has the field (no venue, no translated venue).
 */
export function localize<F extends TranslatedField = TranslatedField>(
  e: EventWords<F>,
  asked: Locale | null,
  fields: readonly F[] = TRANSLATED_FIELDS as readonly TranslatedField[] as readonly F[],
): LocalizedContent<F> {
  const translated = !!asked && asked !== e.contentLocale && hasTranslation(e.translations, asked);
  const t: EventTranslation = translated ? e.translations[asked]! : {};
  const out = { locale: translated ? asked : e.contentLocale } as LocalizedContent<F>;
  for (const f of fields) {
    const base = e[f] as string | null;
    (out as Record<string, unknown>)[f] = base !== null && typeof t[f] === 'string' ? t[f] : base;
  }
  return out;
}

/** One locale's translation as a client sends it: null or blank fields mean "none". */
export type TranslationInput = Partial<Record<TranslatedField, string | null>> | null;

/** Keeps the fields that say something (trimmed, not blank); null when none does. */
function cleanTranslation(input: TranslationInput | undefined): EventTranslation | null {
  if (!input) return null;
  const out: EventTranslation = {};
  for (const f of TRANSLATED_FIELDS) {
    const value = input[f];
    if (typeof value === 'string' && value.trim()) out[f] = value.trim();
  }
  return Object.keys(out).length ? out : null;
}

/**
 * `current` with `changes` applied locale by locale: a locale given replaces that locale's
 * translation whole, null (or nothing but blanks) removes it, a locale left out stays as it is.
 * On create, `current` is empty.
 */
export function mergeTranslations(
  current: EventTranslations,
  changes: Partial<Record<Locale, TranslationInput>>,
): EventTranslations {
  const out: EventTranslations = {};
  for (const locale of LOCALES) {
    const given = changes[locale];
    const next = given !== undefined ? cleanTranslation(given) : (current[locale] ?? null);
    if (next) out[locale] = next;
  }
  return out;
}

/** A translation in the content language would contradict the base fields: it is refused. */
export function translationErrors(e: Pick<EventContent, 'contentLocale' | 'translations'>): FieldError[] {
  return e.translations[e.contentLocale]
    ? [
        {
          field: `translations.${e.contentLocale}`,
          message: `translations.${e.contentLocale} is the content language (contentLocale): write it in the base fields`,
        },
      ]
    : [];
}
