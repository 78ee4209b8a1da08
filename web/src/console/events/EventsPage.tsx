import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { Pager, usePageParam } from '../Pager';
import { EventStatus } from './EventStatus';

const LIMIT = 20;

/** The organizer's events (every event for an admin): upcoming first, then past ones. */
export default function EventsPage() {
  const { t, format } = useConsoleI18n();
  const [page, setPage] = usePageParam();
  const list = useQuery({
    queryKey: ['console', 'events', page],
    queryFn: () => call(api.GET('/api/v1/events', { params: { query: { mine: 'true', page, limit: LIMIT } } })),
  });
  return (
    <Page title={t('console.events.title')}>
      <p>
        <Link className="button" to="/console/events/new">
          {t('console.editor.newLink')}
        </Link>
      </p>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p>{t('console.events.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="result-count">{t('console.events.count', { count: list.data.total })}</p>
          <ul className="cards plain">
            {list.data.items.map((e) => (
              <li key={e.id} className="card">
                <h2 className="card-title">
                  <Link to={`/console/events/${e.id}`}>{e.title}</Link>
                </h2>
                <p>
                  {format.span(e.startsAt, e.endsAt, e.timezone)} ({format.zoneName(e.timezone, e.startsAt)})
                </p>
                <p className="card-meta">
                  <EventStatus status={e.status} />{' '}
                  <span>{t('console.events.seats', { taken: e.seatsTaken, capacity: e.capacity })}</span>
                  {e.waitlistCount > 0 && <span> · {t('console.events.waitlist', { count: e.waitlistCount })}</span>}
                </p>
              </li>
            ))}
          </ul>
          <Pager page={page} total={list.data.total} limit={LIMIT} onPage={setPage} />
        </>
      )}
    </Page>
  );
}
