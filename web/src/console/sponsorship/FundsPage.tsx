import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { FUND_SERIES, layoutFunds, type FundsRow } from './chart';
import { useProgram } from './shared';

type Funds = Schemas['FundsResponse'];

/** Per currency: each student's committed, received and disbursed money as a table and as bars. */
export default function FundsPage() {
  const { programId = '' } = useParams();
  const { t } = useConsoleI18n();
  const program = useProgram(programId);
  const funds = useQuery({
    queryKey: ['console', 'fund', 'funds', programId],
    queryFn: () => call(api.GET('/api/v1/programs/{id}/funds', { params: { path: { id: programId } } })),
  });
  const back = (
    <p>
      <Link to={`/console/sponsorship/programs/${programId}`}>{t('console.fund.funds.back')}</Link>
    </p>
  );
  if (funds.isPending) return <Loading />;
  if (funds.isError) {
    return (
      <Page title={t('console.fund.funds.title')}>
        <ProblemNotice error={funds.error} onRetry={() => void funds.refetch()} />
        {back}
      </Page>
    );
  }
  const currencies = funds.data.totals.map((l) => l.currency);
  return (
    <Page title={t('console.fund.funds.title')} lead={program.data?.name}>
      {back}
      <p>{t('console.fund.funds.lead')}</p>
      {currencies.length === 0 && <p>{t('console.fund.funds.empty')}</p>}
      {currencies.map((c) => (
        <CurrencyFunds key={c} funds={funds.data} currency={c} />
      ))}
    </Page>
  );
}

function CurrencyFunds(props: { funds: Funds; currency: string }) {
  const { t, format } = useConsoleI18n();
  const c = props.currency;
  const money = (n: number) => format.money(n, c);
  const rows = props.funds.students.flatMap((s) => {
    const line = s.totals.find((l) => l.currency === c);
    return line ? [{ student: s, line }] : [];
  });
  const total = props.funds.totals.find((l) => l.currency === c)!;
  const headingId = `funds-${c}`;
  return (
    <section className="fund-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.fund.funds.currency', { currency: c })}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${headingId}-caption`}>
        <table className="report">
          <caption id={`${headingId}-caption`}>{t('console.fund.funds.tableCaption', { currency: c })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console.fund.funds.student')}</th>
              <th scope="col">{t('console.fund.funds.committed')}</th>
              <th scope="col">{t('console.fund.funds.received')}</th>
              <th scope="col">{t('console.fund.funds.disbursed')}</th>
              <th scope="col">{t('console.fund.funds.balance')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ student, line }) => (
              <tr key={student.studentId}>
                <th scope="row">
                  <Link to={`/console/sponsorship/students/${student.studentId}`}>{student.fullName}</Link>
                </th>
                <td>{money(line.committed)}</td>
                <td>{money(line.received)}</td>
                <td>{money(line.disbursed)}</td>
                <td>{money(line.balance)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('console.fund.funds.total')}</th>
              <td>{money(total.committed)}</td>
              <td>{money(total.received)}</td>
              <td>{money(total.disbursed)}</td>
              <td>{money(total.balance)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <FundsChart
        currency={c}
        rows={rows.map(({ student, line }) => ({
          id: student.studentId,
          label: student.fullName,
          committed: line.committed,
          received: line.received,
          disbursed: line.disbursed,
        }))}
      />
    </section>
  );
}

/** The width the chart has on this screen, followed as it changes (text stays at its real size). */
function useWidth(fallback: number) {
  const box = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(200, Math.min(720, Math.floor(el.clientWidth))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { box, width };
}

/** The table's numbers drawn: hidden from screen readers, which have the table. */
function FundsChart(props: { currency: string; rows: FundsRow[] }) {
  const { t, format } = useConsoleI18n();
  const { box, width } = useWidth(320);
  // About one tick label per 130 px, so they never run into each other.
  const l = layoutFunds(props.rows, width, 8, Math.max(1, Math.min(4, Math.floor(width / 130))));
  return (
    <figure className="fund-chart" ref={box}>
      <figcaption>{t('console.fund.funds.chartTitle', { currency: props.currency })}</figcaption>
      <ul className="fund-legend" aria-hidden="true">
        {FUND_SERIES.map((s) => (
          <li key={s}>
            <span className={`fund-swatch fund-bar-${s}`} />
            {t(`console.fund.funds.${s}`)}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${l.width} ${l.height}`}
        width={l.width}
        height={l.height}
        aria-hidden="true"
        focusable="false"
      >
        {l.ticks.map((tick) => (
          <line
            key={`g${tick.value}`}
            className="fund-grid"
            x1={tick.x}
            x2={tick.x}
            y1={l.plot.top}
            y2={l.plot.top + l.plot.height}
          />
        ))}
        {l.groups.map((g) => (
          <g key={g.id}>
            <text x={l.plot.left} y={g.labelY}>
              {g.label}
            </text>
            {g.bars.map((b) => (
              <rect
                key={b.series}
                className={`fund-bar-${b.series}`}
                x={b.x}
                y={b.y}
                width={Math.max(b.width, b.value > 0 ? 1 : 0)}
                height={b.height}
              />
            ))}
          </g>
        ))}
        <line
          className="fund-axis"
          x1={l.plot.left}
          x2={l.plot.left + l.plot.width}
          y1={l.plot.top + l.plot.height + 2}
          y2={l.plot.top + l.plot.height + 2}
        />
        {l.ticks.map((tick) => (
          <text key={`t${tick.value}`} x={tick.x} y={l.height - 4} textAnchor={tick.anchor}>
            {format.money(tick.value, props.currency)}
          </text>
        ))}
      </svg>
    </figure>
  );
}
