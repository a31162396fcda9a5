import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { DuplicateEventIdError } from '../postgres/duplicate-event-id-error';
import type {
  AllSubscription,
  AppendResult,
  EventFilter,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
} from '../port';

export interface InMemoryEventStoreOptions {
  /** When the store records an event; default: a fixed instant, one millisecond later for each event, so no test depends on the day. */
  recordedAt?: () => string;
}

const FIRST_RECORDING = Date.parse('2026-01-05T08:00:00.000Z');

/**
 * The event store port in memory, for application tests without servers: the revision rules, the global
 * order, subscriptions and the JSON round trip (events come back as fresh copies, as from a real store).
 * It passes the same contract suite as the real adapters on PostgreSQL and EventStoreDB; an event id
 * already stored fails the append with DuplicateEventIdError, as on PostgreSQL.
 */
export class InMemoryEventStore implements EventStore {
  readonly events: RecordedEvent[] = [];
  /** Every append as asked for, refused ones included: what a test of a writer's retries looks at. */
  readonly appends: { streamName: string; expectedRevision: ExpectedRevision; events: EventToAppend[] }[] = [];
  /** Runs once before the next append: a test slips a concurrent writer in between a read and an append. */
  beforeAppend: ((streamName: string) => Promise<void> | void) | undefined;
  private readonly metadata = new Map<string, StreamMetadata>();
  private readonly subscriptions = new Set<FollowState>();
  private readonly recordedAt: () => string;

  constructor(options: InMemoryEventStoreOptions = {}) {
    let recordings = 0;
    this.recordedAt = options.recordedAt ?? (() => new Date(FIRST_RECORDING + recordings++).toISOString());
  }

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const hook = this.beforeAppend;
    this.beforeAppend = undefined; // once: the hook's own appends go straight through
    await hook?.(streamName);
    const expected = options.expectedRevision;
    this.appends.push({ streamName, expectedRevision: expected, events });
    const current = this.streamEvents(streamName);
    const actual = current.length === 0 ? 'no-stream' : current.length - 1;
    const matches =
      expected === 'any' ||
      (expected === 'no-stream' && actual === 'no-stream') ||
      (expected === 'stream-exists' && actual !== 'no-stream') ||
      expected === actual;
    if (!matches) throw new WrongExpectedRevisionError(streamName, expected, actual);
    const stored = new Set(this.events.map((e) => e.id));
    for (const event of events) {
      if (stored.has(event.id)) throw new DuplicateEventIdError(streamName, event.id);
      stored.add(event.id);
    }
    for (const [i, event] of events.entries()) {
      this.events.push({
        ...copy(event),
        streamName,
        revision: current.length + i,
        position: String(this.events.length),
        recordedAt: this.recordedAt(),
      });
    }
    this.subscriptions.forEach((state) => state.wake?.());
    return { nextExpectedRevision: current.length + events.length - 1, position: String(this.events.length - 1) };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
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

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.from === undefined || options.from === 'start' ? -1 : Number(options.from);
    return this.events
      .filter((e) => Number(e.position) > from && passes(e, options.filter))
      .slice(0, options.maxCount ?? Infinity)
      .map(copy);
  }

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription {
    const next = options.from === 'start' ? 0 : options.from === 'end' ? this.events.length : Number(options.from) + 1;
    const state: FollowState = { next, closed: false, filter: options.filter };
    this.subscriptions.add(state);
    return {
      [Symbol.asyncIterator]: () => this.follow(state),
      close: async () => this.stop(state),
    };
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadata | undefined> {
    return this.metadata.get(streamName);
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    this.metadata.set(streamName, metadata);
  }

  /** Ends the subscriptions still open, as a real adapter does when it closes. */
  async close(): Promise<void> {
    this.subscriptions.forEach((state) => this.stop(state));
  }

  /** What a person with database access could do: change a stored event in place. */
  tamper(streamName: string, revision: number, change: (event: RecordedEvent) => RecordedEvent): void {
    const index = this.events.findIndex((e) => e.streamName === streamName && e.revision === revision);
    this.events[index] = change(this.events[index]);
  }

  /** A stream as stored, without copying (a test's look inside). */
  stream(streamName: string): RecordedEvent[] {
    return this.streamEvents(streamName);
  }

  private stop(state: FollowState): void {
    state.closed = true;
    this.subscriptions.delete(state);
    state.wake?.();
  }

  private async *follow(state: FollowState): AsyncGenerator<RecordedEvent> {
    while (!state.closed) {
      if (state.next < this.events.length) {
        const event = this.events[state.next++];
        if (passes(event, state.filter)) yield copy(event);
        continue;
      }
      await new Promise<void>((resolve) => (state.wake = resolve));
    }
  }

  private streamEvents(streamName: string): RecordedEvent[] {
    return this.events.filter((e) => e.streamName === streamName);
  }
}

interface FollowState {
  next: number;
  closed: boolean;
  filter: EventFilter | undefined;
  wake?: () => void;
}

function passes(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  if ('streamNamePrefixes' in filter) return filter.streamNamePrefixes.some((prefix) => event.streamName.startsWith(prefix));
  return filter.eventTypePrefixes.some((prefix) => event.type.startsWith(prefix));
}

function copy<T extends { data: JsonObject; metadata: JsonObject }>(event: T): T {
  return JSON.parse(JSON.stringify(event)) as T;
}
