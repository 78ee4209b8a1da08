import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession, type User } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Problem';

/** Pages of an account: a visitor is asked to sign in and comes back here afterwards. */
export function RequireSignIn(props: { title: string; children: (user: User) => ReactNode }) {
  const { user, loading } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (loading) {
    return (
      <Page title={props.title}>
        <Loading />
      </Page>
    );
  }
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Page title={props.title}>
        <p>{t('account.signInToSee')}</p>
        <p>
          <Link className="button" to={`/login?next=${next}`}>
            {t('app.nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  }
  return <>{props.children(user)}</>;
}
