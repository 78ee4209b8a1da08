import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useEvent } from '../events/queries';
import { useConsoleI18n } from '../i18n/words';
import { Pager, usePageParam } from '../Pager';
import { RegistrationStatus } from './RegistrationStatus';
import '../admin/admin.css';

const LIMIT = 50;

/** An event's waitlist in the order families move up: place, family, persons, since when. */
export default function WaitlistPage() {
  const { id = '' } = useParams();
  const { t, format } = useConsoleI18n();
  const [page, setPage] = usePageParam();
  const event = useEvent(id);
  const list = useQuery({
    queryKey: ['console', 'registrations', id, 'waitlist', page],
    queryFn: () =>
      call(
        api.GET('/api/v1/events/{id}/registrations', {
          params: { path: { id }, query: { status: 'waitlisted', page, limit: LIMIT } },
        }),
      ),
  });
  const title = t('console.admin.waitlist.title');
  const zone = event.data?.timezone ?? 'UTC';
  return (
    <Page title={title} lead={event.data?.title}>
      <p>
        <Link to={`/console/events/${id}`}>{t('console.attendees.toDashboard')}</Link>
      </p>
      <p>{t('console.admin.waitlist.lead')}</p>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p className="result-count" role="status">
            {list.data.total === 0
              ? t('console.admin.waitlist.empty')
              : t('console.admin.waitlist.count', { count: list.data.total })}
          </p>
          {list.data.items.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
              <table className="attendees">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console.admin.waitlist.position')}</th>
                    <th scope="col">{t('console.admin.waitlist.family')}</th>
                    <th scope="col">{t('console.admin.waitlist.persons')}</th>
                    <th scope="col">{t('console.admin.waitlist.since')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((r) => (
                    <tr key={r.id}>
                      <td className="code-cell">{format.number(r.waitlistPosition ?? 0)}</td>
                      <th scope="row">
                        <Link to={`/console/events/${id}/attendees/${r.id}`}>{r.contact.name}</Link>
                        <span className="cell-line">
                          <RegistrationStatus status={r.status} position={r.waitlistPosition} />
                        </span>
                      </th>
                      <td>{format.number(r.partySize)}</td>
                      <td>{format.instant(r.createdAt, zone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} total={list.data.total} limit={LIMIT} onPage={setPage} />
        </>
      )}
    </Page>
  );
}
