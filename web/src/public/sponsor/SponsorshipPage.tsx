import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { MoneyList, ReportSummary, StudentFacts } from './bits';
import { useSponsorship } from './queries';

export default function SponsorshipPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('sponsor.detailTitle')}>{() => <Detail />}</RequireSignIn>;
}

function Detail() {
  const { id = '' } = useParams();
  const { t, format } = useI18n();
  const q = useSponsorship(id);
  if (!q.data) {
    return (
      <Page title={t('sponsor.detailTitle')}>
        {q.isError ? <ProblemNotice error={q.error} onRetry={() => void q.refetch()} /> : <Loading />}
      </Page>
    );
  }
  const s = q.data;
  const year = new Date().getFullYear();
  return (
    <Page title={s.student.preferredName}>
      <StudentFacts sponsorship={s} />
      <h2>{t('sponsor.commitment')}</h2>
      <p>
        {t(`sponsor.period.${s.commitment.period}`, {
          amount: format.money(s.commitment.amount, s.commitment.currency),
        })}
      </p>
      <p>
        {t('sponsor.paid')}: <MoneyList items={s.paidToDate} />
      </p>
      {s.nextDueDate && <p>{t('sponsor.nextDue', { date: format.date(s.nextDueDate) })}</p>}
      <p>
        {t('sponsor.due')}: {format.money(s.due.amount, s.due.currency)}
      </p>
      {s.overdue.amount > 0 && (
        <p className="status status-cancelled">
          {t('sponsor.overdue', { amount: format.money(s.overdue.amount, s.overdue.currency) })}
        </p>
      )}
      <h2>{t('sponsor.payments')}</h2>
      {s.payments.length === 0 ? (
        <p>{t('sponsor.none')}</p>
      ) : (
        <ul>
          {s.payments.map((p) => (
            <li key={p.id}>
              {format.date(p.receivedOn)} · {format.money(p.amount, p.currency)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('sponsor.latestReport')}</h2>
      {s.latestReport ? <ReportSummary sponsorshipId={s.id} report={s.latestReport} /> : <p>{t('sponsor.noReport')}</p>}
      <h2>{t('sponsor.statements')}</h2>
      <p>
        <Link to={`/me/sponsorships/${s.id}/statement?year=${year}`}>
          {t('sponsor.statementFor', { year: String(year) })}
        </Link>
      </p>
    </Page>
  );
}
