import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Loading } from '../ui/Problem';

/** The check-in app at the door: its own entry point. Today a shell; offline check-in comes with its issue. */
export function CheckinApp() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <a href="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Kinship</span>
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main">
        <h1>{t('shell.checkinTitle')}</h1>
        {loading ? (
          <Loading />
        ) : !user ? (
          <p>
            <a className="button" href={`/login?next=${encodeURIComponent(location.pathname)}`}>
              {t('app.nav.signIn')}
            </a>
          </p>
        ) : (
          <p>{t('shell.checkinSoon')}</p>
        )}
      </main>
    </>
  );
}
