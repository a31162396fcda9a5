import { caseDecider, type CaseCommand } from '@civic/domain';
import { createCommandHandler, WrongExpectedRevisionError, type EventStore } from '@civic/event-store';
import { caseEventFromRecorded, caseStreamName, type CaseCommands } from '@civic/platform';

/** The case is no longer at the revision the client named in If-Match. */
export class RevisionMovedError extends Error {
  constructor(readonly currentRevision: number) {
    super(`The case moved on to revision ${currentRevision}`);
    this.name = 'RevisionMovedError';
  }
}

/**
 * The case store seen at one revision only: a read that finds the stream at another revision fails, and
 * so does an append that would not land right after it (the store checks that atomically).
 */
function storeAtRevision(store: EventStore, revision: number): EventStore {
  return {
    async readStream(streamName, options) {
      const events = await store.readStream(streamName, options);
      const current = events.at(-1)?.revision ?? -1;
      if (current !== revision) throw new RevisionMovedError(current);
      return events;
    },
    async appendToStream(streamName, events, options) {
      try {
        return await store.appendToStream(streamName, events, options);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) throw new RevisionMovedError(typeof error.actual === 'number' ? error.actual : -1);
        throw error;
      }
    },
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    getStreamMetadata: (streamName) => store.getStreamMetadata(streamName),
    setStreamMetadata: (streamName, metadata) => store.setStreamMetadata(streamName, metadata),
    close: () => store.close(),
  };
}

/**
 * The platform's case command handler (the same decider, the same case store, the same stream names and
 * upcasting as CASE_COMMANDS), but deciding only on `revision`: the client's If-Match holds end to end,
 * from the read the decision is made on to the append, or RevisionMovedError and nothing is written.
 * CASE_COMMANDS takes no expected revision of the caller's, and re-reads and decides again after a
 * concurrent write, which is right without If-Match and wrong with it.
 */
export function caseCommandsAt(caseStore: EventStore, revision: number): CaseCommands {
  return createCommandHandler({
    store: storeAtRevision(caseStore, revision),
    decider: caseDecider,
    streamName: (command: CaseCommand) => caseStreamName(command.metadata.caseId),
    fromRecorded: caseEventFromRecorded,
    maxRetries: 0,
  });
}
