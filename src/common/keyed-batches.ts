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
 * Coalesces work per key in this process. The first item of a key starts at once, or after
 * `gatherMs` when that is set (the items arriving meanwhile join it); the items that arrive while
 * a batch runs wait and go together, in arrival order, as the next batch (at most `maxBatch`
 * each). So at most one batch per key runs at a time, and under load each batch carries everything
 * that queued behind the previous one: the cost of a batch (a lock, a commit) is paid once for
 * many items instead of once per item.
 *
 * `run` answers one outcome per item, in order; if it throws, every item of the batch gets the error.
 */
export class KeyedBatches<T, R> {
  private readonly queues = new Map<string, Pending<T, R>[]>();

  constructor(
    private readonly run: (key: string, items: T[]) => Promise<Outcome<R>[]>,
    private readonly maxBatch: number,
    private readonly gatherMs = 0,
  ) {
    if (!(maxBatch >= 1)) throw new Error('maxBatch must be at least 1');
    if (!(gatherMs >= 0)) throw new Error('gatherMs must not be negative');
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
      if (this.gatherMs > 0) setTimeout(() => void this.drain(key, fresh), this.gatherMs);
      else void this.drain(key, fresh);
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
 * How long the first of the mail worker's calls waits for company (claims, preparers' reads,
 * "sent" marks). Its jobs arrive one Redis answer at a time, a render or two apart: started at
 * once, a statement carried one or two rows and the worker spent more on round trips than on
 * mail. Waiting 3 ms halves the statements per mail (and Postgres's CPU for them), at 3 ms of
 * latency per step for a mail sent alone.
 */
export const GATHER_MS = 3;

/**
 * One queue of `KeyedBatches` for callers that share one statement (claims, reads, "sent" marks):
 * the first call waits `gatherMs` (a timer; GATHER_MS unless told) and takes along the calls made
 * meanwhile; calls made while a batch runs go together in the next, up to `max`. `run` answers one
 * output per input, in order; a failed run fails each of its callers, as their own statements
 * would have.
 */
export class Coalescer<I, O> {
  private readonly batches: KeyedBatches<I, O>;

  constructor(run: (items: I[]) => Promise<O[]>, max = 100, gatherMs = GATHER_MS) {
    this.batches = new KeyedBatches(async (_key, items) => (await run(items)).map((o) => succeeded(o)), max, gatherMs);
  }

  submit(item: I): Promise<O> {
    return this.batches.submit('', item);
  }
}
