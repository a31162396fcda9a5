import { ABORTED, unlessAborted } from '../abort';

/**
 * Reads an async iterator in batches so the relay sends many events per Kafka request: it waits for the first
 * item, then takes whatever else arrives within `lingerMs`, up to `maxItems`. A pull still pending when the
 * batch closes is kept for the next batch, so no item is dropped.
 */
export type BatchResult<T> = { kind: 'batch'; items: T[] } | { kind: 'done' } | { kind: 'interrupted' };

export class BatchReader<T> {
  private pending?: Promise<IteratorResult<T>>;

  constructor(
    private readonly iterator: AsyncIterator<T>,
    private readonly maxItems: number,
    private readonly lingerMs: number,
  ) {}

  /** The next batch; `interrupted` as soon as `signal` aborts while waiting for the first item. */
  async next(signal: AbortSignal): Promise<BatchResult<T>> {
    const first = await unlessAborted(this.pull(), signal);
    if (first === ABORTED) return { kind: 'interrupted' };
    this.pending = undefined;
    if (first.done) return { kind: 'done' };
    const items = [first.value];
    const linger = new AbortController();
    const timer = setTimeout(() => linger.abort(), this.lingerMs);
    try {
      while (items.length < this.maxItems) {
        const result = await unlessAborted(this.pull(), linger.signal);
        if (result === ABORTED || result.done) break; // a `done` stays pending and ends the next batch
        this.pending = undefined;
        items.push(result.value);
      }
    } finally {
      clearTimeout(timer);
    }
    return { kind: 'batch', items };
  }

  private pull(): Promise<IteratorResult<T>> {
    if (!this.pending) {
      this.pending = this.iterator.next();
      // A pull left pending when the relay gives up on this subscription must not become an unhandled rejection.
      this.pending.catch(() => undefined);
    }
    return this.pending;
  }
}
