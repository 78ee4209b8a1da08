import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { DuesTable, MoneyList, PaymentsTable, ReportDetails, StudentFacts, statementYears, yearText } from './bits';
import { useReports, useSponsorship, type Sponsorship } from './queries';

export default function SponsorshipPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('sponsor.detailTitle')}>{() => <Detail />}</RequireSignIn>;
}

/** One sponsorship: the student, this sponsor's commitment, payments and dues, every report in order, the statements. */
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
  const year = Number(new Date().toISOString().slice(0, 4));
  return (
    <Page title={s.student.preferredName}>
      <p className="no-print">
        <Link to="/me/sponsorships">{t('sponsor.backToAll')}</Link>
      </p>
      <StudentFacts sponsorship={s} />
      {s.status === 'ended' && <p className="hint">{t('sponsor.ended')}</p>}

      <section aria-labelledby="commitment">
        <h2 id="commitment">{t('sponsor.commitment')}</h2>
        <p>
          {t(`sponsor.period.${s.commitment.period}`, {
            amount: format.money(s.commitment.amount, s.commitment.currency),
          })}{' '}
          · {t('sponsor.since', { date: format.date(s.startDate) })}
          {s.endedOn && <> · {t('sponsor.endedOn', { date: format.date(s.endedOn) })}</>}
        </p>
        <dl className="facts money-facts">
          <div>
            <dt>{t('sponsor.paidThisYear', { year: yearText(year, format) })}</dt>
            <dd>
              <MoneyList items={s.paidThisYear} />
            </dd>
          </div>
          <div>
            <dt>{t('sponsor.paid')}</dt>
            <dd>
              <MoneyList items={s.paidToDate} />
            </dd>
          </div>
          <div>
            <dt>{t('sponsor.due')}</dt>
            <dd>{format.money(s.due.amount, s.due.currency)}</dd>
          </div>
          {s.nextDueDate && s.status === 'active' && (
            <div>
              <dt>{t('sponsor.nextDueLabel')}</dt>
              <dd>{format.date(s.nextDueDate)}</dd>
            </div>
          )}
        </dl>
        {s.overdue.amount > 0 && (
          <p className="status status-cancelled">
            {t('sponsor.overdue', { amount: format.money(s.overdue.amount, s.overdue.currency) })}
          </p>
        )}
      </section>

      <section aria-labelledby="dues">
        <h2 id="dues">{t('sponsor.dues')}</h2>
        <DuesTable dues={s.dues} />
      </section>

      <section aria-labelledby="payments">
        <h2 id="payments">{t('sponsor.payments')}</h2>
        {s.payments.length === 0 ? (
          <p>{t('sponsor.none')}</p>
        ) : (
          <PaymentsTable payments={s.payments} caption={t('sponsor.paid')} />
        )}
      </section>

      <Reports sponsorship={s} />

      <section aria-labelledby="statements">
        <h2 id="statements">{t('sponsor.statements')}</h2>
        <ul className="link-list">
          {statementYears(s, year).map((y) => (
            <li key={y}>
              <Link to={`/me/sponsorships/${s.id}/statement?year=${y}`}>
                {t('sponsor.statementFor', { year: yearText(y, format) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

/** Every published report, oldest first, each with its subjects and grades. */
function Reports(props: { sponsorship: Sponsorship }) {
  const { t } = useI18n();
  const s = props.sponsorship;
  const q = useReports(s.id);
  return (
    <section aria-labelledby="reports">
      <h2 id="reports">{t('sponsor.reports')}</h2>
      {q.isPending && <Loading />}
      {q.isError && <ProblemNotice error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.items.length === 0 && <p>{t('sponsor.noReport')}</p>}
      {q.data?.items.map((r) => (
        <article key={r.id} className="report" aria-labelledby={`report-${r.id}`}>
          <h3 id={`report-${r.id}`}>
            <Link to={`/me/sponsorships/${s.id}/reports/${r.id}`}>{t('sponsor.reportTerm', { term: r.term })}</Link>
          </h3>
          <ReportDetails report={r} headingLevel={4} />
        </article>
      ))}
    </section>
  );
}
