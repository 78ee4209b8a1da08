import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { mailKindText, mailStatusText } from './mail-words';
import './admin.css';

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** One mail of the log: its delivery facts, its status history, and a retry when it failed. */
export default function MailPage() {
  const { id = '' } = useParams();
  const { t, format } = useConsoleI18n();
  const client = useQueryClient();
  const mail = useQuery({
    queryKey: ['console', 'mail', id],
    queryFn: () => call(api.GET('/api/v1/notifications/{id}', { params: { path: { id } } })),
    // While it waits to go (a retry), look again until it settles.
    refetchInterval: (q) => (q.state.data && ['pending', 'sending'].includes(q.state.data.status) ? 1500 : false),
  });
  const retry = useMutation({
    mutationFn: () => call(api.POST('/api/v1/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['console', 'mail', id] });
      void client.invalidateQueries({ queryKey: ['console', 'mail-log'] });
    },
  });
  const back = (
    <p>
      <Link to="/console/admin/mails">{t('console.admin.mailLog.back')}</Link>
    </p>
  );
  if (mail.isPending) return <Loading />;
  if (mail.isError) {
    return (
      <Page title={t('console.admin.mailLog.detailTitle')}>
        <ProblemNotice error={mail.error} onRetry={() => void mail.refetch()} />
        {back}
      </Page>
    );
  }
  const m = mail.data;
  const zone = viewerZone();
  return (
    <Page title={mailKindText(t, m.kind)} lead={m.recipientEmail ?? undefined}>
      {back}
      <p>
        <span className={`mail-status mail-status-${m.status}`}>{mailStatusText(t, m.status)}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('console.admin.mailLog.written')}</dt>
          <dd>{format.instant(m.createdAt, zone)}</dd>
        </div>
        <div>
          <dt>{t('console.admin.mailLog.attempts')}</dt>
          <dd>{format.number(m.attempts)}</dd>
        </div>
        {m.status === 'pending' && (
          <div>
            <dt>{t('console.admin.mailLog.nextAttempt')}</dt>
            <dd>{format.instant(m.nextAttemptAt, zone)}</dd>
          </div>
        )}
        {m.sentAt && (
          <div>
            <dt>{t('console.admin.mailLog.sentAt')}</dt>
            <dd>{format.instant(m.sentAt, zone)}</dd>
          </div>
        )}
        {m.lastError && (
          <div>
            <dt>{t('console.admin.mailLog.lastError')}</dt>
            <dd className="cell-wrap">{m.lastError}</dd>
          </div>
        )}
        {m.smtpResponse && (
          <div>
            <dt>{t('console.admin.mailLog.smtpResponse')}</dt>
            <dd className="cell-wrap">{m.smtpResponse}</dd>
          </div>
        )}
      </dl>

      <h2>{t('console.admin.mailLog.history')}</h2>
      <ol className="history">
        <li>
          {t('console.admin.mailLog.createdEntry')} · {format.instant(m.createdAt, zone)}
        </li>
        {m.history.map((h, i) => (
          <li key={i}>
            {h.status === 'pending' && h.attempts === 0
              ? t('console.admin.mailLog.retriedByAdmin')
              : `${mailStatusText(t, h.status)}, ${t('console.admin.mailLog.historyAttempts', { count: h.attempts })}`}{' '}
            · {format.instant(h.at, zone)}
          </li>
        ))}
      </ol>

      {retry.isError && <ProblemNotice error={retry.error} />}
      {retry.isSuccess && (
        <Notice tone="success">
          <p>{t('console.admin.mailLog.retried')}</p>
        </Notice>
      )}
      {m.status === 'failed' && (
        <div className="actions">
          <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate()}>
            {t('console.admin.mailLog.retry')}
          </button>
        </div>
      )}
    </Page>
  );
}
