import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { mailKindText, mailStatusText } from '../admin/mail-words';
import { useConsoleI18n } from '../i18n/words';

/** The mails written to one family (newest first): what, whether it went, when, to which address. */
export function FamilyMails(props: { eventId: string; registrationId: string; timezone: string }) {
  const { eventId, registrationId, timezone } = props;
  const { t, format } = useConsoleI18n();
  const mails = useQuery({
    queryKey: ['console', 'family-mails', registrationId],
    queryFn: () =>
      call(
        api.GET('/api/v1/events/{id}/registrations/{registrationId}/mails', {
          params: { path: { id: eventId, registrationId }, query: { limit: 100 } },
        }),
      ),
  });
  const title = t('console.admin.familyMails.title');
  return (
    <section aria-labelledby="family-mails">
      <h2 id="family-mails">{title}</h2>
      {mails.isPending && <Loading />}
      {mails.isError && <ProblemNotice error={mails.error} onRetry={() => void mails.refetch()} />}
      {mails.data && mails.data.items.length === 0 && <p>{t('console.admin.familyMails.empty')}</p>}
      {mails.data && mails.data.items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="mails">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.admin.familyMails.kind')}</th>
                <th scope="col">{t('console.admin.familyMails.status')}</th>
                <th scope="col">{t('console.admin.familyMails.when')}</th>
              </tr>
            </thead>
            <tbody>
              {mails.data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {mailKindText(t, m.kind)}
                    {/* The address under the kind: a fourth column would not fit a phone. */}
                    <span className="cell-line hint">
                      {t('console.admin.familyMails.recipient')} {m.recipientEmail ?? '—'}
                    </span>
                  </th>
                  <td>
                    <span className={`mail-status mail-status-${m.status}`}>{mailStatusText(t, m.status)}</span>
                  </td>
                  <td>
                    {m.sentAt
                      ? format.instant(m.sentAt, timezone)
                      : m.status === 'pending'
                        ? t('console.admin.familyMails.due', { at: format.instant(m.nextAttemptAt, timezone) })
                        : format.instant(m.createdAt, timezone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
