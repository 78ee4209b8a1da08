import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import NotFoundPage from '../NotFoundPage';
import { EventWhen, EventWhere, Seats } from './event-bits';
import { useEvent, type EventItem } from './queries';
import { openness } from './registration-window';
import { ClosedNotice } from './ClosedNotice';
import { LostLink } from './LostLink';

export default function EventPage() {
  const { slug = '' } = useParams();
  const event = useEvent(slug);
  const { t } = useI18n();
  if (event.isError && event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
  if (!event.data) {
    return (
      <Page title={t('event.loadingTitle')}>
        {event.isError ? <ProblemNotice error={event.error} onRetry={() => void event.refetch()} /> : <Loading />}
      </Page>
    );
  }
  return <EventDetail event={event.data} />;
}

/** Rules a family must meet, in words: how many may come, which children. */
export function PartyRules(props: { event: EventItem }) {
  const { t } = useI18n();
  const { maxPartySize, childAgeMin, childAgeMax } = props.event;
  return (
    <ul className="rules">
      <li>{t('event.maxParty', { count: maxPartySize })}</li>
      {childAgeMin !== null && childAgeMax !== null && (
        <li>{t('event.childAgesBetween', { min: childAgeMin, max: childAgeMax })}</li>
      )}
      {childAgeMin !== null && childAgeMax === null && <li>{t('event.childAgesFrom', { min: childAgeMin })}</li>}
      {childAgeMin === null && childAgeMax !== null && <li>{t('event.childAgesUpTo', { max: childAgeMax })}</li>}
    </ul>
  );
}

function EventDetail(props: { event: EventItem }) {
  const { t } = useI18n();
  const e = props.event;
  const open = openness(e);
  const full = e.seatsRemaining <= 0;
  return (
    <Page title={e.title} lead={e.summary || undefined}>
      <dl className="facts">
        <div>
          <dt>{t('event.when')}</dt>
          <dd>
            <EventWhen event={e} />
          </dd>
        </div>
        <div>
          <dt>{t('event.where')}</dt>
          <dd>
            <EventWhere event={e} />
            {e.onlineUrl && (
              <>
                {' '}
                <a href={e.onlineUrl} rel="noopener noreferrer">
                  {t('event.joinOnline')}
                </a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('event.kind')}</dt>
          <dd>
            {t(`kinds.${e.kind}`)} · {t(`formats.${e.format}`)}
          </dd>
        </div>
        {e.status === 'published' && (
          <div>
            <dt>{t('event.seats')}</dt>
            <dd>
              <Seats event={e} />
              {e.waitlistCount > 0 && <> · {t('event.waitlistCount', { count: e.waitlistCount })}</>}
            </dd>
          </div>
        )}
      </dl>

      <h2>{t('event.whoCanCome')}</h2>
      <PartyRules event={e} />

      <div className="register-box">
        {open.state === 'open' && (
          <>
            {full && !e.waitlistEnabled ? (
              <Notice tone="warning" live={false}>
                {t('event.fullNoWaitlist')}
              </Notice>
            ) : (
              <>
                {full && <p>{t('event.waitlistExplain')}</p>}
                <Link className="button button-large" to={`/events/${e.slug}/register`}>
                  {full ? t('event.joinWaitlist') : t('event.register')}
                </Link>
              </>
            )}
          </>
        )}
        <ClosedNotice event={e} />
      </div>
      {e.status === 'published' && <LostLink eventId={e.id} />}

      {e.description && (
        <section aria-labelledby="about">
          <h2 id="about">{t('event.about')}</h2>
          {e.description
            .split(/\n{2,}/)
            .filter(Boolean)
            .map((para, i) => (
              <p key={i} className="prose">
                {para}
              </p>
            ))}
        </section>
      )}
    </Page>
  );
}
