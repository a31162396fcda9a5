import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
  type StreamMetadata,
} from '../../src';

/**
 * A test double for unit tests of the command handler's logic: streams and the expected-revision
 * rule, nothing else. The real adapters are proven by the contract suite; the handler's int test runs
 * on PostgreSQL. `beforeAppend` lets a test slip a concurrent writer in between read and append.
 */
export class InMemoryEventStore implements EventStore {
  readonly streams = new Map<string, RecordedEvent[]>();
  readonly appends: { streamName: string; expectedRevision: ExpectedRevision; events: EventToAppend[] }[] = [];
  beforeAppend: ((streamName: string) => Promise<void> | void) | undefined;
  private position = 0;

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const hook = this.beforeAppend;
    this.beforeAppend = undefined; // once: the hook's own appends go straight through
    await hook?.(streamName);
    this.appends.push({ streamName, expectedRevision, events });
    const stream = this.streams.get(streamName) ?? [];
    const actual = stream.length === 0 ? 'no-stream' : stream.length - 1;
    const ok =
      expectedRevision === 'any' ||
      (expectedRevision === 'stream-exists' && actual !== 'no-stream') ||
      expectedRevision === actual;
    if (!ok) throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);
    for (const event of events) {
      stream.push({
        ...event,
        streamName,
        revision: stream.length,
        position: String(++this.position),
        recordedAt: new Date(0).toISOString(),
      });
    }
    this.streams.set(streamName, stream);
    return { nextExpectedRevision: stream.length - 1, position: String(this.position) };
  }

  async readStream(streamName: string): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(streamName);
    return [...stream];
  }

  readAll(): Promise<RecordedEvent[]> {
    throw new Error('not needed by the command handler');
  }

  subscribeToAll(): AllSubscription {
    throw new Error('not needed by the command handler');
  }

  getStreamMetadata(): Promise<StreamMetadata | undefined> {
    throw new Error('not needed by the command handler');
  }

  setStreamMetadata(): Promise<void> {
    throw new Error('not needed by the command handler');
  }

  async close(): Promise<void> {
    this.streams.clear();
  }
}
