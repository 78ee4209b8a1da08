/** What one item of a batch came to: its answer, or the error its caller gets. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export const succeeded = <R>(value: R): Outcome<R> => ({ ok: true, value });
export const failed = <R>(error: unknown): Outcome<R> => ({ ok: false, error });

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces work per key in this process. The first item of a key starts at once; the items that
 * arrive while that batch runs wait and go together, in arrival order, as the next batch (at most
 * `maxBatch` each). So at most one batch per key runs at a time, and under load each batch carries
 * everything that queued behind the previous one: the cost of a batch (a lock, a commit) is paid
 * once for many items instead of once per item.
 *
 * `run` answers one outcome per item, in order; if it throws, every item of the batch gets the error.
 */
export class KeyedBatches<T, R> {
  private readonly queues = new Map<string, Pending<T, R>[]>();

  constructor(
    private readonly run: (key: string, items: T[]) => Promise<Outcome<R>[]>,
    private readonly maxBatch: number,
  ) {
    if (!(maxBatch >= 1)) throw new Error('maxBatch must be at least 1');
  }

  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      const fresh = [{ item, resolve, reject }];
      this.queues.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  /** Keys with work queued or running (for tests and shutdown). */
  get busyKeys(): number {
    return this.queues.size;
  }

  private async drain(key: string, queue: Pending<T, R>[]): Promise<void> {
    while (queue.length) {
      const batch = queue.splice(0, this.maxBatch);
      let outcomes: Outcome<R>[];
      try {
        outcomes = await this.run(
          key,
          batch.map((p) => p.item),
        );
        if (outcomes.length !== batch.length) {
          throw new Error(`a batch of ${batch.length} answered ${outcomes.length} outcomes`);
        }
      } catch (error) {
        outcomes = batch.map(() => failed<R>(error));
      }
      batch.forEach((p, i) => {
        const o = outcomes[i];
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    }
    // Nothing queued: the next item of this key starts a new drain.
    this.queues.delete(key);
  }
}

/**
 * One queue of `KeyedBatches` for callers that share one statement (claims, reads, "sent" marks):
 * a lone call starts at once (no timer, so an idle process adds no delay); calls made while one
 * runs go together in the next, up to `max`. `run` answers one output per input, in order; a failed
 * run fails each of its callers, as their own statements would have.
 */
export class Coalescer<I, O> {
  private readonly batches: KeyedBatches<I, O>;

  constructor(run: (items: I[]) => Promise<O[]>, max = 100) {
    this.batches = new KeyedBatches(async (_key, items) => (await run(items)).map((o) => succeeded(o)), max);
  }

  submit(item: I): Promise<O> {
    return this.batches.submit('', item);
  }
}
