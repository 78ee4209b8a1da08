import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from './RequireSignIn';

export default function MyRegistrationsPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('mine.title')}>{() => <Mine />}</RequireSignIn>;
}

function Mine() {
  const { t, format } = useI18n();
  const list = useQuery({
    queryKey: ['me', 'registrations'],
    queryFn: () => call(api.GET('/api/v1/me/registrations', { params: { query: { limit: 100 } } })),
  });
  return (
    <Page title={t('mine.title')}>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <p>
          {t('mine.empty')} <Link to="/events">{t('mine.findEvents')}</Link>
        </p>
      )}
      <ul className="cards plain">
        {list.data?.items.map((r) => (
          <li key={r.id} className="card">
            <h2 className="card-title">
              <Link to={`/registrations/${r.id}`}>{r.event.title}</Link>
            </h2>
            <p>
              {format.span(r.event.startsAt, r.event.endsAt, r.event.timezone)} (
              {format.zoneName(r.event.timezone, r.event.startsAt)})
            </p>
            <p className={`status status-${r.status}`}>
              {r.status === 'confirmed'
                ? t('manage.statusConfirmed', { count: r.partySize })
                : r.status === 'waitlisted'
                  ? t('manage.statusWaitlisted', { position: r.waitlistPosition ?? 0 })
                  : t('manage.statusCancelled')}
            </p>
            {r.event.status !== 'published' && <p className="hint">{t(`mine.eventStatus.${r.event.status}`)}</p>}
          </li>
        ))}
      </ul>
    </Page>
  );
}
