import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { ConfirmButton } from '../Confirm';
import { useEvent } from '../events/queries';
import { useConsoleI18n } from '../i18n/words';
import { ChangeParty } from './ChangeParty';
import { FamilyMails } from './FamilyMails';
import { RegistrationStatus } from './RegistrationStatus';

/** One family's registration as its organizers see it: who comes, what they answered, how to reach them. */
export default function RegistrationPage() {
  const { id = '', registrationId = '' } = useParams();
  const { t } = useConsoleI18n();
  const event = useEvent(id);
  const registration = useQuery({
    queryKey: ['console', 'registration', registrationId],
    queryFn: () => call(api.GET('/api/v1/registrations/{id}', { params: { path: { id: registrationId } } })),
  });
  const back = (
    <p>
      <Link to={`/console/events/${id}/attendees`}>{t('console.family.back')}</Link>
    </p>
  );
  if (registration.isPending) return <Loading />;
  if (registration.isError) {
    return (
      <Page title={t('console.family.title')}>
        <ProblemNotice error={registration.error} onRetry={() => void registration.refetch()} />
        {back}
      </Page>
    );
  }
  return (
    <Page title={registration.data.contact.name} lead={event.data?.title}>
      {back}
      <Family registration={registration.data} event={event.data} />
    </Page>
  );
}

function Family(props: { registration: Schemas['RegistrationResponse']; event?: Schemas['EventResponse'] }) {
  const { registration: r, event } = props;
  const { t, format } = useConsoleI18n();
  const client = useQueryClient();
  const zone = event?.timezone ?? 'UTC';
  const cancel = useMutation({
    mutationFn: () => call(api.POST('/api/v1/registrations/{id}/cancel', { params: { path: { id: r.id } } })),
    onSuccess: (updated) => {
      client.setQueryData(['console', 'registration', r.id], updated);
      void client.invalidateQueries({ queryKey: ['console', 'family-mails', r.id] });
      void client.invalidateQueries({ queryKey: ['console', 'registrations', r.eventId] });
      void client.invalidateQueries({ queryKey: ['console', 'stats', r.eventId] });
      void client.invalidateQueries({ queryKey: ['console', 'timeline', r.eventId] });
    },
  });
  const resend = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/registrations/resend-link', { body: { eventId: r.eventId, email: r.contact.email } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['console', 'family-mails', r.id] }),
  });
  const questions = new Map((event?.questions ?? []).map((q) => [q.id, q.label]));
  const answers = Object.entries(r.answers ?? {});
  return (
    <>
      <p>
        <RegistrationStatus status={r.status} position={r.waitlistPosition} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('console.attendees.code')}</dt>
          <dd className="code-cell">{r.code}</dd>
        </div>
        <div>
          <dt>{t('console.family.email')}</dt>
          <dd>
            <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a>
          </dd>
        </div>
        {r.contact.phone && (
          <div>
            <dt>{t('console.family.phone')}</dt>
            <dd>
              <a href={`tel:${r.contact.phone}`}>{r.contact.phone}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('console.attendees.registeredAt')}</dt>
          <dd>{format.instant(r.createdAt, zone)}</dd>
        </div>
        {r.cancelledAt && (
          <div>
            <dt>{t('console.family.cancelledAt')}</dt>
            <dd>{format.instant(r.cancelledAt, zone)}</dd>
          </div>
        )}
      </dl>

      <h2>{t('console.family.attendees', { count: r.partySize })}</h2>
      <ul className="party">
        {r.attendees.map((a) => (
          <li key={a.id}>
            {a.name} ({t(`console.family.category.${a.category}`)}
            {a.birthDate ? `, ${format.date(a.birthDate)}` : ''})
            {a.checkedInAt && <> · {t('console.family.checkedInAt', { at: format.instant(a.checkedInAt, zone) })}</>}
          </li>
        ))}
      </ul>

      <h2>{t('console.family.answers')}</h2>
      {answers.length === 0 ? (
        <p>{t('console.family.noAnswers')}</p>
      ) : (
        <dl className="facts">
          {answers.map(([key, value]) => (
            <div key={key}>
              <dt>{questions.get(key) ?? key}</dt>
              <dd>{answerText(value, t('console.family.yes'), t('console.family.no'))}</dd>
            </div>
          ))}
        </dl>
      )}

      {r.status !== 'cancelled' && <ChangeParty key={r.id} registration={r} />}

      <FamilyMails eventId={r.eventId} registrationId={r.id} timezone={zone} />

      <h2>{t('console.family.actions')}</h2>
      {resend.isError && <ProblemNotice error={resend.error} />}
      {resend.isSuccess && (
        <Notice tone="success">
          <p>{t('console.family.linkSent', { email: r.contact.email })}</p>
        </Notice>
      )}
      {cancel.isError && <ProblemNotice error={cancel.error} />}
      {cancel.isSuccess && (
        <Notice tone="success">
          <p>{t('console.family.cancelled')}</p>
        </Notice>
      )}
      <div className="actions">
        {r.status !== 'cancelled' && (
          <button
            type="button"
            className="button button-secondary"
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
          >
            {t('console.family.resend')}
          </button>
        )}
        {r.status !== 'cancelled' && (
          <ConfirmButton
            danger
            label={t('console.family.cancel')}
            question={t('console.family.cancelQuestion', { name: r.contact.name })}
            confirmLabel={t('console.family.cancelYes')}
            busy={cancel.isPending}
            onConfirm={() => cancel.mutate()}
          />
        )}
      </div>
    </>
  );
}

/** An answer as text: lists joined, yes or no for a box ticked or not. */
function answerText(value: unknown, yes: string, no: string): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? yes : no;
  if (value === null || value === undefined) return '—';
  return String(value);
}
