/** Registrations made on one day (in the event's zone), by their status now. */
export interface TimelineDay {
  date: string;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
}

export const SERIES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type Series = (typeof SERIES)[number];

/**
 * A round top for the count axis (1, 2 or 5 × 10^k per step, whole numbers only) at or above the
 * largest value, with at most `maxSteps` steps: 0, step, 2·step … top.
 */
export function niceScale(max: number, maxSteps = 4): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const raw = max / maxSteps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = magnitude;
  for (const m of [1, 2, 5, 10]) {
    step = m * magnitude;
    if (step * maxSteps >= max) break;
  }
  step = Math.max(1, Math.round(step));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { top, ticks };
}

export interface Segment {
  series: Series;
  value: number;
  y: number;
  height: number;
}
export interface Bar {
  date: string;
  x: number;
  width: number;
  total: number;
  /** Bottom to top: confirmed, waitlisted, cancelled (empty ones left out). */
  segments: Segment[];
}
export interface ChartLayout {
  bars: Bar[];
  ticks: { value: number; y: number }[];
  plot: { left: number; top: number; width: number; height: number };
}

/**
 * Stacked bars, one per day, inside a `width` × `height` drawing: the plot leaves `left` for the
 * count labels; a day's bar is as tall as its registrations on the axis's round top.
 */
export function layoutTimeline(
  days: TimelineDay[],
  size: { width: number; height: number; left?: number; top?: number; bottom?: number },
): ChartLayout {
  const left = size.left ?? 28;
  const top = size.top ?? 8;
  const bottom = size.bottom ?? 4;
  const plot = { left, top, width: size.width - left - 2, height: size.height - top - bottom };
  const totals = days.map((d) => d.confirmed + d.waitlisted + d.cancelled);
  const scale = niceScale(Math.max(0, ...totals));
  const perUnit = plot.height / scale.top;
  const slot = days.length ? plot.width / days.length : 0;
  // A gap between bars while they are wide enough to show one.
  const gap = slot >= 6 ? Math.min(slot * 0.2, 8) : 0;
  const bars = days.map((d, i) => {
    let base = plot.top + plot.height;
    const segments: Segment[] = [];
    for (const series of SERIES) {
      const value = d[series];
      if (value <= 0) continue;
      const height = value * perUnit;
      base -= height;
      segments.push({ series, value, y: base, height });
    }
    // A bar no wider than a fifth of the plot, in the middle of its slot: one day is not a wall.
    const width = Math.min(slot - gap, plot.width / 5);
    return { date: d.date, x: plot.left + i * slot + (slot - width) / 2, width, total: totals[i], segments };
  });
  const ticks = scale.ticks.map((value) => ({ value, y: plot.top + plot.height - value * perUnit }));
  return { bars, ticks, plot };
}

/**
 * The drawing for a chart `width` CSS pixels wide, one unit to the pixel, so that its count labels
 * keep the page's text size however wide the screen (0.8rem: about 7.5 px a digit): room on the left
 * for the longest label (`labelChars` characters), and a little taller when wide.
 */
export function chartSize(
  width: number,
  labelChars: number,
): { width: number; height: number; left: number; top: number; bottom: number } {
  const height = Math.round(Math.min(220, Math.max(160, width * 0.3)));
  return { width, height, left: Math.ceil(10 + labelChars * 7.5), top: 10, bottom: 10 };
}

/** The sums of each status over the days shown. */
export function timelineTotals(days: TimelineDay[]): Record<Series, number> {
  const sum = { confirmed: 0, waitlisted: 0, cancelled: 0 };
  for (const d of days) for (const s of SERIES) sum[s] += d[s];
  return sum;
}

const HOUR = 3600_000;

/**
 * The dashboard refreshes itself while the event is on, and on the day before (late
 * registrations, the first check-ins): from 24 hours before the start until the end.
 */
export function isLive(event: { status: string; startsAt: string; endsAt: string }, now: number): boolean {
  if (event.status !== 'published') return false;
  return now >= Date.parse(event.startsAt) - 24 * HOUR && now <= Date.parse(event.endsAt);
}

/** Seats taken as a whole percentage of the capacity (never above 100 for the bar). */
export function percentTaken(taken: number, capacity: number): number {
  if (capacity <= 0) return 0;
  return Math.min(100, Math.round((taken / capacity) * 100));
}
