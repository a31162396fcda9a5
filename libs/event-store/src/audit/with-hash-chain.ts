import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { EventStore, EventToAppend, ExpectedRevision, RecordedEvent, StreamRevision } from '../port';
import { eventHash, GENESIS_HASH, HASH_FIELD, PREVIOUS_HASH_FIELD } from './event-hash';

/** The stream's newest event has no hash: it was written around the chain, so there is nothing to link to. */
export class UnchainedStreamError extends Error {
  constructor(
    readonly streamName: string,
    readonly revision: StreamRevision,
  ) {
    super(`Stream ${streamName}: event ${revision} carries no ${HASH_FIELD}, so new events cannot be chained to it`);
    this.name = 'UnchainedStreamError';
  }
}

/**
 * Tamper evidence as a decorator: every appended event's metadata gets `previousHash` (the hash of the
 * event before it in its stream, or `GENESIS_HASH`) and `hash` (see `eventHash`). The append then names
 * the exact revision it chained to, so of two concurrent writers the inner store rejects one with
 * `WrongExpectedRevisionError` instead of letting the chain fork. Reads pass through unchanged.
 */
export function withHashChain(inner: EventStore): EventStore {
  return {
    async appendToStream(streamName, events, options) {
      const { revision, hash } = await chainHead(inner, streamName, options.expectedRevision);
      const chained = chain(streamName, events, revision, hash);
      return inner.appendToStream(streamName, chained, { expectedRevision: revision ?? 'no-stream' });
    },
    readStream: (streamName, options) => inner.readStream(streamName, options),
    readAll: (options) => inner.readAll(options),
    subscribeToAll: (options) => inner.subscribeToAll(options),
    getStreamMetadata: (streamName) => inner.getStreamMetadata(streamName),
    setStreamMetadata: (streamName, metadata) => inner.setStreamMetadata(streamName, metadata),
    close: () => inner.close(),
  };
}

interface ChainHead {
  /** undefined: the stream is to be created. */
  revision: StreamRevision | undefined;
  hash: string;
}

/** The event the new ones will chain to, turning every kind of expected revision into an exact one. */
async function chainHead(store: EventStore, streamName: string, expected: ExpectedRevision): Promise<ChainHead> {
  if (expected === 'no-stream') return { revision: undefined, hash: GENESIS_HASH };

  const last = await readOne(store, streamName, typeof expected === 'number' ? expected : undefined);
  if (last === undefined) {
    if (expected === 'any') return { revision: undefined, hash: GENESIS_HASH };
    throw new WrongExpectedRevisionError(streamName, expected, 'no-stream');
  }
  // Reading backwards from `expected` gives the event at that revision, or the stream's last one if it
  // is shorter. Chaining to a shorter stream's head would fork the chain if it grew before our append.
  if (typeof expected === 'number' && last.revision !== expected) {
    throw new WrongExpectedRevisionError(streamName, expected, last.revision);
  }
  const hash = last.metadata[HASH_FIELD];
  if (typeof hash !== 'string') throw new UnchainedStreamError(streamName, last.revision);
  return { revision: last.revision, hash };
}

async function readOne(store: EventStore, streamName: string, atRevision: StreamRevision | undefined) {
  try {
    const [event] = await store.readStream(streamName, { direction: 'backwards', fromRevision: atRevision, maxCount: 1 });
    return event as RecordedEvent | undefined;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}

function chain(
  streamName: string,
  events: readonly EventToAppend[],
  headRevision: StreamRevision | undefined,
  headHash: string,
): EventToAppend[] {
  let previousHash = headHash;
  return events.map((event, index) => {
    const revision = (headRevision ?? -1) + 1 + index;
    // The caller's own hash fields, if any, are replaced: only the chain may set them.
    const { [HASH_FIELD]: _h, [PREVIOUS_HASH_FIELD]: _p, ...callerMetadata } = event.metadata;
    const metadata = { ...callerMetadata, [PREVIOUS_HASH_FIELD]: previousHash };
    const hash = eventHash({ streamName, revision, id: event.id, type: event.type, data: event.data, metadata });
    previousHash = hash;
    return { ...event, metadata: { ...metadata, [HASH_FIELD]: hash } };
  });
}
