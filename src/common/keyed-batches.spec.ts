import { Coalescer, failed, GATHER_MS, KeyedBatches, Outcome, succeeded } from './keyed-batches';

/** A run whose batches finish only when the test releases them. */
function gated() {
  const calls: { key: string; items: number[]; release: (o?: Outcome<string>[] | Error) => void }[] = [];
  const run = (key: string, items: number[]) =>
    new Promise<Outcome<string>[]>((resolve, reject) => {
      calls.push({
        key,
        items,
        release: (o) => (o instanceof Error ? reject(o) : resolve(o ?? items.map((i) => succeeded(`${key}:${i}`)))),
      });
    });
  return { calls, run };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedBatches', () => {
  it('should run the first item at once and coalesce the items that arrive meanwhile, in order', async () => {
    const { calls, run } = gated();
    const b = new KeyedBatches(run, 100);
    const first = b.submit('e1', 1);
    const rest = [2, 3, 4].map((i) => b.submit('e1', i));
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0].release();
    expect(await first).toBe('e1:1');
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].release();
    expect(await Promise.all(rest)).toEqual(['e1:2', 'e1:3', 'e1:4']);
    expect(b.busyKeys).toBe(0);
  });

  it('should run different keys side by side', async () => {
    const { calls, run } = gated();
    const b = new KeyedBatches(run, 100);
    const a = b.submit('a', 1);
    const c = b.submit('b', 2);
    await tick();
    expect(calls.map((x) => [x.key, x.items])).toEqual([
      ['a', [1]],
      ['b', [2]],
    ]);
    calls[1].release();
    calls[0].release();
    expect(await Promise.all([a, c])).toEqual(['a:1', 'b:2']);
  });

  it('should cap a batch at maxBatch', async () => {
    const { calls, run } = gated();
    const b = new KeyedBatches(run, 2);
    const all = [1, 2, 3, 4, 5, 6].map((i) => b.submit('e', i));
    for (let n = 0; n < 4; n++) {
      await tick();
      calls[n].release();
    }
    expect(await Promise.all(all)).toHaveLength(6);
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it("should give each item its own outcome, and a thrown batch's error to each of its items", async () => {
    const { calls, run } = gated();
    const b = new KeyedBatches(run, 100);
    const first = b.submit('e', 1);
    const second = b.submit('e', 2);
    const third = b.submit('e', 3);
    await tick();
    calls[0].release(new Error('lost the connection'));
    await expect(first).rejects.toThrow('lost the connection');
    await tick();
    calls[1].release([failed(new Error('full')), succeeded('ok')]);
    await expect(second).rejects.toThrow('full');
    expect(await third).toBe('ok');
  });

  it('should reject every item when run answers the wrong number of outcomes', async () => {
    const { calls, run } = gated();
    const b = new KeyedBatches(run, 100);
    const one = b.submit('e', 1);
    await tick();
    calls[0].release([]);
    await expect(one).rejects.toThrow('answered 0 outcomes');
    expect(b.busyKeys).toBe(0);
  });
});

describe('Coalescer', () => {
  it('should start a lone call at once without a gathering time and batch the calls made while it runs', async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = new Coalescer<number, number>(
      async (items) => {
        runs.push(items);
        if (runs.length === 1) await gate;
        return items.map((i) => i * 10);
      },
      100,
      0,
    );
    const first = c.submit(1);
    const rest = [c.submit(2), c.submit(3), c.submit(4)];
    expect(runs).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
  });

  it('should hold the first call for its gathering time and take along the calls made meanwhile', async () => {
    jest.useFakeTimers();
    try {
      const runs: number[][] = [];
      const c = new Coalescer<number, number>(async (items) => {
        runs.push(items);
        return items.map((i) => i + 1);
      });
      const first = c.submit(1);
      await Promise.resolve();
      expect(runs).toEqual([]); // waiting for company
      jest.advanceTimersByTime(GATHER_MS - 1);
      const second = c.submit(2);
      expect(runs).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(runs).toEqual([[1, 2]]);
      expect(await Promise.all([first, second])).toEqual([2, 3]);
      // Idle again: the next lone call waits its own gathering time.
      const third = c.submit(3);
      jest.advanceTimersByTime(GATHER_MS);
      expect(await third).toBe(4);
      expect(runs).toEqual([[1, 2], [3]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('should cap a batch at its maximum', async () => {
    const runs: number[][] = [];
    const c = new Coalescer<number, number>(async (items) => {
      runs.push(items);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => c.submit(i)));
    expect(runs).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('should fail every caller of a failed batch and go on with the next', async () => {
    let calls = 0;
    const c = new Coalescer<number, number>(async (items) => {
      calls += 1;
      if (calls === 2) throw new Error('database gone');
      return items;
    });
    await expect(c.submit(1)).resolves.toBe(1);
    const b = c.submit(2);
    const d = c.submit(3);
    await expect(b).rejects.toThrow('database gone');
    await expect(d).rejects.toThrow('database gone');
    await expect(c.submit(4)).resolves.toBe(4);
  });
});
