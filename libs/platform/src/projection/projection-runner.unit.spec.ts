import { InMemoryEventStore, type RecordedEvent } from '@civic/event-store';
import { ProjectionRunner, type Projection, type ProjectionProgress } from './projection-runner';

const append = (store: InMemoryEventStore, stream: string, n: number) =>
  store.appendToStream(
    stream,
    Array.from({ length: n }, (_, i) => ({ id: `${stream}-${i}-${store.events.length}`, type: 'Happened', data: { i }, metadata: {} })),
    { expectedRevision: 'any' },
  );

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('not reached');
}

/** A read model that stores what it saw and its progress, and can be told to fail once. */
class Recording implements Projection {
  readonly name = 'test';
  readonly filter = { streamNamePrefixes: ['case-'] };
  seen: string[] = [];
  stored: ProjectionProgress = { position: null, applied: 0 };
  failOnce = false;

  async progress(): Promise<ProjectionProgress> {
    return { ...this.stored };
  }

  async apply(events: RecordedEvent[], from: ProjectionProgress): Promise<ProjectionProgress> {
    if (this.failOnce) {
      this.failOnce = false;
      throw new Error('the read model store is down');
    }
    this.seen.push(...events.map((event) => event.id));
    this.stored = { position: events.at(-1)?.position ?? from.position, applied: from.applied + events.length };
    return this.stored;
  }
}

describe('the projection runner', () => {
  const log = { warn: () => undefined };

  it('catches up in pages from the stored progress, says so once, then follows live; only the streams it reads', async () => {
    const store = new InMemoryEventStore();
    await append(store, 'case-a', 5);
    await append(store, 'templates-x', 2);
    const projection = new Recording();
    const caughtUp: ProjectionProgress[] = [];
    const runner = new ProjectionRunner(
      store,
      projection,
      { pageSize: 2, log },
      { onCaughtUp: async (p) => void caughtUp.push(p) },
    ).start();
    await until(() => runner.caughtUp);
    expect(caughtUp).toEqual([{ position: '4', applied: 5 }]);

    await append(store, 'case-b', 2);
    await until(() => projection.seen.length === 7);
    await runner.stop();
    expect(projection.seen.filter((id) => id.startsWith('templates'))).toEqual([]);
    expect(runner.progress).toEqual({ position: '8', applied: 7 });
  });

  it('after a failure resumes from the stored progress, so nothing is lost and nothing read twice', async () => {
    const store = new InMemoryEventStore();
    await append(store, 'case-a', 3);
    const projection = new Recording();
    projection.failOnce = true;
    const runner = new ProjectionRunner(store, projection, { pageSize: 10, log, retry: { firstMs: 1, maxMs: 2 } }).start();
    await until(() => runner.caughtUp);
    await runner.stop();
    expect(projection.seen).toEqual(['case-a-0-0', 'case-a-1-0', 'case-a-2-0']);
  });

  it('follows again when the store ends its live subscription, instead of falling silent', async () => {
    const store = new InMemoryEventStore();
    let ended = false;
    // The first live subscription ends at once, as when the store closes it; the next one is real.
    const closing: typeof store = Object.assign(Object.create(store) as InMemoryEventStore, {
      subscribeToAll: (options: Parameters<InMemoryEventStore['subscribeToAll']>[0]) => {
        if (ended) return store.subscribeToAll(options);
        ended = true;
        return { [Symbol.asyncIterator]: () => ([] as RecordedEvent[])[Symbol.iterator](), close: async () => undefined };
      },
    });
    const projection = new Recording();
    const runner = new ProjectionRunner(closing, projection, { pageSize: 10, log, retry: { firstMs: 1, maxMs: 2 } }).start();
    await until(() => runner.caughtUp && ended);
    await append(store, 'case-a', 2);
    await until(() => projection.seen.length === 2);
    await runner.stop();
  });
});
