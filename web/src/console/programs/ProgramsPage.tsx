import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { Pager, usePageParam } from '../Pager';
import '../admin/admin.css';

const LIMIT = 50;

/** The programs the organizer runs (all of them for an admin), each leading to its report. */
export default function ProgramsPage() {
  const { t } = useConsoleI18n();
  const [page, setPage] = usePageParam();
  const list = useQuery({
    queryKey: ['console', 'programs', page],
    queryFn: () => call(api.GET('/api/v1/programs', { params: { query: { mine: 'true', page, limit: LIMIT } } })),
  });
  return (
    <Page title={t('console.admin.programs.title')}>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p className="result-count" role="status">
            {list.data.total === 0
              ? t('console.admin.programs.empty')
              : t('console.admin.programs.count', { count: list.data.total })}
          </p>
          <ul className="program-list">
            {list.data.items.map((p) => (
              <li key={p.id}>
                <Link
                  to={`/console/programs/${p.id}`}
                  aria-label={t('console.admin.programs.report', { name: p.name })}
                >
                  {p.name}
                </Link>
                {p.description && <span className="cell-line hint">{p.description}</span>}
              </li>
            ))}
          </ul>
          <Pager page={page} total={list.data.total} limit={LIMIT} onPage={setPage} />
        </>
      )}
    </Page>
  );
}
