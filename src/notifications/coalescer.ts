/**
 * Lets many concurrent callers share one statement. A call made while none is running starts at
 * once, alone (no timer, so an idle worker adds no delay); calls made while one runs wait and go
 * together in the next, up to `max` at a time. A failed run fails each of its callers, as their
 * own statements would have.
 */
export class Coalescer<I, O> {
  private queue: { item: I; resolve: (out: O) => void; reject: (err: unknown) => void }[] = [];
  private running = false;

  /** `run` answers one output per input, in the inputs' order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly max = 100,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.max);
        try {
          const out = await this.run(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(out[i]));
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
