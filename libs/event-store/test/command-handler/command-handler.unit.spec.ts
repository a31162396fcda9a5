import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError, createCommandHandler } from '../../src';
import { counterDecider, counterStream, type CounterEvent } from './counter-decider';
import { InMemoryEventStore } from '../../src/memory/in-memory-event-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(maxRetries?: number) {
  const store = new InMemoryEventStore();
  const handler = createCommandHandler({ store, decider: counterDecider, streamName: counterStream, maxRetries });
  const added = (amount: number) => ({ id: randomUUID(), type: 'Added', data: { amount }, metadata: {} });
  return { store, handler, added };
}

describe('command handler: read → fold → decide → append with the expected revision', () => {
  it("a new stream: decides on the initial state and appends expecting 'no-stream', each event with a new UUID", async () => {
    const { store, handler } = setup();
    const outcome = await handler.handle({ type: 'Add', id: 'a', amount: 5 });
    expect(outcome).toMatchObject({
      ok: true,
      nextExpectedRevision: 0,
      attempts: 1,
      events: [{ streamName: 'counter-a', revision: 0, type: 'Added', data: { amount: 5 }, metadata: { by: 'test' } }],
    });
    expect(outcome.ok && outcome.events[0].id).toMatch(UUID);
    expect(store.appends.map((a) => a.expectedRevision)).toEqual(['no-stream']);
  });

  it('an existing stream: folds what is stored and appends expecting the revision it read', async () => {
    const { store, handler } = setup();
    await handler.handle({ type: 'Add', id: 'a', amount: 1 });
    await handler.handle({ type: 'Add', id: 'a', amount: 2 });
    await handler.handle({ type: 'Close', id: 'a' });
    expect(store.appends.map((a) => a.expectedRevision)).toEqual(['no-stream', 0, 1]);
    // The fold saw all three events: the rejection carries the folded total.
    expect(await handler.handle({ type: 'Add', id: 'a', amount: 4 })).toEqual({
      ok: false,
      rejection: { type: 'CounterClosed', total: 3 },
      attempts: 1,
    });
    expect(store.appends).toHaveLength(3); // a rejection appends nothing
  });

  it('another writer between read and append: re-reads, decides again on the new state, appends after it', async () => {
    const { store, handler, added } = setup();
    await handler.handle({ type: 'Add', id: 'a', amount: 1 });
    store.beforeAppend = async (stream) => {
      await store.appendToStream(stream, [added(10)], { expectedRevision: 0 });
    };
    const outcome = await handler.handle({ type: 'Add', id: 'a', amount: 2 });
    expect(outcome).toMatchObject({ ok: true, attempts: 2, nextExpectedRevision: 2, events: [{ revision: 2 }] });
    expect(store.appends.map((a) => a.expectedRevision)).toEqual(['no-stream', 0, 0, 1]);
  });

  it("the retried decision can be a rejection: the other writer's event is taken into account", async () => {
    const { store, handler } = setup();
    await handler.handle({ type: 'Add', id: 'a', amount: 1 });
    store.beforeAppend = async (stream) => {
      await store.appendToStream(stream, [{ id: randomUUID(), type: 'Closed', data: {}, metadata: {} }], {
        expectedRevision: 0,
      });
    };
    expect(await handler.handle({ type: 'Add', id: 'a', amount: 2 })).toEqual({
      ok: false,
      rejection: { type: 'CounterClosed', total: 1 },
      attempts: 2,
    });
  });

  it('conflicting on every attempt: gives up after maxRetries retries with the WrongExpectedRevisionError', async () => {
    const { store, handler, added } = setup(3);
    let interruptions = 0;
    const interrupt = async (stream: string) => {
      interruptions++;
      await store.appendToStream(stream, [added(1)], { expectedRevision: 'any' });
      store.beforeAppend = interrupt;
    };
    store.beforeAppend = interrupt;
    await expect(handler.handle({ type: 'Add', id: 'b', amount: 2 })).rejects.toThrow(WrongExpectedRevisionError);
    expect(interruptions).toBe(4); // the first attempt and 3 retries
  });

  it('other errors are not retried', async () => {
    const { store, handler } = setup();
    let reads = 0;
    store.readStream = async () => {
      reads++;
      throw new Error('connection refused');
    };
    await expect(handler.handle({ type: 'Add', id: 'a', amount: 1 })).rejects.toThrow('connection refused');
    expect(reads).toBe(1);
  });

  it('maps stored events through fromRecorded and decided ones through toEventsToAppend', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('counter-c', [{ id: randomUUID(), type: 'AddedV0', data: { n: 7 }, metadata: {} }], {
      expectedRevision: 'no-stream',
    });
    const handler = createCommandHandler({
      store,
      decider: counterDecider,
      streamName: counterStream,
      // An upcaster for an old shape.
      fromRecorded: (e): CounterEvent =>
        e.type === 'AddedV0'
          ? { type: 'Added', data: { amount: Number(e.data.n) }, metadata: { by: 'v0' } }
          : ({ type: e.type, data: e.data, metadata: e.metadata } as CounterEvent),
      toEventsToAppend: (events, command) =>
        events.map((e, i) => ({
          id: `00000000-0000-4000-8000-00000000000${i}`,
          type: e.type,
          data: e.data,
          metadata: { ...e.metadata, command: command.type },
        })),
    });
    await handler.handle({ type: 'Close', id: 'c' });
    expect(await handler.handle({ type: 'Add', id: 'c', amount: 1 })).toMatchObject({
      ok: false,
      rejection: { total: 7 },
    });
    expect(store.stream('counter-c')[1]).toMatchObject({
      id: '00000000-0000-4000-8000-000000000000',
      type: 'Closed',
      metadata: { by: 'test', command: 'Close' },
    });
  });
});
