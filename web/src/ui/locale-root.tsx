import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useCallback, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setApiLanguage } from '../api/client';
import type { Catalog } from '../i18n/en';
import { I18nProvider, isLocale, loadCatalog, localeFrom, type Locale } from '../i18n/i18n';
import './base.css';

const SAVED = 'kinship.lang';

/** The language to start in: `?lang=` (mail links carry it), else the last one chosen here, else the browser's. */
export function initialLocale(): Locale {
  const asked = localeFrom(new URLSearchParams(location.search).get('lang'));
  if (asked) return asked;
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(SAVED);
  } catch {
    // storage can be off (private mode): fall through to the browser's languages
  }
  if (isLocale(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const l = localeFrom(tag);
    if (l) return l;
  }
  return 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(SAVED, locale);
  } catch {
    // not kept: the next visit starts from the browser's language
  }
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Offline, a request fails at once and says so (instead of waiting unseen for the network).
        networkMode: 'always',
        // A 4xx will not change by asking again, nor will anything while offline; a 5xx may.
        retry: (count, e) =>
          count < 2 && navigator.onLine && !(e instanceof ApiError && e.status >= 400 && e.status < 500),
        refetchOnWindowFocus: true,
        staleTime: 15_000,
      },
      mutations: { networkMode: 'always' },
    },
  });
}

function LocaleRoot(props: { locale: Locale; catalog: Catalog; client: QueryClient; children: ReactNode }) {
  const [state, setState] = useState({ locale: props.locale, catalog: props.catalog });
  const setLocale = useCallback(
    (locale: Locale) => {
      rememberLocale(locale);
      void loadCatalog(locale).then((catalog) => {
        setState({ locale, catalog });
        // Event content comes back in the new language.
        void props.client.invalidateQueries();
      });
    },
    [props.client],
  );
  useEffect(() => {
    document.documentElement.lang = state.locale;
    setApiLanguage(state.locale);
  }, [state.locale]);
  return (
    <I18nProvider locale={state.locale} catalog={state.catalog} setLocale={setLocale}>
      {props.children}
    </I18nProvider>
  );
}

/** Starts an entry point: picks the language, loads its words, then renders. */
export async function boot(app: ReactNode): Promise<void> {
  const locale = initialLocale();
  setApiLanguage(locale);
  document.documentElement.lang = locale;
  const catalog = await loadCatalog(locale);
  const client = makeQueryClient();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <LocaleRoot locale={locale} catalog={catalog} client={client}>
          {app}
        </LocaleRoot>
      </QueryClientProvider>
    </StrictMode>,
  );
}
