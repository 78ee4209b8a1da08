/** The languages of the web app (and of mail). */
export const WEB_LOCALES = ['en', 'zh-CN', 'ne'] as const;
export type WebLocale = (typeof WEB_LOCALES)[number];

/** A locale named by `?lang=` (en, zh-CN or zh, ne), else null. */
export function localeOf(value: string | undefined): WebLocale | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v.startsWith('zh-')) return 'zh-CN';
  if (v === 'ne' || v.startsWith('ne-')) return 'ne';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return null;
}

/** `?lang=` first, else the best of `Accept-Language` by its q-values, else English. */
export function negotiateLocale(lang: string | undefined, acceptLanguage: string | undefined): WebLocale {
  const asked = localeOf(lang);
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return WEB_LOCALES[0];
}
