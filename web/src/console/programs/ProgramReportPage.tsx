import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';

type Counts = Schemas['ProgramReportCounts'];
const COLUMNS = ['families', 'persons', 'children', 'waitlisted', 'checkedInFamilies', 'checkedInPersons'] as const;

/** A program's events and who came to them, per event and in total: a table, and bars for the eye. */
export default function ProgramReportPage() {
  const { id = '' } = useParams();
  const { t, format } = useConsoleI18n();
  const report = useQuery({
    queryKey: ['console', 'program-report', id],
    queryFn: () => call(api.GET('/api/v1/programs/{id}/report', { params: { path: { id } } })),
  });
  if (report.isPending) return <Loading />;
  if (report.isError) {
    return (
      <Page title={t('console.program.title')}>
        <ProblemNotice error={report.error} onRetry={() => void report.refetch()} />
      </Page>
    );
  }
  const r = report.data;
  const most = Math.max(1, ...r.events.map((e) => e.persons));
  return (
    <Page title={r.name} lead={t('console.program.title')}>
      {r.events.length === 0 ? (
        <p>{t('console.program.empty')}</p>
      ) : (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('console.program.tableCaption')}>
            <table className="report">
              <caption>{t('console.program.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.program.event')}</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c}>
                      {t(`console.program.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.events.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/console/events/${e.id}`}>{e.title}</Link>
                      <span className="cell-line hint">
                        {format.date(e.startsAt.slice(0, 10))}
                        {e.status === 'cancelled' && ` · ${t('console.status.cancelled')}`}
                      </span>
                    </th>
                    <CountCells counts={e} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('console.program.total')}</th>
                  <CountCells counts={r.totals} />
                </tr>
              </tfoot>
            </table>
          </div>
          <h2>{t('console.program.chartTitle')}</h2>
          {/* The same numbers as the table, drawn: hidden from screen readers, which have the table. */}
          <ul className="report-bars" aria-hidden="true">
            {r.events.map((e) => (
              <li key={e.id}>
                <span className="report-bar-label">{e.title}</span>
                <span className="report-bar">
                  <span className="report-bar-persons" style={{ width: `${(e.persons / most) * 100}%` }} />
                  <span className="report-bar-checked" style={{ width: `${(e.checkedInPersons / most) * 100}%` }} />
                </span>
                <span className="hint">
                  {t('console.program.barText', { persons: e.persons, checkedIn: e.checkedInPersons })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function CountCells(props: { counts: Counts }) {
  const { format } = useConsoleI18n();
  return (
    <>
      {COLUMNS.map((c) => (
        <td key={c}>{format.number(props.counts[c])}</td>
      ))}
    </>
  );
}
