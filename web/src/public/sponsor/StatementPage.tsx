import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { moneyText, PaymentsTable, percentOf, statementYear, yearText } from './bits';
import { statementCsvUrl, useStatement } from './queries';

export default function StatementPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn title={t('sponsor.statementTitle')}>{(user) => <Statement sponsorName={user.name} />}</RequireSignIn>
  );
}

/** A year's statement, ready to print (the header, the buttons and the links stay off paper), with its CSV. */
function Statement(props: { sponsorName: string }) {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const year = statementYear(params.get('year'), Number(new Date().toISOString().slice(0, 4)));
  const { t, format } = useI18n();
  const q = useStatement(id, year);
  const title = t('sponsor.statementFor', { year: yearText(year, format) });
  if (!q.data) return <Page title={title}>{q.isError ? <ProblemNotice error={q.error} /> : <Loading />}</Page>;
  const s = q.data;
  return (
    <div className="statement">
      <p className="print-only statement-brand">Kinship</p>
      <Page title={title}>
        <p className="print-only">
          {t('sponsor.preparedFor', {
            name: props.sponsorName,
            date: format.date(new Date().toISOString().slice(0, 10)),
          })}
        </p>
        <p className="no-print">
          <Link to={`/me/sponsorships/${id}`}>{t('sponsor.backTo', { name: s.studentName })}</Link>
        </p>
        <p className="statement-lead">
          {t('sponsor.statementLead', { name: s.studentName, year: yearText(year, format) })}
        </p>
        <p>
          {t('sponsor.commitmentLine', {
            amount: t(`sponsor.period.${s.commitment.period}`, {
              amount: format.money(s.commitment.amount, s.commitment.currency),
            }),
          })}
        </p>
        {s.payments.length === 0 ? (
          <p>{t('sponsor.noPayments')}</p>
        ) : (
          <PaymentsTable payments={s.payments} caption={t('sponsor.payments')} withReference />
        )}
        <p className="statement-total">
          {t('sponsor.totalLine', { amount: moneyText(s.totals, format) || t('sponsor.none') })}
        </p>
        {s.reports.length > 0 && (
          <section aria-labelledby="statement-reports">
            <h2 id="statement-reports">{t('sponsor.statementReports', { year: yearText(year, format) })}</h2>
            <ul>
              {s.reports.map((r) => (
                <li key={r.id}>
                  {t('sponsor.reportTerm', { term: r.term })}:{' '}
                  {t('sponsor.attendance', { percent: percentOf(r.attendanceRate) })} ·{' '}
                  {r.promoted ? t('sponsor.promoted') : t('sponsor.notPromoted')}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('sponsor.print')}
          </button>
          <a className="button button-secondary" href={statementCsvUrl(id, year)} download>
            {t('sponsor.csv')}
          </a>
        </div>
      </Page>
    </div>
  );
}
