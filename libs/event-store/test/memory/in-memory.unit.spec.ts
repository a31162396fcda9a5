import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, InMemoryEventStore, type EventStore, type EventToAppend } from '../../src';
import { describeEventStoreContract } from '../contract/contract';

/**
 * A second connection to the same in-memory store, as another process would open one to the same server:
 * it sees and writes the same events, and closing it ends only its own subscriptions.
 */
function connectionTo(store: InMemoryEventStore): EventStore {
  const opened = new Set<{ close(): Promise<void> }>();
  return {
    appendToStream: (streamName, events, options) => store.appendToStream(streamName, events, options),
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => {
      const subscription = store.subscribeToAll(options);
      opened.add(subscription);
      return subscription;
    },
    getStreamMetadata: (streamName) => store.getStreamMetadata(streamName),
    setStreamMetadata: (streamName, metadata) => store.setStreamMetadata(streamName, metadata),
    close: async () => {
      await Promise.all([...opened].map((subscription) => subscription.close()));
    },
  };
}

// The double that application tests run on owes them what the real adapters owe the services.
const shared = new InMemoryEventStore();
let connections = 0;
describeEventStoreContract('in memory', async () => (connections++ === 0 ? shared : connectionTo(shared)));

const anEvent = (): EventToAppend => ({ id: randomUUID(), type: 'Tested', data: {}, metadata: {} });

describe('the in-memory event store, where the contract leaves a choice', () => {
  it('an event id already stored, in any stream, fails the whole append with DuplicateEventIdError (as on PostgreSQL)', async () => {
    const store = new InMemoryEventStore();
    const stored = anEvent();
    await store.appendToStream('ct-a', [stored], { expectedRevision: 'no-stream' });
    const fresh = anEvent();
    await expect(store.appendToStream('ct-b', [fresh, stored], { expectedRevision: 'any' })).rejects.toThrow(DuplicateEventIdError);
    await expect(store.appendToStream('ct-b', [fresh, fresh], { expectedRevision: 'any' })).rejects.toThrow(DuplicateEventIdError);
    expect(store.events.map((e) => e.id)).toEqual([stored.id]);
  });

  it('closing the store ends the subscriptions still open', async () => {
    const store = new InMemoryEventStore();
    const subscription = store.subscribeToAll({ from: 'start' });
    const iteration = (async () => {
      for await (const _ of subscription) {
        /* nothing is stored */
      }
      return 'ended';
    })();
    await store.close();
    await expect(iteration).resolves.toBe('ended');
  });
});
