import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('should start a lone call at once and batch the calls made while it runs', async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = new Coalescer<number, number>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await gate;
      return items.map((i) => i * 10);
    });
    const first = c.submit(1);
    const rest = [c.submit(2), c.submit(3), c.submit(4)];
    expect(runs).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
  });

  it('should cap a batch at its maximum', async () => {
    const runs: number[][] = [];
    const c = new Coalescer<number, number>(async (items) => {
      runs.push(items);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => c.submit(i)));
    expect(runs).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('should fail every caller of a failed batch and go on with the next', async () => {
    let calls = 0;
    const c = new Coalescer<number, number>(async (items) => {
      calls += 1;
      if (calls === 2) throw new Error('database gone');
      return items;
    });
    const a = c.submit(1);
    const b = c.submit(2);
    const d = c.submit(3);
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow('database gone');
    await expect(d).rejects.toThrow('database gone');
    await expect(c.submit(4)).resolves.toBe(4);
  });
});
