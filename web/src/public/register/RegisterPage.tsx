import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, call, idempotencyKey, type Schemas } from '../../api/client';
import { useSession, type User } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { CheckboxField, Fieldset, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice, useProblemText } from '../../ui/Problem';
import NotFoundPage from '../NotFoundPage';
import { PartyRules } from '../events/EventPage';
import { useEvent, type EventItem } from '../events/queries';
import { ClosedNotice } from '../events/ClosedNotice';
import { openness } from '../events/registration-window';
import { rememberManageToken } from '../registration/manage-token';
import { controlFor, PersonFields, QuestionField, type Answer, type GuestPerson } from './fields';
import { partyProblemText } from './messages';
import { isEmail, partyProblems, type PartyPerson } from './rules';

type Member = Schemas['MemberResponse'];

export default function RegisterPage() {
  const { slug = '' } = useParams();
  const event = useEvent(slug);
  const { user, loading } = useSession();
  const { t } = useI18n();
  if (event.isError && event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
  if (!event.data || loading) {
    return (
      <Page title={t('register.loadingTitle')}>
        {event.isError ? <ProblemNotice error={event.error} onRetry={() => void event.refetch()} /> : <Loading />}
      </Page>
    );
  }
  return <RegisterForm event={event.data} user={user ?? null} />;
}

function RegisterForm(props: { event: EventItem; user: User | null }) {
  const { event, user } = props;
  const { t, format, locale } = useI18n();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const client = useQueryClient();
  const open = openness(event);

  const household = useQuery({
    queryKey: ['me', 'household'],
    queryFn: () => call(api.GET('/api/v1/me/household/members', { params: { query: { limit: 100 } } })),
    enabled: !!user,
  });

  const [contact, setContact] = useState({ name: user?.name ?? '', email: user?.email ?? '', phone: '' });
  const [people, setPeople] = useState<GuestPerson[]>([{ key: 0, name: '', category: 'adult', birthDate: null }]);
  const [picked, setPicked] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [consents, setConsents] = useState({ dataProcessing: false, photos: false });
  const [touched, setTouched] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [serverErrors, setServerErrors] = useState<{ field: string; message: string }[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  // A person added with the button gets the focus, so the family types their name next.
  const focusNewPerson = useRef(false);
  useEffect(() => {
    if (!focusNewPerson.current) return;
    focusNewPerson.current = false;
    document.getElementById(`attendee-${people.length - 1}-name`)?.focus();
  }, [people.length]);
  const lastSent = useRef<{ body: string; key: string } | null>(null);

  const members: Member[] = household.data?.items ?? [];
  const memberIds = user ? picked : null;
  const party: PartyPerson[] = user
    ? picked.map((id) => {
        const m = members.find((x) => x.id === id);
        return { name: m?.name ?? '', category: m?.category ?? 'adult', birthDate: m?.birthDate ?? null };
      })
    : people;

  // Checked as the family types; shown once they have touched the form or tried to send it.
  const problems = useMemo(() => partyProblems(party, event), [party, event]);
  const errorsByControl = new Map<string, string[]>();
  const add = (control: string, message: string) =>
    errorsByControl.set(control, [...(errorsByControl.get(control) ?? []), message]);
  if (touched) {
    for (const p of problems) {
      const control = p.field === 'party' ? 'party' : controlFor(p.field, memberIds);
      add(control, partyProblemText(t, p, format));
    }
    if (!user) {
      if (!contact.name.trim()) add('contact-name', t('register.rules.contactName'));
      if (!isEmail(contact.email)) add('contact-email', t('register.rules.email'));
    }
    for (const q of event.questions) {
      const a = answers[q.id];
      const empty = a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
      if (q.required && empty) add(`answer-${q.id}`, t('register.rules.answerRequired'));
    }
    if (!consents.dataProcessing) add('consent-dataProcessing', t('register.rules.consentRequired'));
  }
  // The server's word on a field, unless the same rule is already said in the family's language.
  for (const e of serverErrors) {
    const control = controlFor(e.field, memberIds);
    if (!errorsByControl.has(control)) add(control, t('register.rules.server', { message: e.message }));
  }
  const summary: SummaryItem[] = [...errorsByControl.entries()].flatMap(([target, messages]) =>
    messages.map((message) => ({ target, message })),
  );

  if (open.state !== 'open') {
    return (
      <Page title={t('register.title', { event: event.title })}>
        <ClosedNotice event={event} />
        <p>
          <Link to={`/events/${event.slug}`}>{t('register.backToEvent')}</Link>
        </p>
      </Page>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    setAttempt((n) => n + 1);
    setFailure(null);
    const clientProblems =
      problems.length > 0 ||
      (!user && (!contact.name.trim() || !isEmail(contact.email))) ||
      !consents.dataProcessing ||
      event.questions.some(
        (q) =>
          q.required &&
          (answers[q.id] === undefined ||
            answers[q.id] === '' ||
            (Array.isArray(answers[q.id]) && (answers[q.id] as string[]).length === 0)),
      );
    if (clientProblems) return;

    const body: Schemas['CreateRegistrationDto'] = {
      contact: {
        name: contact.name.trim(),
        email: contact.email.trim(),
        ...(contact.phone.trim() && { phone: contact.phone.trim() }),
      },
      attendees: user
        ? picked.map((memberId) => ({ memberId }))
        : people.map((p) => ({
            name: p.name.trim(),
            category: p.category,
            ...(p.category === 'child' && p.birthDate ? { birthDate: p.birthDate } : {}),
          })),
      answers,
      consents,
      locale: locale as Schemas['CreateRegistrationDto']['locale'],
    };
    // The same body sent again (after a dropped connection) reuses its key: one registration, one answer.
    const text = JSON.stringify(body);
    const key = lastSent.current?.body === text ? lastSent.current.key : idempotencyKey();
    lastSent.current = { body: text, key };
    setBusy(true);
    try {
      const created = await call(
        api.POST('/api/v1/events/{id}/registrations', {
          params: { path: { id: event.id } },
          headers: { 'Idempotency-Key': key },
          body,
        }),
      );
      if (created.manageToken) rememberManageToken(created.id, created.manageToken);
      void client.invalidateQueries({ queryKey: ['event'] });
      void client.invalidateQueries({ queryKey: ['me', 'registrations'] });
      void navigate(`/registrations/${created.id}`, { state: { fresh: true, manageToken: created.manageToken } });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setServerErrors(err.errors);
      setFailure(err);
      if (err.errors.length) setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const full = event.seatsRemaining <= 0;
  return (
    <Page title={t('register.title', { event: event.title })}>
      <p>
        <Link to={`/events/${event.slug}`}>{t('register.backToEvent')}</Link>
      </p>
      <PartyRules event={event} />
      {full && event.waitlistEnabled && <Notice live={false}>{t('register.willWaitlist')}</Notice>}
      {!user && (
        <p className="hint">
          {t('register.haveAccount')}{' '}
          <Link to={`/login?next=${encodeURIComponent(`/events/${event.slug}/register`)}`}>
            {t('register.signInFirst')}
          </Link>
        </p>
      )}

      <ErrorSummary title={t('register.fixThese')} items={attempt > 0 ? summary : []} attempt={attempt} />
      {failure && !failure.errors.length && (
        <FailureNotice
          error={failure}
          event={event}
          email={contact.email}
          signedIn={!!user}
          problemText={problemText}
        />
      )}

      <form onSubmit={submit} noValidate onChange={() => setServerErrors([])}>
        {user ? (
          <Fieldset
            legend={t('register.whoComes')}
            hint={t('register.pickMembers')}
            errors={errorsByControl.get('party')}
            id="party"
          >
            {household.isPending && <Loading />}
            {household.isError && <ProblemNotice error={household.error} onRetry={() => void household.refetch()} />}
            {household.data && members.length === 0 && <p>{t('register.noMembers')}</p>}
            {members.map((m) => (
              <CheckboxField
                key={m.id}
                id={`member-${m.id}`}
                label={`${m.name} (${m.category === 'child' ? t('register.child') : t('register.adult')})`}
                checked={picked.includes(m.id)}
                errors={errorsByControl.get(`member-${m.id}`)}
                onChange={(e) => {
                  setTouched(true);
                  setPicked((list) => (e.target.checked ? [...list, m.id] : list.filter((x) => x !== m.id)));
                }}
              />
            ))}
            <p>
              <Link to="/me/household">{t('register.editHousehold')}</Link>
            </p>
          </Fieldset>
        ) : (
          <>
            <Fieldset legend={t('register.contact')}>
              <TextField
                id="contact-name"
                label={t('register.contactName')}
                autoComplete="name"
                maxLength={200}
                value={contact.name}
                errors={errorsByControl.get('contact-name')}
                onChange={(e) => {
                  const name = e.target.value;
                  // The first person is usually the one writing: their name follows, until changed.
                  setPeople((list) => list.map((p, i) => (i === 0 && p.name === contact.name ? { ...p, name } : p)));
                  setContact({ ...contact, name });
                }}
                onBlur={() => setTouched(true)}
              />
              <TextField
                id="contact-email"
                label={t('register.contactEmail')}
                hint={t('register.contactEmailHint')}
                type="email"
                autoComplete="email"
                inputMode="email"
                maxLength={254}
                value={contact.email}
                errors={errorsByControl.get('contact-email')}
                onChange={(e) => setContact({ ...contact, email: e.target.value })}
                onBlur={() => setTouched(true)}
              />
              <TextField
                id="contact-phone"
                label={t('register.contactPhone')}
                hint={t('register.optional')}
                type="tel"
                autoComplete="tel"
                maxLength={40}
                value={contact.phone}
                errors={errorsByControl.get('contact-phone')}
                onChange={(e) => setContact({ ...contact, phone: e.target.value })}
              />
            </Fieldset>
            <Fieldset
              legend={t('register.whoComes')}
              hint={t('register.whoComesHint', { count: event.maxPartySize })}
              errors={errorsByControl.get('party')}
              id="party"
            >
              {people.map((p, i) => (
                <PersonFields
                  key={p.key}
                  index={i}
                  person={p}
                  errors={errorsByControl}
                  canRemove={people.length > 1}
                  onChange={(next) => {
                    setTouched(true);
                    setPeople((list) => list.map((x) => (x.key === p.key ? { ...x, ...next } : x)));
                  }}
                  onRemove={() => setPeople((list) => list.filter((x) => x.key !== p.key))}
                />
              ))}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setPeople((list) => [
                    ...list,
                    { key: nextKey.current++, name: '', category: 'child', birthDate: null },
                  ]);
                  focusNewPerson.current = true;
                }}
              >
                {t('register.addPerson')}
              </button>
            </Fieldset>
          </>
        )}

        {event.questions.length > 0 && (
          <Fieldset legend={t('register.questions')}>
            {event.questions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={answers[q.id]}
                errors={errorsByControl.get(`answer-${q.id}`)}
                onChange={(v) =>
                  setAnswers((a) => {
                    const next = { ...a };
                    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[q.id];
                    else next[q.id] = v;
                    return next;
                  })
                }
              />
            ))}
          </Fieldset>
        )}

        <Fieldset legend={t('register.consents')}>
          <CheckboxField
            id="consent-dataProcessing"
            label={t('register.consentData')}
            checked={consents.dataProcessing}
            errors={errorsByControl.get('consent-dataProcessing')}
            onChange={(e) => setConsents({ ...consents, dataProcessing: e.target.checked })}
          />
          <CheckboxField
            id="consent-photos"
            label={t('register.consentPhotos')}
            hint={t('register.optional')}
            checked={consents.photos}
            onChange={(e) => setConsents({ ...consents, photos: e.target.checked })}
          />
        </Fieldset>

        <button type="submit" className="button button-large" disabled={busy} aria-disabled={busy}>
          {busy ? t('register.sending') : full ? t('register.submitWaitlist') : t('register.submit')}
        </button>
      </form>
    </Page>
  );
}

/** What the server said when it refused the whole registration (not one field). */
function FailureNotice(props: {
  error: ApiError;
  event: EventItem;
  email: string;
  signedIn: boolean;
  problemText: (e: unknown) => string;
}) {
  const { t } = useI18n();
  const [resent, setResent] = useState(false);
  const { error, event } = props;
  if (error.code === 'already_registered') {
    return (
      <Notice tone="warning" title={t('register.already.title')}>
        {props.signedIn ? (
          <p>
            {t('register.already.signedIn')} <Link to="/me/registrations">{t('register.already.open')}</Link>
          </p>
        ) : resent ? (
          <p>{t('register.already.sent', { email: props.email })}</p>
        ) : (
          <>
            <p>{t('register.already.guest')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                void call(
                  api.POST('/api/v1/registrations/resend-link', {
                    body: { eventId: event.id, email: props.email.trim() },
                  }),
                )
                  .then(() => setResent(true))
                  .catch(() => setResent(true))
              }
            >
              {t('register.already.resend')}
            </button>
          </>
        )}
      </Notice>
    );
  }
  if (error.code === 'event_full') return <Notice tone="warning">{t('register.full')}</Notice>;
  if (error.code === 'registration_closed') return <Notice tone="warning">{t('event.closed')}</Notice>;
  return <ProblemNotice error={error} />;
}
