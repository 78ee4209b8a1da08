import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { SelectField, TextField } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { EventCard } from './event-bits';
import { useEvents, usePrograms, type EventFilters, type EventItem } from './queries';

const KINDS: EventItem['kind'][] = [
  'celebration',
  'competition',
  'program-session',
  'webinar',
  'workshop',
  'forum',
  'other',
];
const FORMATS: EventItem['format'][] = ['in_person', 'online', 'hybrid'];
const LIMIT = 20;

/** Search and filters live in the address, so a search can be shared and the Back button works. */
export default function EventsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: EventFilters = {
    q: params.get('q') || undefined,
    kind: (params.get('kind') as EventItem['kind']) || undefined,
    format: (params.get('format') as EventItem['format']) || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    programId: params.get('programId') || undefined,
    page: Number(params.get('page')) || 1,
  };
  const events = useEvents(filters, LIMIT);
  const programs = usePrograms();
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / LIMIT)) : 1;

  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <Page title={t('events.title')}>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const [k, v] of data.entries()) if (typeof v === 'string' && v) next.set(k, v);
          setParams(next);
        }}
      >
        <TextField label={t('events.search')} name="q" type="search" defaultValue={filters.q} maxLength={200} />
        <div className="filter-row">
          <SelectField label={t('events.kind')} name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('events.anyKind')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('events.format')} name="format" defaultValue={filters.format ?? ''}>
            <option value="">{t('events.anyFormat')}</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="filter-row">
          <TextField label={t('events.from')} name="from" type="date" defaultValue={filters.from} />
          <TextField label={t('events.to')} name="to" type="date" defaultValue={filters.to} />
        </div>
        <SelectField label={t('events.program')} name="programId" defaultValue={filters.programId ?? ''}>
          <option value="">{t('events.anyProgram')}</option>
          {(programs.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button">
            {t('events.apply')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setParams(new URLSearchParams())}>
            {t('events.clear')}
          </button>
        </div>
      </form>

      <section aria-labelledby="results-title" aria-busy={events.isFetching}>
        <h2 id="results-title" className="visually-hidden">
          {t('events.results')}
        </h2>
        {events.isPending && <Loading />}
        {events.isError && <ProblemNotice error={events.error} onRetry={() => void events.refetch()} />}
        {events.data && (
          <p role="status" className="result-count">
            {t('events.found', { count: events.data.total })}
          </p>
        )}
        <div className="cards">
          {events.data?.items.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </div>
        {events.data && pages > 1 && (
          <nav className="pager" aria-label={t('events.pages')}>
            <button
              type="button"
              className="button button-secondary"
              disabled={filters.page! <= 1}
              onClick={() => goTo(filters.page! - 1)}
            >
              {t('events.previous')}
            </button>
            <span>{t('events.pageOf', { page: filters.page!, pages })}</span>
            <button
              type="button"
              className="button button-secondary"
              disabled={filters.page! >= pages}
              onClick={() => goTo(filters.page! + 1)}
            >
              {t('events.next')}
            </button>
          </nav>
        )}
      </section>
    </Page>
  );
}
