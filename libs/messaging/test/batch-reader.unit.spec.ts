import { BatchReader } from '../src/relay/batch-reader';

/** An async iterator fed by hand, like a live subscription that has caught up. */
function feed<T>() {
  const queue: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let ended = false;
  return {
    push(...items: T[]) {
      for (const item of items) {
        const resolve = waiting.shift();
        if (resolve) resolve({ value: item, done: false });
        else queue.push(item);
      }
    },
    end() {
      ended = true;
      waiting.splice(0).forEach((resolve) => resolve({ value: undefined, done: true }));
    },
    iterator: {
      next: () =>
        new Promise<IteratorResult<T>>((resolve) => {
          if (queue.length > 0) resolve({ value: queue.shift() as T, done: false });
          else if (ended) resolve({ value: undefined, done: true });
          else waiting.push(resolve);
        }),
    } as AsyncIterator<T>,
  };
}

describe('reading a subscription in batches', () => {
  const running = new AbortController().signal;

  it('takes what is ready up to the batch size and leaves the rest for the next batch', async () => {
    const source = feed<number>();
    source.push(1, 2, 3, 4, 5);
    const reader = new BatchReader(source.iterator, 3, 5);
    expect(await reader.next(running)).toEqual({ kind: 'batch', items: [1, 2, 3] });
    expect(await reader.next(running)).toEqual({ kind: 'batch', items: [4, 5] });
  });

  it('loses no item that arrives after a batch closed on its linger time', async () => {
    const source = feed<number>();
    const reader = new BatchReader(source.iterator, 10, 5);
    source.push(1);
    expect(await reader.next(running)).toEqual({ kind: 'batch', items: [1] });
    // The reader's pull for the next item is still pending: the next push must land in the next batch.
    setTimeout(() => source.push(2, 3), 20);
    expect(await reader.next(running)).toEqual({ kind: 'batch', items: [2, 3] });
  });

  it('reports the end of the iteration after the last batch', async () => {
    const source = feed<number>();
    source.push(1);
    source.end();
    const reader = new BatchReader(source.iterator, 10, 5);
    expect(await reader.next(running)).toEqual({ kind: 'batch', items: [1] });
    expect(await reader.next(running)).toEqual({ kind: 'done' });
  });

  it('stops waiting for the first item when interrupted', async () => {
    const reader = new BatchReader(feed<number>().iterator, 10, 5);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 10);
    expect(await reader.next(stop.signal)).toEqual({ kind: 'interrupted' });
  });
});
