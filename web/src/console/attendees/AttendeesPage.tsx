import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { SelectField, TextField } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { filterParams, Pager, usePageParam } from '../Pager';
import { exportUrl, useEvent } from '../events/queries';
import { RegistrationStatus } from './RegistrationStatus';

const LIMIT = 20;
const STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (v: string | null): v is Status => !!v && (STATUSES as readonly string[]).includes(v);

/**
 * The families of one event, in request order: search by name, email or code, filter by status,
 * page through. `status=waitlisted` is the waitlist in order. The search lives in the URL.
 */
export default function AttendeesPage() {
  const { id = '' } = useParams();
  const { t, format } = useConsoleI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const [page, setPage] = usePageParam();
  const [typed, setTyped] = useState(q);
  const [picked, setPicked] = useState<string>(status ?? '');
  // The URL may change under the form (a link to the waitlist): the form follows it.
  useEffect(() => {
    setTyped(q);
    setPicked(status ?? '');
  }, [q, status]);
  const event = useEvent(id);
  const list = useQuery({
    queryKey: ['console', 'registrations', id, q, status ?? '', page],
    queryFn: () =>
      call(
        api.GET('/api/v1/events/{id}/registrations', {
          params: { path: { id }, query: { q: q || undefined, status, page, limit: LIMIT } },
        }),
      ),
  });

  function search(e: FormEvent) {
    e.preventDefault();
    setParams(filterParams({ q: typed, status: picked }));
  }

  const waitlist = status === 'waitlisted';
  const title = waitlist ? t('console.attendees.waitlistTitle') : t('console.attendees.title');
  return (
    <Page title={title} lead={event.data?.title}>
      <p>
        <Link to={`/console/events/${id}`}>{t('console.attendees.toDashboard')}</Link>
        {' · '}
        <a href={exportUrl(id)} download>
          {t('console.dashboard.export')}
        </a>
      </p>
      <form className="filters" role="search" onSubmit={search}>
        <div className="filter-row">
          <TextField
            label={t('console.attendees.search')}
            hint={t('console.attendees.searchHint')}
            type="search"
            value={typed}
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
          />
          <SelectField label={t('console.attendees.status')} value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">{t('console.attendees.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`console.stats.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('console.attendees.searchButton')}
          </button>
        </div>
      </form>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p className="result-count" role="status">
            {t('console.attendees.count', { count: list.data.total })}
          </p>
          {list.data.items.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
              <table className="attendees">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{waitlist ? t('console.attendees.position') : t('console.attendees.code')}</th>
                    <th scope="col">{t('console.attendees.family')}</th>
                    <th scope="col">{t('console.attendees.persons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((r) => (
                    <tr key={r.id}>
                      <td className="code-cell">{waitlist ? format.number(r.waitlistPosition ?? 0) : r.code}</td>
                      <th scope="row">
                        <Link to={`/console/events/${id}/attendees/${r.id}`}>{r.contact.name}</Link>
                        <span className="cell-line">
                          <RegistrationStatus status={r.status} position={r.waitlistPosition} />
                        </span>
                        <span className="cell-line hint">{r.contact.email}</span>
                        <span className="cell-line hint">
                          {t('console.attendees.registeredOn', {
                            at: event.data ? format.instant(r.createdAt, event.data.timezone) : r.createdAt,
                          })}
                        </span>
                      </th>
                      <td>{format.number(r.partySize)}</td>
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
