import { describe, expect, it } from 'vitest';
import { layoutFunds, type FundsRow } from './chart';

const row = (id: string, committed: number, received: number, disbursed: number): FundsRow => ({
  id,
  label: id,
  committed,
  received,
  disbursed,
});

describe('layoutFunds', () => {
  it('should draw each amount as a bar as long as its share of the round top', () => {
    const l = layoutFunds([row('asha', 36000, 18000, 9000)], 416);
    // 36000 → a top of 40000 in steps of 10000; the plot is 400 wide from x = 8.
    expect(l.plot).toMatchObject({ left: 8, width: 400 });
    expect(l.ticks.map((t) => t.value)).toEqual([0, 10000, 20000, 30000, 40000]);
    expect(l.ticks.map((t) => t.x)).toEqual([8, 108, 208, 308, 408]);
    expect(l.ticks.map((t) => t.anchor)).toEqual(['start', 'middle', 'middle', 'middle', 'end']);
    expect(l.groups[0].bars.map((b) => [b.series, b.x, b.width])).toEqual([
      ['committed', 8, 360],
      ['received', 8, 180],
      ['disbursed', 8, 90],
    ]);
  });

  it('should stack the students one below the other, her name above her bars', () => {
    const l = layoutFunds([row('a', 100, 0, 0), row('b', 50, 50, 0)], 360);
    const [a, b] = l.groups;
    expect(a.labelY).toBeLessThan(a.bars[0].y);
    expect(a.bars[1].y).toBeGreaterThan(a.bars[0].y + a.bars[0].height - 1);
    expect(b.labelY).toBeGreaterThan(a.bars[2].y + a.bars[2].height);
    // The axis sits under the last bar, inside the drawing.
    expect(l.plot.top + l.plot.height).toBeGreaterThanOrEqual(b.bars[2].y + b.bars[2].height);
    expect(l.height).toBeGreaterThan(l.plot.top + l.plot.height);
    // Every bar fits the plot.
    for (const g of l.groups) for (const bar of g.bars) expect(bar.x + bar.width).toBeLessThanOrEqual(8 + 344);
  });

  it('should use fewer ticks when asked to (narrow screens)', () => {
    const l = layoutFunds([row('asha', 36000, 0, 0)], 300, 8, 2);
    expect(l.ticks.map((t) => t.value)).toEqual([0, 20000, 40000]);
    expect(l.ticks.map((t) => t.x)).toEqual([8, 150, 292]);
  });

  it('should draw nothing as zero-width bars on a unit axis', () => {
    const l = layoutFunds([row('a', 0, 0, 0)], 200);
    expect(l.groups[0].bars.every((b) => b.width === 0)).toBe(true);
    expect(l.ticks.map((t) => t.value)).toEqual([0, 1]);
    expect(layoutFunds([], 200).groups).toEqual([]);
  });
});
