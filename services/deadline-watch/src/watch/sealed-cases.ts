import type { Provider } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@civic/event-store';
import { CaseReader, caseCommandsOn, caseStreamName, EVENT_STORE, type CaseCommands } from '@civic/platform';

/**
 * deadline-watch reads the case streams sealed, from the event store itself: the fold, the plan and the alert
 * decisions use no personal field, and a sealed read looks up no subject key (one round trip to the key store
 * per read, which FerretDB answers by reading its whole collection).
 */
export const SEALED_CASES = Symbol('SEALED_CASES');

export const sealedCasesProvider: Provider = {
  provide: SEALED_CASES,
  inject: [EVENT_STORE],
  useFactory: (store: EventStore) => new CaseReader(store),
};

/**
 * The case commands for one alert, decided on the stream the alert's plan was read from: its first read of the
 * case is those events (so the plan and the decision see the same revision, read once), any later one (after
 * a concurrent write) reads the store again, sealed. Appends go through the case store (personal data
 * encrypted, hash-chained) with the revision read as the expected one, so a stream that moved meanwhile is
 * re-read and decided again.
 */
export function alertCommands(caseStore: EventStore, sealed: EventStore, caseId: string, read: readonly RecordedEvent[]): CaseCommands {
  const stream = caseStreamName(caseId);
  let first: RecordedEvent[] | undefined = [...read];
  const store: EventStore = {
    appendToStream: (name, events, options) => caseStore.appendToStream(name, events, options),
    async readStream(name, options) {
      if (first && name === stream && options === undefined) {
        const events = first;
        first = undefined;
        return events;
      }
      return sealed.readStream(name, options);
    },
    readAll: (options) => sealed.readAll(options),
    subscribeToAll: (options) => sealed.subscribeToAll(options),
    getStreamMetadata: (name) => caseStore.getStreamMetadata(name),
    setStreamMetadata: (name, metadata) => caseStore.setStreamMetadata(name, metadata),
    // Not this object's to close: the stores are the service's.
    close: async () => undefined,
  };
  return caseCommandsOn(store);
}
