import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { MoneyList, ReportSummary, StudentFacts } from './bits';
import { useMySponsorships } from './queries';

export default function SponsorshipsPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('sponsor.title')}>{() => <List />}</RequireSignIn>;
}

function List() {
  const { t, format } = useI18n();
  const list = useMySponsorships();
  return (
    <Page title={t('sponsor.title')}>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p>{t('sponsor.empty')}</p>}
      <div className="cards">
        {list.data?.items.map((s) => (
          <article key={s.id} className="card">
            <h2 className="card-title">
              <Link to={`/me/sponsorships/${s.id}`}>{s.student.preferredName}</Link>
            </h2>
            <StudentFacts sponsorship={s} />
            {s.latestReport && <ReportSummary sponsorshipId={s.id} report={s.latestReport} />}
            <p>
              {t('sponsor.paid')}: <MoneyList items={s.paidToDate} />
            </p>
            {s.nextDueDate && <p>{t('sponsor.nextDue', { date: format.date(s.nextDueDate) })}</p>}
            {s.overdue.amount > 0 && (
              <p className="status status-cancelled">
                {t('sponsor.overdue', { amount: format.money(s.overdue.amount, s.overdue.currency) })}
              </p>
            )}
            {s.status === 'ended' && <p className="hint">{t('sponsor.ended')}</p>}
          </article>
        ))}
      </div>
    </Page>
  );
}
