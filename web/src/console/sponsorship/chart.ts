import { niceScale } from '../events/chart';

/** One student's money in one currency, in minor units. */
export interface FundsRow {
  id: string;
  label: string;
  committed: number;
  received: number;
  disbursed: number;
}

export const FUND_SERIES = ['committed', 'received', 'disbursed'] as const;
export type FundSeries = (typeof FUND_SERIES)[number];

export interface FundsBar {
  series: FundSeries;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FundsGroup {
  id: string;
  label: string;
  /** The baseline of the student's name, above her three bars. */
  labelY: number;
  bars: FundsBar[];
}

export interface FundsTick {
  value: number;
  x: number;
  /** Where the tick's label hangs from x: the first and last stay inside the drawing. */
  anchor: 'start' | 'middle' | 'end';
}

export interface FundsLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  ticks: FundsTick[];
  groups: FundsGroup[];
}

const LABEL = 16;
const BAR = 10;
const BAR_GAP = 2;
const GROUP_GAP = 12;
const AXIS = 22;

/**
 * Horizontal bars for one currency, `width` wide: per student her name on a line of its own, then
 * a bar each for committed, received and disbursed, all on one axis from 0 to a round top; the
 * axis and its ticks (at most `maxSteps` steps) run along the bottom. Narrow screens keep every
 * name readable.
 */
export function layoutFunds(rows: readonly FundsRow[], width: number, margin = 8, maxSteps = 4): FundsLayout {
  const max = Math.max(0, ...rows.flatMap((r) => FUND_SERIES.map((s) => r[s])));
  const scale = niceScale(max, maxSteps);
  const groupHeight = LABEL + FUND_SERIES.length * (BAR + BAR_GAP);
  const top = 4;
  const plot = {
    left: margin,
    top,
    width: Math.max(0, width - 2 * margin),
    height: rows.length * groupHeight + Math.max(0, rows.length - 1) * GROUP_GAP,
  };
  const perUnit = plot.width / scale.top;
  const groups = rows.map((r, i) => {
    const y0 = plot.top + i * (groupHeight + GROUP_GAP);
    return {
      id: r.id,
      label: r.label,
      labelY: y0 + LABEL - 4,
      bars: FUND_SERIES.map((series, k) => ({
        series,
        value: r[series],
        x: plot.left,
        y: y0 + LABEL + k * (BAR + BAR_GAP),
        width: r[series] * perUnit,
        height: BAR,
      })),
    };
  });
  const last = scale.ticks.length - 1;
  const ticks = scale.ticks.map((value, i) => ({
    value,
    x: plot.left + value * perUnit,
    anchor: (i === 0 ? 'start' : i === last ? 'end' : 'middle') as FundsTick['anchor'],
  }));
  return { width, height: plot.top + plot.height + AXIS, plot, ticks, groups };
}
