import type { Catalog } from '../../i18n/en';
import { loadCatalog, useWords, type I18n, type Locale } from '../../i18n/i18n';
import type { CheckinWords } from './en';

export type CheckinCatalog = Catalog & CheckinWords;

const loaders: Record<Locale, () => Promise<CheckinWords>> = {
  en: () => import('./en').then((m) => m.checkinEn),
  'zh-CN': () => import('./zh-CN').then((m) => m.checkinZhCN),
  ne: () => import('./ne').then((m) => m.checkinNe),
};

/** The public words and the check-in app's own, in one language. */
export async function loadCheckinCatalog(locale: Locale): Promise<CheckinCatalog> {
  const [common, own] = await Promise.all([loadCatalog(locale), loaders[locale]()]);
  return { ...common, ...own };
}

export function useCheckinI18n(): I18n<CheckinCatalog> {
  return useWords<CheckinCatalog>();
}
