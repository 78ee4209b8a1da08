import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, call, idempotencyKey, type Schemas } from '../../api/client';
import { useSession } from '../../api/session';
import { viewerZone } from '../../i18n/format';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { CheckboxField, Fieldset, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ProblemNotice, useProblemText } from '../../ui/Problem';
import { OwnEvent } from '../events/OwnEvent';
import { useConsoleI18n } from '../i18n/words';
import {
  CONTENT_LOCALES,
  controlId,
  emptyForm,
  EVENT_FORMATS,
  EVENT_KINDS,
  eventBody,
  formField,
  formFromEvent,
  formProblems,
  idList,
  type EventForm,
  type Problem,
} from './form';
import { QuestionBuilder } from './QuestionBuilder';
import './editor.css';

/** /console/events/new and /console/events/:id/edit: every field of an event, its languages and questions. */
export default function EditorPage() {
  const { id } = useParams();
  return id ? <EditExisting id={id} /> : <Editor initial={emptyForm(viewerZone())} />;
}

function EditExisting(props: { id: string }) {
  const { t } = useConsoleI18n();
  return (
    <OwnEvent id={props.id} title={t('console.dashboard.title')}>
      {(event) => <Editor key={event.id} event={event} initial={formFromEvent(event)} />}
    </OwnEvent>
  );
}

type FieldErrors = (field: string) => string[] | undefined;

/** Codes in the words (the same in every language): link schemes, zone names, an account id's shape. */
const EXAMPLES = {
  http: 'http://',
  https: 'https://',
  a: 'Asia/Kathmandu',
  b: 'Asia/Shanghai',
  example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
};

interface OrganizersRefused {
  errors: { field: string; message: string }[];
  coOrganizerIds: string;
}

function Editor(props: { initial: EventForm; event?: Schemas['EventResponse'] }) {
  const { event } = props;
  const { t } = useConsoleI18n();
  const problemText = useProblemText();
  const { user } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  // A new event whose co-organizers were refused arrives here with what was refused.
  const carried = (useLocation().state ?? null) as OrganizersRefused | null;
  const [form, setForm] = useState<EventForm>(() =>
    carried ? { ...props.initial, coOrganizerIds: carried.coOrganizerIds } : props.initial,
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(carried ? 1 : 0);
  const [serverErrors, setServerErrors] = useState<{ field: string; message: string }[]>(carried?.errors ?? []);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lastSent = useRef<{ body: string; key: string } | null>(null);
  const programs = useQuery({
    queryKey: ['console', 'programs', 'events'],
    queryFn: () => call(api.GET('/api/v1/programs', { params: { query: { kind: 'events', limit: 100 } } })),
  });

  const problems = formProblems(form);
  const byControl = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const control = controlId(field);
    byControl.set(control, [...(byControl.get(control) ?? []), message]);
  };
  const ruleText = (p: Problem) =>
    t(`console.editor.rules.${p.rule}`, { ...EXAMPLES, max: p.max ?? 0, min: p.min ?? 0 });
  // Shown as the organizer types (for the fields they touched), and all of them once they try to save.
  for (const p of problems) if (attempt > 0 || touched.has(p.field)) add(p.field, ruleText(p));
  for (const e of serverErrors) {
    const field = formField(e.field);
    if (!byControl.has(controlId(field))) add(field, t('console.editor.server', { message: e.message }));
  }
  const errors: FieldErrors = (field) => byControl.get(controlId(field));
  const summary: SummaryItem[] = [...byControl.entries()].flatMap(([target, messages]) =>
    messages.map((message) => ({ target, message })),
  );

  const change = (field: string, patch: Partial<EventForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    setServerErrors((list) => list.filter((e) => formField(e.field) !== field));
  };
  const text = (field: keyof EventForm & string) => ({
    value: form[field] as string,
    onChange: (e: { target: { value: string } }) => change(field, { [field]: e.target.value }),
  });
  const setTranslation = (locale: (typeof CONTENT_LOCALES)[number], key: string, value: string) => {
    setForm((f) => ({
      ...f,
      translations: { ...f.translations, [locale]: { ...f.translations[locale], [key]: value } },
    }));
    const field = `translations.${locale}.${key}`;
    setTouched((s) => new Set(s).add(field));
  };

  const creator = event?.organizerIds?.[0];
  const mayChangeOrganizers = !event || !!user?.roles.includes('admin') || user?.id === creator;
  const wantedOrganizers = idList(form.coOrganizerIds);
  const currentOrganizers = (event?.organizerIds ?? []).slice(1);
  const organizersChanged =
    wantedOrganizers.length !== currentOrganizers.length ||
    wantedOrganizers.some((id, i) => id !== currentOrganizers[i]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setFailure(null);
    setServerErrors([]);
    if (problems.length) return;
    setBusy(true);
    try {
      let saved: Schemas['EventResponse'];
      if (event) {
        saved = await call(
          api.PATCH('/api/v1/events/{id}', { params: { path: { id: event.id } }, body: eventBody(form, 'update') }),
        );
      } else {
        const body = eventBody(form, 'create');
        // The same body sent again (after a dropped connection) reuses its key: one event, not two.
        const textBody = JSON.stringify(body);
        const key = lastSent.current?.body === textBody ? lastSent.current.key : idempotencyKey();
        lastSent.current = { body: textBody, key };
        saved = await call(api.POST('/api/v1/events', { headers: { 'Idempotency-Key': key }, body }));
      }
      client.setQueryData(['console', 'event', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['console', 'events'] });
      if (mayChangeOrganizers && organizersChanged) {
        try {
          const withOrganizers = await call(
            api.PUT('/api/v1/events/{id}/organizers', {
              params: { path: { id: saved.id } },
              body: { userIds: wantedOrganizers },
            }),
          );
          client.setQueryData(['console', 'event', saved.id], withOrganizers);
        } catch (err) {
          // The event itself is saved: its edit page shows what was wrong with the co-organizers.
          if (!(err instanceof ApiError)) throw err;
          const errors = err.errors.length ? err.errors : [{ field: 'userIds', message: problemText(err) }];
          setServerErrors(errors);
          setAttempt((n) => n + 1);
          if (!event) {
            const state: OrganizersRefused = { errors, coOrganizerIds: form.coOrganizerIds };
            void navigate(`/console/events/${saved.id}/edit`, { replace: true, state });
          }
          return;
        }
      }
      void navigate(`/console/events/${saved.id}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setServerErrors(err.errors);
      if (err.errors.length) setAttempt((n) => n + 1);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const otherLocales = CONTENT_LOCALES.filter((l) => l !== form.contentLocale);
  const programItems = programs.data?.items ?? [];
  const title = event
    ? t('console.editor.editTitle', { title: event.base?.title ?? event.title })
    : t('console.editor.newTitle');
  return (
    <Page title={title}>
      <p>
        {event ? (
          <Link to={`/console/events/${event.id}`}>{t('console.editor.backToDashboard')}</Link>
        ) : (
          <Link to="/console">{t('console.backToEvents')}</Link>
        )}
      </p>
      {!event && <p className="hint">{t('console.editor.intro')}</p>}
      {event?.status === 'published' && (
        <Notice live={false}>
          <p>{t('console.editor.publishedNote')}</p>
        </Notice>
      )}
      <ErrorSummary title={t('console.editor.fixThese')} items={attempt > 0 ? summary : []} attempt={attempt} />
      {failure !== null && <ProblemNotice error={failure} />}
      <form className="event-editor" noValidate onSubmit={(e) => void submit(e)}>
        <Section title={t('console.editor.sections.about')} id="about">
          <TextField
            id={controlId('title')}
            label={t('console.editor.fields.title')}
            errors={errors('title')}
            required
            {...text('title')}
          />
          <TextField
            id={controlId('slug')}
            label={t('console.editor.fields.slug')}
            hint={t('console.editor.fields.slugHint')}
            errors={errors('slug')}
            autoCapitalize="none"
            spellCheck={false}
            {...text('slug')}
          />
          <TextAreaField
            id={controlId('summary')}
            label={t('console.editor.fields.summary')}
            hint={t('console.editor.fields.summaryHint')}
            errors={errors('summary')}
            rows={2}
            {...text('summary')}
          />
          <TextAreaField
            id={controlId('description')}
            label={t('console.editor.fields.description')}
            errors={errors('description')}
            rows={6}
            {...text('description')}
          />
          <SelectField
            id={controlId('kind')}
            label={t('console.editor.fields.kind')}
            errors={errors('kind')}
            value={form.kind}
            onChange={(e) => change('kind', { kind: e.target.value as EventForm['kind'] })}
          >
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={controlId('contentLocale')}
            label={t('console.editor.fields.contentLocale')}
            errors={errors('contentLocale')}
            value={form.contentLocale}
            onChange={(e) => change('contentLocale', { contentLocale: e.target.value as EventForm['contentLocale'] })}
          >
            {CONTENT_LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`console.editor.languages.${l}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={controlId('programId')}
            label={t('console.editor.fields.program')}
            errors={errors('programId')}
            value={form.programId}
            onChange={(e) => change('programId', { programId: e.target.value })}
          >
            <option value="">{t('console.editor.fields.noProgram')}</option>
            {form.programId && !programItems.some((p) => p.id === form.programId) && (
              <option value={form.programId}>{form.programId}</option>
            )}
            {programItems.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        </Section>

        <Section title={t('console.editor.sections.place')} id="place">
          <SelectField
            id={controlId('format')}
            label={t('console.editor.fields.format')}
            errors={errors('format')}
            value={form.format}
            onChange={(e) => change('format', { format: e.target.value as EventForm['format'] })}
          >
            {EVENT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={controlId('venue')}
            label={t('console.editor.fields.venue')}
            hint={t('console.editor.fields.venueHint')}
            errors={errors('venue')}
            {...text('venue')}
          />
          <TextField
            id={controlId('onlineUrl')}
            type="url"
            label={t('console.editor.fields.onlineUrl')}
            hint={t('console.editor.fields.onlineUrlHint', { scheme: 'https://' })}
            errors={errors('onlineUrl')}
            {...text('onlineUrl')}
          />
        </Section>

        <Section title={t('console.editor.sections.time')} id="time">
          <TextField
            id={controlId('timezone')}
            label={t('console.editor.fields.timezone')}
            hint={t('console.editor.fields.timezoneHint', EXAMPLES)}
            errors={errors('timezone')}
            autoCapitalize="none"
            spellCheck={false}
            {...text('timezone')}
          />
          <div className="field-pair">
            <TextField
              id={controlId('startsAt')}
              type="datetime-local"
              label={t('console.editor.fields.startsAt')}
              errors={errors('startsAt')}
              {...text('startsAt')}
            />
            <TextField
              id={controlId('endsAt')}
              type="datetime-local"
              label={t('console.editor.fields.endsAt')}
              errors={errors('endsAt')}
              {...text('endsAt')}
            />
          </div>
          <p className="hint">{t('console.editor.fields.registrationHint')}</p>
          <div className="field-pair">
            <TextField
              id={controlId('registrationOpensAt')}
              type="datetime-local"
              label={t('console.editor.fields.registrationOpensAt')}
              errors={errors('registrationOpensAt')}
              {...text('registrationOpensAt')}
            />
            <TextField
              id={controlId('registrationClosesAt')}
              type="datetime-local"
              label={t('console.editor.fields.registrationClosesAt')}
              errors={errors('registrationClosesAt')}
              {...text('registrationClosesAt')}
            />
          </div>
        </Section>

        <Section title={t('console.editor.sections.seats')} id="seats">
          <div className="field-pair">
            <TextField
              id={controlId('capacity')}
              inputMode="numeric"
              label={t('console.editor.fields.capacity')}
              hint={t('console.editor.fields.capacityHint')}
              errors={errors('capacity')}
              {...text('capacity')}
            />
            <TextField
              id={controlId('maxPartySize')}
              inputMode="numeric"
              label={t('console.editor.fields.maxPartySize')}
              errors={errors('maxPartySize')}
              {...text('maxPartySize')}
            />
          </div>
          <CheckboxField
            id={controlId('waitlistEnabled')}
            label={t('console.editor.fields.waitlistEnabled')}
            errors={errors('waitlistEnabled')}
            checked={form.waitlistEnabled}
            onChange={(e) => change('waitlistEnabled', { waitlistEnabled: e.target.checked })}
          />
          <p className="hint">{t('console.editor.fields.childAgeHint')}</p>
          <div className="field-pair">
            <TextField
              id={controlId('childAgeMin')}
              inputMode="numeric"
              label={t('console.editor.fields.childAgeMin')}
              errors={errors('childAgeMin')}
              {...text('childAgeMin')}
            />
            <TextField
              id={controlId('childAgeMax')}
              inputMode="numeric"
              label={t('console.editor.fields.childAgeMax')}
              errors={errors('childAgeMax')}
              {...text('childAgeMax')}
            />
          </div>
        </Section>

        <Section title={t('console.editor.sections.translations')} id="translations">
          <p className="hint">{t('console.editor.translationsHint')}</p>
          {otherLocales.map((locale) => {
            const language = t(`console.editor.languages.${locale}`);
            const words = form.translations[locale];
            const field = (key: keyof typeof words, label: string, multi?: boolean) => {
              const name = `translations.${locale}.${key}`;
              const common = {
                id: controlId(name),
                label: t('console.editor.translatedLabel', { label, language }),
                errors: errors(name),
                lang: locale,
                value: words[key],
              };
              return multi ? (
                <TextAreaField
                  {...common}
                  rows={key === 'summary' ? 2 : 5}
                  onChange={(e) => setTranslation(locale, key, e.target.value)}
                />
              ) : (
                <TextField {...common} onChange={(e) => setTranslation(locale, key, e.target.value)} />
              );
            };
            return (
              <Fieldset
                key={locale}
                id={controlId(`translations.${locale}`)}
                legend={t('console.editor.translationIn', { language })}
                errors={errors(`translations.${locale}`)}
              >
                {field('title', t('console.editor.fields.title'))}
                {field('summary', t('console.editor.fields.summary'), true)}
                {field('description', t('console.editor.fields.description'), true)}
                {field('venue', t('console.editor.fields.venue'))}
              </Fieldset>
            );
          })}
        </Section>

        <Section title={t('console.editor.sections.questions')} id="questions">
          {errors('questions') && (
            <p className="field-error" id={controlId('questions')} tabIndex={-1}>
              {errors('questions')!.join(' ')}
            </p>
          )}
          <QuestionBuilder
            questions={form.questions}
            errors={errors}
            onChange={(questions, field) => change(field, { questions })}
          />
        </Section>

        {mayChangeOrganizers && (
          <Section title={t('console.editor.sections.organizers')} id="organizers">
            {currentOrganizers.length > 0 && (
              <p>{t('console.editor.organizers.current', { count: currentOrganizers.length })}</p>
            )}
            <TextAreaField
              id={controlId('userIds')}
              label={t('console.editor.organizers.label')}
              hint={t('console.editor.organizers.hint')}
              errors={errors('userIds')}
              rows={3}
              autoCapitalize="none"
              spellCheck={false}
              {...text('coOrganizerIds')}
              onChange={(e) => change('userIds', { coOrganizerIds: e.target.value })}
            />
          </Section>
        )}

        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('console.editor.saving') : event ? t('console.editor.saveChanges') : t('console.editor.save')}
          </button>
          <Link className="button button-secondary" to={event ? `/console/events/${event.id}` : '/console'}>
            {t('console.editor.cancelEdit')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

function Section(props: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="editor-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
