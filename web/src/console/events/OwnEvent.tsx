import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { useEvent } from './queries';

/**
 * An event's page for its organizers: loading, a problem (with a retry), or, for an event that is
 * not theirs, a notice saying so; else `children` with the event. Organizer ids come only to the
 * event's own organizers (and admins), so their absence is how the console knows.
 */
export function OwnEvent(props: {
  id: string;
  title: string;
  children: (event: Schemas['EventResponse']) => ReactNode;
}) {
  const { t } = useConsoleI18n();
  const event = useEvent(props.id);
  if (event.isPending) return <Loading />;
  if (event.isError || !event.data.organizerIds) {
    return (
      <Page title={event.isError ? props.title : event.data.title}>
        {event.isError ? (
          <ProblemNotice error={event.error} onRetry={() => void event.refetch()} />
        ) : (
          <Notice tone="warning">
            <p>{t('console.dashboard.notYours')}</p>
          </Notice>
        )}
        <p>
          <Link to="/console">{t('console.backToEvents')}</Link>
        </p>
      </Page>
    );
  }
  return <>{props.children(event.data)}</>;
}
