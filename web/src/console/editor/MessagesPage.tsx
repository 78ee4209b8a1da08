import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, call, idempotencyKey, type Schemas } from '../../api/client';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { TextAreaField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ProblemNotice } from '../../ui/Problem';
import { ConfirmButton } from '../Confirm';
import { OwnEvent } from '../events/OwnEvent';
import { useConsoleI18n } from '../i18n/words';
import { messageProblems, type Message } from './message';
import './editor.css';

/** /console/events/:id/messages: a message to every family, read in each language before it goes. */
export default function MessagesPage() {
  const { id = '' } = useParams();
  const { t } = useConsoleI18n();
  return (
    <OwnEvent id={id} title={t('console.messages.title')}>
      {(event) => <Compose event={event} />}
    </OwnEvent>
  );
}

function Compose(props: { event: Schemas['EventResponse'] }) {
  const { event } = props;
  const { t } = useConsoleI18n();
  const [message, setMessage] = useState<Message>({ subject: '', body: '' });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const [serverErrors, setServerErrors] = useState<{ field: string; message: string }[]>([]);
  const sendKey = useRef<{ body: string; key: string } | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  const preview = useMutation({
    mutationFn: (m: Message) =>
      call(api.POST('/api/v1/events/{id}/messages/preview', { params: { path: { id: event.id } }, body: m })),
    onError: (err) => {
      if (err instanceof ApiError && err.errors.length) {
        setServerErrors(err.errors);
        setAttempt((n) => n + 1);
      }
    },
  });
  const send = useMutation({
    mutationFn: (m: Message) => {
      // Sent again after a dropped connection, the same message keeps its key: one mail per family.
      const text = JSON.stringify(m);
      const key = sendKey.current?.body === text ? sendKey.current.key : idempotencyKey();
      sendKey.current = { body: text, key };
      return call(
        api.POST('/api/v1/events/{id}/messages', {
          params: { path: { id: event.id } },
          headers: { 'Idempotency-Key': key },
          body: m,
        }),
      );
    },
  });
  // The preview shown is of these words; once they change it no longer is, and sending waits for a new one.
  const previewed = preview.data && preview.variables && sameMessage(preview.variables, message) ? preview.data : null;
  useEffect(() => {
    if (previewed) previewHeading.current?.focus();
  }, [previewed]);

  const problems = messageProblems(message);
  const byField = new Map<string, string[]>();
  const add = (field: string, text: string) => byField.set(field, [...(byField.get(field) ?? []), text]);
  for (const p of problems) {
    if (attempt > 0 || touched.has(p.field)) add(p.field, t(`console.messages.rules.${p.rule}`, { max: p.max ?? 0 }));
  }
  for (const e of serverErrors)
    if (!byField.has(e.field)) add(e.field, t('console.editor.server', { message: e.message }));
  const summary: SummaryItem[] = [...byField.entries()].flatMap(([field, list]) =>
    list.map((text) => ({ target: `message-${field}`, message: text })),
  );

  const change = (field: keyof Message, value: string) => {
    setMessage((m) => ({ ...m, [field]: value }));
    setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    setServerErrors((list) => list.filter((e) => e.field !== field));
  };

  function askPreview(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setServerErrors([]);
    send.reset();
    if (problems.length) return;
    preview.mutate({ subject: message.subject.trim(), body: message.body.trim() });
  }

  const published = event.status === 'published';
  return (
    <Page title={t('console.messages.title')} lead={event.title}>
      <p>
        <Link to={`/console/events/${event.id}`}>{t('console.editor.backToDashboard')}</Link>
      </p>
      <p className="hint">{t('console.messages.intro')}</p>
      {!published && (
        <Notice tone="warning" live={false}>
          <p>{t('console.messages.notPublished')}</p>
        </Notice>
      )}
      <ErrorSummary title={t('console.editor.fixThese')} items={attempt > 0 ? summary : []} attempt={attempt} />
      {preview.isError && !(preview.error instanceof ApiError && preview.error.errors.length) && (
        <ProblemNotice error={preview.error} />
      )}
      {send.isSuccess ? (
        <Notice tone="success">
          <p>{t('console.messages.sent', { count: send.data.recipients })}</p>
        </Notice>
      ) : (
        <>
          <form noValidate onSubmit={askPreview}>
            <TextField
              id="message-subject"
              label={t('console.messages.subject')}
              errors={byField.get('subject')}
              value={message.subject}
              onChange={(e) => change('subject', e.target.value)}
            />
            <TextAreaField
              id="message-body"
              label={t('console.messages.body')}
              hint={t('console.messages.bodyHint')}
              errors={byField.get('body')}
              rows={8}
              value={message.body}
              onChange={(e) => change('body', e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button button-secondary" disabled={preview.isPending}>
                {preview.isPending ? t('console.messages.previewing') : t('console.messages.preview')}
              </button>
            </div>
          </form>

          {previewed && (
            <section aria-labelledby="preview-heading">
              <h2 id="preview-heading" ref={previewHeading} tabIndex={-1}>
                {t('console.messages.previewTitle')}
              </h2>
              <p className="hint">{t('console.messages.previewHint')}</p>
              {previewed.items.map((item) => (
                <article key={item.locale} className="message-preview" aria-labelledby={`preview-${item.locale}`}>
                  <h3 id={`preview-${item.locale}`}>{t(`console.editor.languages.${item.locale}`)}</h3>
                  <p lang={item.locale}>
                    <strong>{t('console.messages.previewSubject', { subject: item.subject })}</strong>
                  </p>
                  <pre lang={item.locale}>{item.text}</pre>
                </article>
              ))}
              {send.isError && <ProblemNotice error={send.error} />}
              {published && (
                <ConfirmButton
                  label={t('console.messages.send')}
                  question={t('console.messages.sendQuestion')}
                  confirmLabel={t('console.messages.sendYes')}
                  busy={send.isPending}
                  onConfirm={() => send.mutate(preview.variables!)}
                />
              )}
            </section>
          )}
          {!previewed && published && <p className="hint">{t('console.messages.previewFirst')}</p>}
        </>
      )}
    </Page>
  );
}

function sameMessage(a: Message, b: Message): boolean {
  return a.subject === b.subject.trim() && a.body === b.body.trim();
}
