import { failed, KeyedBatches, Outcome, succeeded } from './keyed-batches';

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
