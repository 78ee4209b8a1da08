import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import './sponsorship.css';

/** The sponsorship programs the organizer runs (every one for an admin), each with its students and funds. */
export default function ProgramsPage() {
  const { t } = useConsoleI18n();
  const list = useQuery({
    queryKey: ['console', 'fund', 'programs'],
    queryFn: () =>
      call(api.GET('/api/v1/programs', { params: { query: { mine: 'true', kind: 'sponsorship', limit: 100 } } })),
  });
  return (
    <Page title={t('console.fund.programs.title')}>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p>{t('console.fund.programs.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="fund-list">
          {list.data.items.map((p) => (
            <li key={p.id}>
              <h2>{p.name}</h2>
              <ul className="link-list">
                <li>
                  <Link to={`/console/sponsorship/programs/${p.id}`}>{t('console.fund.programs.students')}</Link>
                </li>
                <li>
                  <Link to={`/console/sponsorship/programs/${p.id}/enrol`}>{t('console.fund.programs.enrol')}</Link>
                </li>
                <li>
                  <Link to={`/console/sponsorship/programs/${p.id}/funds`}>{t('console.fund.programs.funds')}</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
