import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Catalog } from './en';
import { makeFormat, type Format } from './format';

export const LOCALES = ['en', 'zh-CN', 'ne'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name, as its speakers write it (the switch shows these). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', ne: 'नेपाली' };

/** A text that changes with a count: the forms Intl.PluralRules names (Chinese uses only `other`). */
export interface Plural {
  one?: string;
  other: string;
}

type Leaf = string | Plural;
type Join<K extends string, P extends string> = `${K}.${P}`;

/** Every key of the catalogue, written as a path: 'register.submit'. */
export type Key<T = Catalog> = {
  [K in keyof T & string]: T[K] extends string
    ? K
    : keyof T[K] extends 'one' | 'other'
      ? K
      : T[K] extends object
        ? Join<K, Key<T[K]>>
        : never;
}[keyof T & string];

export type Params = Record<string, string | number>;
export type Translate = (key: Key, params?: Params) => string;

const loaders: Record<Locale, () => Promise<Catalog>> = {
  en: () => import('./en').then((m) => m.en),
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  ne: () => import('./ne').then((m) => m.ne),
};

export function loadCatalog(locale: Locale): Promise<Catalog> {
  return loaders[locale]();
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `?lang=` values as mail links write them (en, zh-CN or zh, ne). */
export function localeFrom(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (v === 'zh' || v.startsWith('zh-')) return 'zh-CN';
  if (v === 'ne' || v.startsWith('ne-')) return 'ne';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return null;
}

function lookup(catalog: Catalog, key: string): Leaf | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as Leaf | undefined;
}

export function translate(catalog: Catalog, locale: Locale, format: Format, key: Key, params?: Params): string {
  const leaf = lookup(catalog, key);
  if (leaf === undefined) return key;
  let text: string;
  if (typeof leaf === 'string') text = leaf;
  else {
    const count = Number(params?.count ?? 0);
    const form = new Intl.PluralRules(locale).select(count);
    text = (form === 'one' ? leaf.one : undefined) ?? leaf.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? format.number(v) : v;
  });
}

interface I18nValue {
  locale: Locale;
  catalog: Catalog;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: I18nValue & { children: ReactNode }) {
  const { locale, catalog, setLocale, children } = props;
  const value = useMemo(() => ({ locale, catalog, setLocale }), [locale, catalog, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The words and formats of the page's language. */
export function useI18n(): { t: Translate; locale: Locale; format: Format; setLocale: (l: Locale) => void } {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  const { locale, catalog, setLocale } = ctx;
  const format = useMemo(() => makeFormat(locale), [locale]);
  const t = useCallback<Translate>(
    (key, params) => translate(catalog, locale, format, key, params),
    [catalog, locale, format],
  );
  return { t, locale, format, setLocale };
}
