import type { EventStore } from '../../src';
import { appendContract } from './append.contract';
import { concurrencyContract } from './concurrency.contract';
import type { ContractContext } from './helpers';
import { metadataContract } from './metadata.contract';
import { readAllContract } from './read-all.contract';
import { readStreamContract } from './read-stream.contract';
import { subscribeContract } from './subscribe.contract';

/**
 * The behaviour every event-store adapter owes the services, run against a real server, and against the
 * in-memory store that application tests use in its place. `connect` opens a store on the server under
 * test; it is called once for the suite, and again where a test needs a second independent store (another
 * process, in effect). Tests use categories of their own, so the store may be shared with other tests and runs.
 */
export function describeEventStoreContract(adapterName: string, connect: () => Promise<EventStore>): void {
  describe(`event-store contract: ${adapterName}`, () => {
    let store: EventStore | undefined;
    beforeAll(async () => {
      store = await connect();
    });
    afterAll(async () => {
      await store?.close();
    });

    const ctx: ContractContext = {
      store: () => {
        if (!store) throw new Error('the store under test did not connect');
        return store;
      },
      connect,
    };
    appendContract(ctx);
    readStreamContract(ctx);
    readAllContract(ctx);
    subscribeContract(ctx);
    metadataContract(ctx);
    concurrencyContract(ctx);
  });
}
