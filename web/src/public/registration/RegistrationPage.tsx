import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { QrCode } from '../../ui/QrCode';
import { EventWhen, EventWhere } from '../events/event-bits';
import { useEvent, type EventItem } from '../events/queries';
import { ChangeParty } from './ChangeParty';
import { download, googleCalendarUrl, icsFile, type CalendarEvent } from './calendar';
import { manageToken, takeTokenFromAddress, tokenHeaders } from './manage-token';

export type Registration = Schemas['RegistrationResponse'];

export function useRegistration(id: string) {
  return useQuery({
    queryKey: ['registration', id],
    queryFn: () => call(api.GET('/api/v1/registrations/{id}', { params: { path: { id } }, headers: tokenHeaders(id) })),
    // The waitlist moves when others cancel: keep the position live while the page is open.
    refetchInterval: (q) => (q.state.data?.status === 'waitlisted' ? 20_000 : false),
  });
}

export default function RegistrationPage() {
  const { id = '' } = useParams();
  // Before the first request: the token moves from the address into this tab's memory.
  useState(() => takeTokenFromAddress(id));
  const client = useQueryClient();
  useEffect(() => {
    // Another link opened in this tab changes only the fragment: the page does not reload.
    const onHash = () => {
      takeTokenFromAddress(id);
      void client.invalidateQueries({ queryKey: ['registration', id] });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [id, client]);
  const { t } = useI18n();
  const { user } = useSession();
  const registration = useRegistration(id);
  const event = useEvent(registration.data?.eventId ?? '');
  const [erased, setErased] = useState(false);

  if (erased) {
    return (
      <Page title={t('manage.erasedTitle')}>
        <Notice tone="success">{t('manage.erasedBody')}</Notice>
        <p>
          <Link to="/events">{t('manage.toEvents')}</Link>
        </p>
      </Page>
    );
  }

  if (registration.isError) {
    const e = registration.error;
    if (e instanceof ApiError && (e.status === 404 || e.status === 401)) {
      return (
        <Page title={t('manage.unavailableTitle')}>
          <p>{manageToken(id) ? t('manage.linkInvalid') : user ? t('manage.notYours') : t('manage.needLink')}</p>
          <p>{t('manage.getNewLink')}</p>
          <p>
            <Link to="/events">{t('manage.toEvents')}</Link>
            {!user && (
              <>
                {' · '}
                <Link to={`/login?next=${encodeURIComponent(`/registrations/${id}`)}`}>{t('app.nav.signIn')}</Link>
              </>
            )}
          </p>
        </Page>
      );
    }
    return (
      <Page title={t('manage.title')}>
        <ProblemNotice error={e} onRetry={() => void registration.refetch()} />
      </Page>
    );
  }
  if (!registration.data || !event.data) {
    return (
      <Page title={t('manage.title')}>
        {event.isError ? <ProblemNotice error={event.error} onRetry={() => void event.refetch()} /> : <Loading />}
      </Page>
    );
  }
  return <Manage registration={registration.data} event={event.data} onErased={() => setErased(true)} />;
}

function Manage(props: { registration: Registration; event: EventItem; onErased: () => void }) {
  const { registration: r, event } = props;
  const { t } = useI18n();
  const location = useLocation();
  const fresh = (location.state as { fresh?: boolean; manageToken?: string } | null) ?? {};
  const title =
    r.status === 'confirmed'
      ? fresh.fresh
        ? t('manage.confirmedTitle')
        : t('manage.title')
      : r.status === 'waitlisted'
        ? t('manage.waitlistedTitle')
        : t('manage.cancelledTitle');

  return (
    <Page title={title}>
      <section className="card status-card" aria-labelledby="status-title">
        <h2 id="status-title">
          <Link to={`/events/${event.slug}`}>{event.title}</Link>
        </h2>
        <p>
          <EventWhen event={event} />
        </p>
        <p>
          <EventWhere event={event} />
        </p>
        <StatusLine registration={r} />
        {r.status === 'confirmed' && (
          <div className="ticket">
            <QrCode value={r.code} label={t('manage.qrLabel', { code: r.code })} />
            <p>
              {t('manage.code')} <strong className="code">{r.code}</strong>
            </p>
            <p className="hint">{t('manage.showAtDoor')}</p>
          </div>
        )}
        {event.onlineUrl && r.status === 'confirmed' && (
          <p>
            <a href={event.onlineUrl} rel="noopener noreferrer">
              {t('event.joinOnline')}
            </a>
          </p>
        )}
      </section>

      {fresh.fresh && fresh.manageToken && <KeepLink id={r.id} token={fresh.manageToken} />}
      {fresh.fresh && <p>{t('manage.mailSent', { email: r.contact.email })}</p>}

      {r.status !== 'cancelled' && <AddToCalendar registration={r} event={event} />}

      <h2>{t('manage.party')}</h2>
      <ul className="party">
        {r.attendees.map((a) => (
          <li key={a.id}>
            {a.name}{' '}
            <span className="hint">({a.category === 'child' ? t('register.child') : t('register.adult')})</span>
          </li>
        ))}
      </ul>
      {r.status !== 'cancelled' && event.status === 'published' && (
        <>
          <ChangeParty registration={r} event={event} />
          <CancelRegistration registration={r} />
        </>
      )}
      {r.manageToken !== undefined || manageToken(r.id) ? (
        <>
          <ResendLink registration={r} />
          <EraseRegistration registration={r} onErased={props.onErased} />
        </>
      ) : null}
    </Page>
  );
}

function StatusLine(props: { registration: Registration }) {
  const { t } = useI18n();
  const r = props.registration;
  if (r.status === 'confirmed') {
    return (
      <p className="status status-confirmed" role="status">
        {t('manage.statusConfirmed', { count: r.partySize })}
      </p>
    );
  }
  if (r.status === 'waitlisted') {
    return (
      <div className="status status-waitlisted" role="status">
        <p>{t('manage.statusWaitlisted', { position: r.waitlistPosition ?? 0 })}</p>
        <p className="hint">{t('manage.waitlistExplain')}</p>
      </div>
    );
  }
  return (
    <p className="status status-cancelled" role="status">
      {t('manage.statusCancelled')}
    </p>
  );
}

/** A guest's private link, shown once right after registering, to keep. */
function KeepLink(props: { id: string; token: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const link = `${location.origin}/registrations/${props.id}#token=${props.token}`;
  return (
    <Notice tone="warning" title={t('manage.keepTitle')} live={false}>
      <p>{t('manage.keepBody')}</p>
      <p className="keep-link">
        <label htmlFor="manage-link">{t('manage.keepLabel')}</label>
        <input id="manage-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {t('manage.copy')}
      </button>
      <span role="status">{copied ? ` ${t('manage.copied')}` : ''}</span>
    </Notice>
  );
}

function AddToCalendar(props: { registration: Registration; event: EventItem }) {
  const { t } = useI18n();
  const { event } = props;
  const entry: CalendarEvent = {
    uid: `${props.registration.id}@kinship`,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: event.format === 'online' ? (event.onlineUrl ?? null) : event.venue,
    url: `${location.origin}/events/${event.slug}`,
  };
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('manage.calendar')}</h2>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => download(`${event.slug}.ics`, icsFile(entry), 'text/calendar;charset=utf-8')}
        >
          {t('manage.downloadIcs')}
        </button>
        <a
          className="button button-secondary"
          href={googleCalendarUrl(entry)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('manage.googleCalendar')}
        </a>
      </div>
    </section>
  );
}

function CancelRegistration(props: { registration: Registration }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  // The question takes focus when asked, so it is read out and Tab reaches the answer next.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const cancel = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/registrations/{id}/cancel', {
          params: { path: { id: props.registration.id } },
          headers: tokenHeaders(props.registration.id),
        }),
      ),
    onSuccess: (data) => {
      client.setQueryData(['registration', props.registration.id], data);
      void client.invalidateQueries({ queryKey: ['event'] });
      void client.invalidateQueries({ queryKey: ['me', 'registrations'] });
    },
  });
  return (
    <section aria-labelledby="cancel-title" className="danger-zone">
      <h2 id="cancel-title">{t('manage.cancelTitle')}</h2>
      {cancel.isError && <ProblemNotice error={cancel.error} />}
      {!asking ? (
        <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
          {t('manage.cancel')}
        </button>
      ) : (
        <div role="group" aria-labelledby="cancel-question">
          <p id="cancel-question" tabIndex={-1} ref={question}>
            {t('manage.cancelAsk')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              {t('manage.cancelYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
              {t('manage.cancelNo')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Sends the private link again by mail; the link in use here then stops working (a lost link is revoked). */
function ResendLink(props: { registration: Registration }) {
  const { t } = useI18n();
  const r = props.registration;
  const resend = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/registrations/resend-link', { body: { eventId: r.eventId, email: r.contact.email } })),
  });
  return (
    <section aria-labelledby="resend-title">
      <h2 id="resend-title">{t('manage.resendTitle')}</h2>
      <p>{t('manage.resendExplain', { email: r.contact.email })}</p>
      {resend.isSuccess ? (
        <Notice tone="success">{t('manage.resendDone', { email: r.contact.email })}</Notice>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {t('manage.resend')}
        </button>
      )}
      {resend.isError && <ProblemNotice error={resend.error} />}
    </section>
  );
}

/**
 * A guest removes the family's details from the registration (cancelled first if active). The
 * link dies with them, so the page then says so instead of reloading.
 */
function EraseRegistration(props: { registration: Registration; onErased: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const id = props.registration.id;
  const erase = useMutation({
    mutationFn: () =>
      call(
        api.DELETE('/api/v1/registrations/{id}/personal-data', { params: { path: { id } }, headers: tokenHeaders(id) }),
      ),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['registration', id] });
      void client.invalidateQueries({ queryKey: ['event'] });
      props.onErased();
    },
  });
  return (
    <section aria-labelledby="erase-title" className="danger-zone">
      <h2 id="erase-title">{t('manage.eraseTitle')}</h2>
      <p>{t('manage.eraseExplain')}</p>
      {erase.isError && <ProblemNotice error={erase.error} />}
      {!asking ? (
        <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
          {t('manage.erase')}
        </button>
      ) : (
        <div role="group" aria-labelledby="erase-question">
          <p id="erase-question" tabIndex={-1} ref={question}>
            {t('manage.eraseAsk')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={erase.isPending}
              onClick={() => erase.mutate()}
            >
              {t('manage.eraseYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
              {t('manage.eraseNo')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
