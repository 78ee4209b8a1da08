import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { viewerZone, zonesDiffer } from '../../i18n/format';
import type { EventItem } from './queries';

/** When: in the event's own zone, named; and in the viewer's zone as well when the clocks differ. */
export function EventWhen(props: { event: EventItem; compact?: boolean }) {
  const { t, format } = useI18n();
  const { startsAt, endsAt, timezone } = props.event;
  const mine = viewerZone();
  return (
    <>
      <span className="when">
        {format.span(startsAt, endsAt, timezone)} ({format.zoneName(timezone, startsAt)})
      </span>
      {!props.compact && zonesDiffer(timezone, mine, startsAt) && (
        <span className="when-mine">
          {t('event.yourTime', {
            time: `${format.span(startsAt, endsAt, mine)} (${format.zoneName(mine, startsAt)})`,
          })}
        </span>
      )}
    </>
  );
}

export function EventWhere(props: { event: EventItem }) {
  const { t } = useI18n();
  const { format, venue } = props.event;
  if (format === 'online') return <>{t('event.online')}</>;
  if (format === 'hybrid') return <>{venue ? t('event.hybridAt', { venue }) : t('event.online')}</>;
  return <>{venue ?? ''}</>;
}

/** Seats left, or that the waitlist is open, or full. */
export function Seats(props: { event: EventItem }) {
  const { t } = useI18n();
  const e = props.event;
  if (e.seatsRemaining > 0) return <>{t('event.seatsLeft', { count: e.seatsRemaining })}</>;
  return <>{e.waitlistEnabled ? t('event.fullWaitlist') : t('event.full')}</>;
}

export function EventCard(props: { event: EventItem; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const e = props.event;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <article className="card event-card">
      <Heading className="card-title">
        <Link to={`/events/${e.slug}`}>{e.title}</Link>
      </Heading>
      <p className="card-meta">
        <span className="tag">{t(`kinds.${e.kind}`)}</span> <span className="tag">{t(`formats.${e.format}`)}</span>
      </p>
      <p>
        <EventWhen event={e} compact />
      </p>
      {e.format !== 'online' && (
        <p>
          <EventWhere event={e} />
        </p>
      )}
      {e.summary && <p className="summary">{e.summary}</p>}
      {e.status === 'published' && (
        <p className="seats">
          <Seats event={e} />
        </p>
      )}
    </article>
  );
}
