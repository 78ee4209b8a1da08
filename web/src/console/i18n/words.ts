import type { Catalog } from '../../i18n/en';
import { loadCatalog, useWords, type I18n, type Locale } from '../../i18n/i18n';
import type { ConsoleWords } from './en';

export type ConsoleCatalog = Catalog & ConsoleWords;

const loaders: Record<Locale, () => Promise<ConsoleWords>> = {
  en: () => import('./en').then((m) => m.consoleEn),
  'zh-CN': () => import('./zh-CN').then((m) => m.consoleZhCN),
  ne: () => import('./ne').then((m) => m.consoleNe),
};

/** The public words and the console's own, in one language. */
export async function loadConsoleCatalog(locale: Locale): Promise<ConsoleCatalog> {
  const [common, own] = await Promise.all([loadCatalog(locale), loaders[locale]()]);
  return { ...common, ...own };
}

export function useConsoleI18n(): I18n<ConsoleCatalog> {
  return useWords<ConsoleCatalog>();
}
