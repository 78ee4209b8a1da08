import { useMemo } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { EventCard } from './event-bits';
import { useEvents, usePrograms, type EventItem } from './queries';

/** Upcoming events, grouped by the program they belong to. */
export default function HomePage() {
  const { t } = useI18n();
  const from = useMemo(() => new Date().toISOString(), []);
  const events = useEvents({ from }, 50);
  const programs = usePrograms();

  const groups = useMemo(() => {
    const byProgram = new Map<string | null, EventItem[]>();
    for (const e of events.data?.items ?? []) {
      const list = byProgram.get(e.programId) ?? [];
      list.push(e);
      byProgram.set(e.programId, list);
    }
    const names = new Map((programs.data?.items ?? []).map((p) => [p.id, p.name]));
    return [...byProgram.entries()]
      .map(([id, items]) => ({ id, name: id ? (names.get(id) ?? null) : null, items }))
      .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : 0));
  }, [events.data, programs.data]);

  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      {events.isPending && <Loading />}
      {events.isError && <ProblemNotice error={events.error} onRetry={() => void events.refetch()} />}
      {events.data && events.data.items.length === 0 && <p>{t('home.none')}</p>}
      {groups.map((g) => (
        <section key={g.id ?? 'none'} className="group" aria-labelledby={`group-${g.id ?? 'none'}`}>
          <h2 id={`group-${g.id ?? 'none'}`}>{g.name ?? t('home.otherEvents')}</h2>
          <div className="cards">
            {g.items.map((e) => (
              <EventCard key={e.id} event={e} headingLevel={3} />
            ))}
          </div>
        </section>
      ))}
      <p>
        <Link to="/events" className="button button-secondary">
          {t('home.allEvents')}
        </Link>
      </p>
    </Page>
  );
}
