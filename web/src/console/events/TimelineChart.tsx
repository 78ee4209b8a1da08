import { useLayoutEffect, useState } from 'react';
import { useConsoleI18n } from '../i18n/words';
import { chartSize, layoutTimeline, niceScale, SERIES, timelineTotals, type TimelineDay } from './chart';

/** An element's width in CSS pixels, followed as the window changes (`fallback` until laid out). */
function useWidth(fallback: number): [(el: Element | null) => void, number] {
  const [el, setEl] = useState<Element | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, [el]);
  return [setEl, width];
}

/**
 * Registrations per day by their status now, as stacked bars drawn by hand (no chart library: the
 * console's budget). The drawing is one image with a summary for screen readers; the numbers
 * themselves are in a table below it.
 */
export function TimelineChart(props: { days: TimelineDay[]; timezone: string }) {
  const { t, format } = useConsoleI18n();
  const { days } = props;
  const [measured, width] = useWidth(320);
  if (!days.length) return <p>{t('console.dashboard.noRegistrations')}</p>;
  const totals = timelineTotals(days);
  // Drawn at the width it takes on the screen, so the labels are never scaled up or down.
  const longest = format.number(niceScale(Math.max(...days.map((d) => d.confirmed + d.waitlisted + d.cancelled))).top);
  const size = chartSize(width, longest.length);
  const { bars, ticks, plot } = layoutTimeline(days, size);
  const summary = t('console.chart.summary', {
    days: days.length,
    from: format.date(days[0].date),
    to: format.date(days[days.length - 1].date),
    confirmed: totals.confirmed,
    waitlisted: totals.waitlisted,
    cancelled: totals.cancelled,
  });
  return (
    <figure className="chart">
      <svg
        ref={measured}
        viewBox={`0 0 ${size.width} ${size.height}`}
        role="img"
        aria-label={summary}
        className="chart-svg"
      >
        {ticks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={plot.left}
              x2={plot.left + plot.width}
              y1={tick.y}
              y2={tick.y}
              className={tick.value === 0 ? 'chart-axis' : 'chart-grid'}
            />
            <text x={plot.left - 4} y={tick.y} className="chart-tick" textAnchor="end" dominantBaseline="middle">
              {format.number(tick.value)}
            </text>
          </g>
        ))}
        {bars.map((bar) => (
          <g key={bar.date}>
            {bar.segments.map((s) => (
              <rect
                key={s.series}
                x={bar.x}
                y={s.y}
                width={Math.max(bar.width, 0.5)}
                height={s.height}
                className={`chart-${s.series}`}
              />
            ))}
          </g>
        ))}
      </svg>
      <div className="chart-dates" aria-hidden="true">
        <span>{format.date(days[0].date)}</span>
        {days.length > 1 && <span>{format.date(days[days.length - 1].date)}</span>}
      </div>
      <figcaption>
        <ul className="chart-legend">
          {SERIES.map((s) => (
            <li key={s}>
              <span className={`chart-swatch chart-${s}`} aria-hidden="true" />
              {t(`console.stats.${s}`)}: {format.number(totals[s])}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="chart-table">
        <summary>{t('console.chart.showTable')}</summary>
        {/* Focusable, so a keyboard can scroll it sideways on a narrow screen. */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('console.chart.showTable')}>
          <table>
            <caption>{t('console.chart.tableCaption', { zone: props.timezone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.chart.date')}</th>
                {SERIES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`console.stats.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{format.date(d.date)}</th>
                  {SERIES.map((s) => (
                    <td key={s}>{format.number(d[s])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
