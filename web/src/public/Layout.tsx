import { useEffect, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { OfflineBanner } from '../ui/OfflineBanner';

/** Header (home, navigation, language), the page, a footer; the same on every public page. */
export function Layout(props: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { user } = useSession();

  // The account's language wins (DESIGN.md, "Languages"): a signed-in family sees its own.
  useEffect(() => {
    if (user && user.locale !== locale) setLocale(user.locale);
    // only when the account is first known or changes, not when the visitor switches
  }, [user?.id, user?.locale]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Kinship</span>
          </Link>
          <nav aria-label={t('app.navLabel')}>
            <ul>
              <li>
                <NavLink to="/events">{t('app.nav.events')}</NavLink>
              </li>
              {user ? (
                <>
                  <li>
                    <NavLink to="/me/registrations">{t('app.nav.myRegistrations')}</NavLink>
                  </li>
                  {user.roles.includes('sponsor') && (
                    <li>
                      <NavLink to="/me/sponsorships">{t('sponsor.navLink')}</NavLink>
                    </li>
                  )}
                  <li>
                    <NavLink to="/me" end>
                      {t('app.nav.account')}
                    </NavLink>
                  </li>
                </>
              ) : (
                <li>
                  <NavLink to="/login">{t('app.nav.signIn')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <LanguageSwitch
            onChange={(next) => {
              if (user)
                void call(
                  api.PATCH('/api/v1/me', { body: { locale: next as Schemas['UpdateMeDto']['locale'] } }),
                ).catch(() => undefined);
            }}
          />
        </div>
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
