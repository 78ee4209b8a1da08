/**
 * The languages Kinship speaks: accounts, registrations, mail, and the languages event content
 * may be written in. Adding one means templates for every mail kind and the web's catalogue.
 */
export const LOCALES = ['en', 'zh-CN', 'ne'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** A language tag as browsers and links write it: letters and digits in subtags joined by - or _. */
const TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * The supported locale a BCP 47 tag asks for, or null: `en`, `en-US` → en; `ne`, `ne-NP` → ne;
 * `zh`, `zh-CN`, `zh-Hans`, also `zh-TW` → zh-CN (the one written Chinese Kinship has, which
 * readers of traditional characters read better than a fallback to English). Case-insensitive.
 */
export function localeOfTag(tag: unknown): Locale | null {
  if (typeof tag !== 'string' || tag.length > 35 || !TAG.test(tag)) return null;
  const language = tag.split(/[-_]/)[0].toLowerCase();
  if (language === 'en') return 'en';
  if (language === 'ne') return 'ne';
  if (language === 'zh') return 'zh-CN';
  return null;
}

/**
 * The best supported locale of an Accept-Language header ("ne-NP,ne;q=0.9,en;q=0.8"): the tags by
 * weight (ties keep their order), the first one Kinship speaks. `*` and q=0 choose nothing; a
 * malformed entry is skipped, never an error (browsers and proxies write what they like).
 */
export function bestOfAcceptLanguage(header: unknown): Locale | null {
  if (typeof header !== 'string' || !header) return null;
  const entries = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      const weight =
        q === undefined ? 1 : /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.test(q) ? Number(q.split('=')[1]) : NaN;
      return { tag: tag.trim(), weight, index };
    })
    .filter((e) => e.weight > 0 && e.weight <= 1)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of entries) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return null;
}

/** How a request asks for a language; each is optional. */
export interface LocaleAsk {
  /** `?lang=`, already checked (localeOfTag). */
  lang?: Locale | null;
  acceptLanguage?: unknown;
  /** The signed-in caller's account locale. */
  callerLocale?: Locale | null;
}

/**
 * The locale a reader asks for: `?lang=`, else the best match of Accept-Language, else the
 * signed-in caller's locale; null when nothing asks (the content's own language is then used).
 */
export function negotiateLocale(ask: LocaleAsk): Locale | null {
  return ask.lang ?? bestOfAcceptLanguage(ask.acceptLanguage) ?? ask.callerLocale ?? null;
}
