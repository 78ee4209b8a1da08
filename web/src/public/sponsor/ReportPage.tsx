import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { RequireSignIn } from '../account/RequireSignIn';
import { ReportDetails } from './bits';
import { useReport, useSponsorship } from './queries';

export default function ReportPage() {
  const { t } = useI18n();
  return <RequireSignIn title={t('sponsor.reportTitle')}>{() => <ReportView />}</RequireSignIn>;
}

/**
 * One published report, as the mail about it links here. Gone (404) while the student's consent
 * to share her progress is withdrawn, or for a report published after the sponsorship ended.
 */
function ReportView() {
  const { id = '', reportId = '' } = useParams();
  const { t } = useI18n();
  const s = useSponsorship(id);
  const r = useReport(id, reportId);
  const back = s.data && (
    <p className="no-print">
      <Link to={`/me/sponsorships/${id}`}>{t('sponsor.backTo', { name: s.data.student.preferredName })}</Link>
    </p>
  );
  if (!r.data || !s.data) {
    const error = r.error ?? s.error;
    const gone = r.error instanceof ApiError && r.error.status === 404;
    return (
      <Page title={t('sponsor.reportTitle')}>
        {gone ? <p>{t('sponsor.reportGone')}</p> : error ? <ProblemNotice error={error} /> : <Loading />}
        {back}
      </Page>
    );
  }
  return (
    <Page title={t('sponsor.reportOf', { name: s.data.student.preferredName, term: r.data.term })}>
      {back}
      <ReportDetails report={r.data} />
    </Page>
  );
}
