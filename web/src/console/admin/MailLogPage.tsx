import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { SelectField, TextField } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { filterParams, Pager, usePageParam } from '../Pager';
import { MAIL_KINDS, MAIL_STATUSES, mailKindText, mailStatusText, type MailKind, type MailStatus } from './mail-words';
import './admin.css';

const LIMIT = 20;
const isStatus = (v: string | null): v is MailStatus => !!v && (MAIL_STATUSES as readonly string[]).includes(v);

/**
 * The admins' mail log: every outbox row, newest first, filtered by status, kind and recipient (in
 * the URL); each leads to its status history and, when it failed, a retry.
 */
export default function MailLogPage() {
  const { t, format } = useConsoleI18n();
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const rawKind = params.get('kind');
  const kind = rawKind && (MAIL_KINDS as readonly string[]).includes(rawKind) ? (rawKind as MailKind) : undefined;
  const recipient = params.get('recipient') || undefined;
  const [page, setPage] = usePageParam();
  const [form, setForm] = useState({ status: status ?? '', kind: kind ?? '', recipient: recipient ?? '' });
  useEffect(() => {
    setForm({ status: status ?? '', kind: kind ?? '', recipient: recipient ?? '' });
  }, [status, kind, recipient]);
  const list = useQuery({
    queryKey: ['console', 'mail-log', status ?? '', kind ?? '', recipient ?? '', page],
    queryFn: () =>
      call(api.GET('/api/v1/notifications', { params: { query: { status, kind, recipient, page, limit: LIMIT } } })),
  });

  function filter(e: FormEvent) {
    e.preventDefault();
    setParams(filterParams(form));
  }

  const title = t('console.admin.mailLog.title');
  return (
    <Page title={title}>
      <p>
        <a href="/admin/queues">{t('console.admin.mailLog.queues')}</a>
        <span className="cell-line hint">{t('console.admin.mailLog.queuesHint')}</span>
      </p>
      <form className="filters mail-filters" role="search" onSubmit={filter}>
        <div className="filter-row">
          <SelectField
            label={t('console.admin.mailLog.status')}
            value={form.status}
            onChange={(e) => setForm({ ...form, status: e.target.value })}
          >
            <option value="">{t('console.admin.mailLog.anyStatus')}</option>
            {MAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {mailStatusText(t, s)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('console.admin.mailLog.kind')}
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value })}
          >
            <option value="">{t('console.admin.mailLog.anyKind')}</option>
            {MAIL_KINDS.map((k) => (
              <option key={k} value={k}>
                {mailKindText(t, k)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('console.admin.mailLog.recipient')}
            hint={t('console.admin.mailLog.recipientHint')}
            type="email"
            value={form.recipient}
            maxLength={254}
            onChange={(e) => setForm({ ...form, recipient: e.target.value })}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('console.admin.mailLog.filter')}
          </button>
        </div>
      </form>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p className="result-count" role="status">
            {t('console.admin.mailLog.count', { count: list.data.total })}
          </p>
          {list.data.items.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
              <table className="mails">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console.admin.mailLog.mail')}</th>
                    <th scope="col">{t('console.admin.mailLog.status')}</th>
                    <th scope="col">{t('console.admin.mailLog.written')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <Link to={`/console/admin/mails/${m.id}`}>{mailKindText(t, m.kind)}</Link>
                        <span className="cell-line hint">{m.recipientEmail ?? '—'}</span>
                      </th>
                      <td>
                        <span className={`mail-status mail-status-${m.status}`}>{mailStatusText(t, m.status)}</span>
                      </td>
                      <td>{format.instant(m.createdAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} total={list.data.total} limit={LIMIT} onPage={setPage} />
        </>
      )}
    </Page>
  );
}
