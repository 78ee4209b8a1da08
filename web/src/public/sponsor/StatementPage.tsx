import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { MoneyList } from './bits';
import { useStatement } from './queries';

export default function StatementPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('sponsor.statementTitle')}>{() => <Statement />}</RequireSignIn>;
}

/** A year's statement, ready to print, with its CSV. */
function Statement() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const { t, format } = useI18n();
  const q = useStatement(id, year);
  const title = t('sponsor.statementFor', { year: String(year) });
  if (!q.data) return <Page title={title}>{q.isError ? <ProblemNotice error={q.error} /> : <Loading />}</Page>;
  const s = q.data;
  return (
    <Page title={title}>
      <p>{s.studentName}</p>
      <table>
        <caption>{t('sponsor.payments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sponsor.date')}</th>
            <th scope="col">{t('sponsor.amount')}</th>
            <th scope="col">{t('sponsor.reference')}</th>
          </tr>
        </thead>
        <tbody>
          {s.payments.map((p) => (
            <tr key={p.id}>
              <td>{format.date(p.receivedOn)}</td>
              <td>{format.money(p.amount, p.currency)}</td>
              <td>{p.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('sponsor.total')}: <MoneyList items={s.totals} />
      </p>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('sponsor.print')}
        </button>
        <a
          className="button button-secondary"
          href={`/api/v1/sponsorships/${id}/statement?year=${year}&format=csv`}
          download
        >
          {t('sponsor.csv')}
        </a>
      </div>
    </Page>
  );
}
