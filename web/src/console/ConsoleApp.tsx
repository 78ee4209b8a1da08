import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Loading } from '../ui/Problem';

/**
 * The organizers' console: its own entry point, so families never download its code. Today a
 * shell that checks who is signed in; the pages come with the console's own issue.
 */
export function ConsoleApp() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const allowed = !!user && (user.roles.includes('organizer') || user.roles.includes('admin'));
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
        <h1>{t('shell.consoleTitle')}</h1>
        {loading ? (
          <Loading />
        ) : !user ? (
          <p>
            <a className="button" href={`/login?next=${encodeURIComponent(location.pathname)}`}>
              {t('app.nav.signIn')}
            </a>
          </p>
        ) : allowed ? (
          <p>{t('shell.consoleSoon')}</p>
        ) : (
          <p>{t('shell.organizersOnly')}</p>
        )}
      </main>
    </>
  );
}
