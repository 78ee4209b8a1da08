import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { viewerZone } from '../../i18n/format';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { ConfirmButton } from '../Confirm';
import { useConsoleI18n } from '../i18n/words';
import { isLive, percentTaken } from './chart';
import { EventStatus } from './EventStatus';
import { OwnEvent } from './OwnEvent';
import { exportUrl } from './queries';
import { TimelineChart } from './TimelineChart';

const LIVE_EVERY_MS = 15_000;

/** One event at a glance: seats, families by status, persons checked in, registrations over time. */
export default function DashboardPage() {
  const { id = '' } = useParams();
  const { t } = useConsoleI18n();
  return (
    <OwnEvent id={id} title={t('console.dashboard.title')}>
      {(event) => <Dashboard event={event} />}
    </OwnEvent>
  );
}

function Dashboard(props: { event: Schemas['EventResponse'] }) {
  const { event } = props;
  const { t, format } = useConsoleI18n();
  const live = isLive(event, Date.now());
  const refetchInterval = live ? LIVE_EVERY_MS : false;
  const stats = useQuery({
    queryKey: ['console', 'stats', event.id],
    queryFn: () => call(api.GET('/api/v1/events/{id}/stats', { params: { path: { id: event.id } } })),
    refetchInterval,
  });
  const timeline = useQuery({
    queryKey: ['console', 'timeline', event.id],
    queryFn: () => call(api.GET('/api/v1/events/{id}/stats/timeline', { params: { path: { id: event.id } } })),
    refetchInterval,
  });
  const refresh = () => {
    void stats.refetch();
    void timeline.refetch();
  };
  const updatedAt = stats.dataUpdatedAt ? new Date(stats.dataUpdatedAt).toISOString() : null;
  return (
    <Page title={event.title}>
      <p>
        {format.span(event.startsAt, event.endsAt, event.timezone)} ({format.zoneName(event.timezone, event.startsAt)})
      </p>
      <p>
        <EventStatus status={event.status} />
      </p>
      <nav className="console-links" aria-label={t('console.dashboard.linksLabel')}>
        {event.status !== 'cancelled' && event.status !== 'completed' && (
          <Link className="button button-secondary" to={`/console/events/${event.id}/edit`}>
            {t('console.editor.editLink')}
          </Link>
        )}
        {event.status === 'published' && (
          <Link className="button button-secondary" to={`/console/events/${event.id}/messages`}>
            {t('console.messages.link')}
          </Link>
        )}
        <Link className="button button-secondary" to={`/console/events/${event.id}/attendees`}>
          {t('console.dashboard.attendees')}
        </Link>
        <Link className="button button-secondary" to={`/console/events/${event.id}/waitlist`}>
          {t('console.dashboard.waitlist')}
        </Link>
        <a className="button button-secondary" href={exportUrl(event.id)} download>
          {t('console.dashboard.export')}
        </a>
        {event.programId && (
          <Link className="button button-secondary" to={`/console/programs/${event.programId}`}>
            {t('console.program.link')}
          </Link>
        )}
      </nav>

      <section aria-labelledby="capacity-heading">
        <h2 id="capacity-heading">{t('console.dashboard.capacity')}</h2>
        {stats.isPending && <Loading />}
        {stats.isError && <ProblemNotice error={stats.error} onRetry={refresh} />}
        {stats.data && <Stats stats={stats.data} />}
        <div className="refresh-row">
          <p className="hint">
            {live ? t('console.dashboard.live') : t('console.dashboard.notLive')}
            {updatedAt && <>{t('console.dashboard.updatedAt', { at: format.instant(updatedAt, viewerZone()) })}</>}
          </p>
          <button type="button" className="button button-secondary" onClick={refresh} disabled={stats.isFetching}>
            {t('console.dashboard.refresh')}
          </button>
        </div>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('console.dashboard.overTime')}</h2>
        {timeline.isPending && <Loading />}
        {timeline.isError && <ProblemNotice error={timeline.error} onRetry={refresh} />}
        {timeline.data && <TimelineChart days={timeline.data.days} timezone={timeline.data.timezone} />}
      </section>

      <EventActions event={event} />
    </Page>
  );
}

function Stats(props: { stats: Schemas['EventStatsResponse'] }) {
  const { t, format } = useConsoleI18n();
  const s = props.stats;
  const percent = percentTaken(s.seatsTaken, s.capacity);
  return (
    <>
      <p className="gauge-text">
        {t('console.dashboard.seatsTaken', { taken: s.seatsTaken, capacity: s.capacity, percent })}
      </p>
      <div className="gauge" aria-hidden="true">
        <div className="gauge-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="stat-grid">
        <div>
          <dt>{t('console.stats.confirmed')}</dt>
          <dd>{format.number(s.confirmed)}</dd>
        </div>
        <div>
          <dt>{t('console.stats.waitlisted')}</dt>
          <dd>{format.number(s.waitlisted)}</dd>
        </div>
        <div>
          <dt>{t('console.stats.cancelled')}</dt>
          <dd>{format.number(s.cancelled)}</dd>
        </div>
        <div>
          <dt>{t('console.stats.checkedIn')}</dt>
          <dd>{t('console.stats.ofPersons', { count: s.checkedIn, total: s.seatsTaken })}</dd>
        </div>
        <div>
          <dt>{t('console.stats.adults')}</dt>
          <dd>{format.number(s.adults)}</dd>
        </div>
        <div>
          <dt>{t('console.stats.children')}</dt>
          <dd>{format.number(s.children)}</dd>
        </div>
      </dl>
      <p className="hint">{t('console.stats.note')}</p>
    </>
  );
}

/** Publish a draft; cancel a published event (every family is told by mail). */
function EventActions(props: { event: Schemas['EventResponse'] }) {
  const { t } = useConsoleI18n();
  const client = useQueryClient();
  const { event } = props;
  const act = useMutation({
    mutationFn: (what: 'publish' | 'cancel') =>
      what === 'publish'
        ? call(api.POST('/api/v1/events/{id}/publish', { params: { path: { id: event.id } } }))
        : call(api.POST('/api/v1/events/{id}/cancel', { params: { path: { id: event.id } } })),
    onSuccess: (updated) => {
      client.setQueryData(['console', 'event', event.id], updated);
      void client.invalidateQueries({ queryKey: ['console', 'events'] });
    },
  });
  if (event.status !== 'draft' && event.status !== 'published' && !act.isSuccess) return null;
  return (
    <section aria-labelledby="actions-heading" className="danger-zone">
      <h2 id="actions-heading">{t('console.dashboard.actions')}</h2>
      {act.isError && <ProblemNotice error={act.error} />}
      {act.isSuccess && (
        <Notice tone="success">
          <p>{act.variables === 'publish' ? t('console.dashboard.published') : t('console.dashboard.cancelled')}</p>
        </Notice>
      )}
      {event.status === 'draft' && (
        <ConfirmButton
          label={t('console.dashboard.publish')}
          question={t('console.dashboard.publishQuestion')}
          confirmLabel={t('console.dashboard.publishYes')}
          busy={act.isPending}
          onConfirm={() => act.mutate('publish')}
        />
      )}
      {event.status === 'published' && (
        <ConfirmButton
          danger
          label={t('console.dashboard.cancel')}
          question={t('console.dashboard.cancelQuestion')}
          confirmLabel={t('console.dashboard.cancelYes')}
          busy={act.isPending}
          onConfirm={() => act.mutate('cancel')}
        />
      )}
    </section>
  );
}
