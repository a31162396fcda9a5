import { StreamNotFoundError, WrongExpectedRevisionError } from '../../src/errors';
import type {
  AllSubscription,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
} from '../../src/port';

/**
 * A small in-memory store for the decorators' unit tests: it keeps the port's revision rules and
 * JSON round trip (events come back as fresh copies, as from a real store) and nothing more.
 */
export class InMemoryEventStore implements EventStore {
  readonly events: RecordedEvent[] = [];
  private readonly metadata = new Map<string, StreamMetadata>();
  private readonly listeners = new Set<() => void>();

  async appendToStream(streamName: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }) {
    const current = this.streamEvents(streamName);
    const actual = current.length === 0 ? 'no-stream' : current.length - 1;
    const expected = options.expectedRevision;
    const matches =
      expected === 'any' ||
      (expected === 'no-stream' && actual === 'no-stream') ||
      (expected === 'stream-exists' && actual !== 'no-stream') ||
      expected === actual;
    if (!matches) throw new WrongExpectedRevisionError(streamName, expected, actual);
    for (const [i, event] of events.entries()) {
      this.events.push({
        ...copy(event),
        streamName,
        revision: current.length + i,
        position: String(this.events.length),
        recordedAt: new Date().toISOString(),
      });
    }
    this.listeners.forEach((wake) => wake());
    return { nextExpectedRevision: current.length + events.length - 1, position: String(this.events.length - 1) };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}) {
    const all = this.streamEvents(streamName);
    if (all.length === 0) throw new StreamNotFoundError(streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Infinity : 0);
    const to = options.toRevision ?? (backwards ? 0 : Infinity);
    const picked = all
      .filter((e) => (backwards ? e.revision <= from && e.revision >= to : e.revision >= from && e.revision <= to))
      .filter((e) => options.recordedUntil === undefined || e.recordedAt <= options.recordedUntil);
    const ordered = backwards ? picked.reverse() : picked;
    return ordered.slice(0, options.maxCount ?? Infinity).map(copy);
  }

  async readAll(options: ReadAllOptions = {}) {
    const from = options.from === undefined || options.from === 'start' ? -1 : Number(options.from);
    return this.events.filter((e) => Number(e.position) > from).slice(0, options.maxCount ?? Infinity).map(copy);
  }

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription {
    const next = options.from === 'start' ? 0 : options.from === 'end' ? this.events.length : Number(options.from) + 1;
    const state: FollowState = { next, closed: false };
    const listener = () => state.wake?.();
    this.listeners.add(listener);
    return {
      [Symbol.asyncIterator]: () => this.follow(state),
      close: async () => {
        state.closed = true;
        this.listeners.delete(listener);
        state.wake?.();
      },
    };
  }

  private async *follow(state: FollowState): AsyncGenerator<RecordedEvent> {
    while (!state.closed) {
      if (state.next < this.events.length) {
        yield copy(this.events[state.next++]);
        continue;
      }
      await new Promise<void>((resolve) => (state.wake = resolve));
    }
  }

  async getStreamMetadata(streamName: string) {
    return this.metadata.get(streamName);
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata) {
    this.metadata.set(streamName, metadata);
  }

  async close() {
    this.listeners.clear();
  }

  /** What a person with database access could do: change a stored event in place. */
  tamper(streamName: string, revision: number, change: (event: RecordedEvent) => RecordedEvent): void {
    const index = this.events.findIndex((e) => e.streamName === streamName && e.revision === revision);
    this.events[index] = change(this.events[index]);
  }

  private streamEvents(streamName: string) {
    return this.events.filter((e) => e.streamName === streamName);
  }
}

interface FollowState {
  next: number;
  closed: boolean;
  wake?: () => void;
}

function copy<T extends { data: JsonObject; metadata: JsonObject }>(event: T): T {
  return JSON.parse(JSON.stringify(event)) as T;
}
