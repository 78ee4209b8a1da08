import { useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { useSponsorship, useStatement, type Report } from './queries';

export default function ReportPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('sponsor.reportTitle')}>{() => <ReportView />}</RequireSignIn>;
}

/** A published report: found as the latest one, else among this year's statement. */
function ReportView() {
  const { id = '', reportId = '' } = useParams();
  const { t } = useI18n();
  const s = useSponsorship(id);
  const statement = useStatement(id, new Date().getFullYear());
  const report: Report | undefined =
    s.data?.latestReport?.id === reportId
      ? s.data.latestReport
      : statement.data?.reports.find((r) => r.id === reportId);
  if (!report) {
    const error = s.error ?? (statement.isError ? statement.error : null);
    const done = !s.isPending && !statement.isPending;
    return (
      <Page title={t('sponsor.reportTitle')}>
        {error ? <ProblemNotice error={error} /> : done ? <p>{t('sponsor.reportGone')}</p> : <Loading />}
      </Page>
    );
  }
  return <ReportBody report={report} name={s.data?.student.preferredName ?? ''} />;
}

export function ReportBody(props: { report: Report; name: string }) {
  const { t, format } = useI18n();
  const r = props.report;
  return (
    <Page title={t('sponsor.reportOf', { name: props.name, term: r.term })}>
      <p>
        {r.gradeLevel} · {t('sponsor.attendance', { percent: format.number(Math.round(r.attendanceRate * 100)) })} ·{' '}
        {r.promoted ? t('sponsor.promoted') : t('sponsor.notPromoted')}
      </p>
      <table>
        <caption>{t('sponsor.subjects')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sponsor.subject')}</th>
            <th scope="col">{t('sponsor.gradeColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {r.subjects.map((sub) => (
            <tr key={sub.name}>
              <td>{sub.name}</td>
              <td>{sub.grade}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.summary && <p className="prose">{r.summary}</p>}
    </Page>
  );
}
