import { describe, expect, it } from 'vitest';
import { chartSize, isLive, layoutTimeline, niceScale, percentTaken, timelineTotals, type TimelineDay } from './chart';

const day = (date: string, confirmed: number, waitlisted = 0, cancelled = 0): TimelineDay => ({
  date,
  confirmed,
  waitlisted,
  cancelled,
});

describe('niceScale', () => {
  it('should round the top up to 1, 2 or 5 times a power of ten per step', () => {
    expect(niceScale(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(37)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(180)).toEqual({ top: 200, ticks: [0, 50, 100, 150, 200] });
    expect(niceScale(1000)).toEqual({ top: 1000, ticks: [0, 500, 1000] });
  });

  it('should use whole steps for small counts and a unit axis when there is nothing', () => {
    expect(niceScale(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(niceScale(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
  });

  it('should never put the top below the largest value nor use more steps than asked', () => {
    for (let max = 1; max <= 2000; max += 7) {
      const s = niceScale(max);
      expect(s.top).toBeGreaterThanOrEqual(max);
      expect(s.ticks.length - 1).toBeLessThanOrEqual(4);
      expect(s.ticks.at(-1)).toBe(s.top);
    }
  });
});

describe('layoutTimeline', () => {
  const size = { width: 320, height: 160, left: 30, top: 10, bottom: 10 };

  it('should stack confirmed, waitlisted and cancelled from the bottom, in proportion to the axis', () => {
    const { bars, plot } = layoutTimeline([day('2027-05-01', 4, 2, 1), day('2027-05-02', 8)], size);
    expect(plot).toEqual({ left: 30, top: 10, width: 288, height: 140 });
    // top of the axis: 8 (steps of 2), so one registration is 140 / 8 = 17.5 units tall
    const [first, second] = bars;
    expect(first.segments.map((s) => [s.series, s.height])).toEqual([
      ['confirmed', 70],
      ['waitlisted', 35],
      ['cancelled', 17.5],
    ]);
    expect(first.segments[0].y + first.segments[0].height).toBe(150); // on the baseline
    expect(first.segments[1].y + first.segments[1].height).toBe(first.segments[0].y);
    expect(second.segments).toEqual([{ series: 'confirmed', value: 8, y: 10, height: 140 }]); // the full height
    // two days of 144 units each: a bar at most a fifth of the plot wide, centred in its day
    expect(first.width).toBeCloseTo(288 / 5);
    expect(first.x + first.width / 2).toBeCloseTo(30 + 72);
  });

  it('should give each day an equal slot across the plot, in date order', () => {
    const days = Array.from({ length: 30 }, (_, i) => day(`2027-05-${String(i + 1).padStart(2, '0')}`, i % 3));
    const { bars } = layoutTimeline(days, size);
    expect(bars).toHaveLength(30);
    for (let i = 1; i < bars.length; i++) expect(bars[i].x).toBeGreaterThan(bars[i - 1].x);
    expect(bars[0].x).toBeGreaterThanOrEqual(30);
    expect(bars[29].x + bars[29].width).toBeLessThanOrEqual(318 + 1e-9);
    expect(bars[1].segments).toHaveLength(1);
    expect(bars[0].segments).toEqual([]); // a day without registrations draws nothing
  });

  it('should put the ticks on the axis from the baseline up to the top', () => {
    const { ticks } = layoutTimeline([day('2027-05-01', 3)], size);
    expect(ticks).toEqual([
      { value: 0, y: 150 },
      { value: 1, y: 150 - 140 / 3 },
      { value: 2, y: 150 - 280 / 3 },
      { value: 3, y: 10 },
    ]);
  });
});

describe('chartSize', () => {
  it('should draw one unit to the pixel at any width, a little taller when wide', () => {
    expect(chartSize(328, 3)).toEqual({ width: 328, height: 160, left: 33, top: 10, bottom: 10 });
    expect(chartSize(640, 3)).toMatchObject({ width: 640, height: 192 });
    expect(chartSize(1600, 3)).toMatchObject({ width: 1600, height: 220 });
  });

  it('should leave room on the left for the longest count label', () => {
    expect(chartSize(640, 1).left).toBe(18);
    expect(chartSize(640, 5).left).toBe(48); // "1,000"
    // the bars start right of the labels, and the plot keeps the rest of the width
    const { plot, bars } = layoutTimeline([day('2027-05-01', 1000)], chartSize(640, 5));
    expect(plot).toEqual({ left: 48, top: 10, width: 590, height: 172 });
    expect(bars[0].x).toBeGreaterThan(48);
  });
});

describe('dashboard helpers', () => {
  it('should sum each status over the days', () => {
    expect(timelineTotals([day('a', 1, 2, 3), day('b', 4, 0, 1)])).toEqual({
      confirmed: 5,
      waitlisted: 2,
      cancelled: 4,
    });
  });

  it('should be live from a day before the start until the end of a published event', () => {
    const event = { status: 'published', startsAt: '2027-05-15T04:15:00Z', endsAt: '2027-05-15T08:15:00Z' };
    expect(isLive(event, Date.parse('2027-05-14T04:14:00Z'))).toBe(false);
    expect(isLive(event, Date.parse('2027-05-14T04:16:00Z'))).toBe(true);
    expect(isLive(event, Date.parse('2027-05-15T08:15:00Z'))).toBe(true);
    expect(isLive(event, Date.parse('2027-05-15T08:16:00Z'))).toBe(false);
    expect(isLive({ ...event, status: 'cancelled' }, Date.parse('2027-05-15T05:00:00Z'))).toBe(false);
  });

  it('should give the share of seats taken, capped at 100', () => {
    expect(percentTaken(12, 20)).toBe(60);
    expect(percentTaken(1, 3)).toBe(33);
    expect(percentTaken(25, 20)).toBe(100);
    expect(percentTaken(0, 0)).toBe(0);
  });
});
