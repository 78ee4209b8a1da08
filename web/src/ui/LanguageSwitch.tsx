import { useId } from 'react';
import { LOCALE_NAMES, LOCALES, useI18n, type Locale } from '../i18n/i18n';

/** The language of the page, on every page; each language named in itself. */
export function LanguageSwitch(props: { onChange?: (locale: Locale) => void }) {
  const { t, locale, setLocale } = useI18n();
  const id = `lang${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          const next = e.target.value as Locale;
          setLocale(next);
          props.onChange?.(next);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
