/**
 * The event-store port: what every service needs from the store that holds each case's full history.
 * Two adapters implement it (EventStoreDB, PostgreSQL) and one contract suite proves they behave alike.
 * Streams are named `<category>-<id>`; categories have no dash (the store splits at the first one).
 */

/** 0-based position of an event in its stream; the revision of a stream is that of its last event. */
export type StreamRevision = number;

/**
 * What the writer believes about the stream before appending (optimistic concurrency):
 * `'no-stream'`: it must not exist; a number: its last event must have exactly that revision;
 * `'stream-exists'`: any revision but it must exist; `'any'`: no check.
 */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | StreamRevision;

/**
 * A place in the store's global order, opaque to callers: subscribers store it as their checkpoint and
 * hand it back. Adapters encode their own (EventStoreDB: commit/prepare; PostgreSQL: transaction/sequence).
 */
export type GlobalPosition = string;

export type JsonObject = { [key: string]: unknown };

export interface EventToAppend {
  /** Assigned by the writer (a UUID), so a retried append is recognisable and causation can point at it. */
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface RecordedEvent {
  id: string;
  streamName: string;
  revision: StreamRevision;
  position: GlobalPosition;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** When the store recorded it (ISO-8601 UTC); the business time is in the metadata. */
  recordedAt: string;
}

export interface AppendResult {
  /** The stream's revision after the append: pass it as the expected revision of the next one. */
  nextExpectedRevision: StreamRevision;
  position: GlobalPosition;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; default: the start (forwards) or the end (backwards). */
  fromRevision?: StreamRevision;
  /** Inclusive upper bound (forwards) or lower bound (backwards). */
  toRevision?: StreamRevision;
  /** Only events recorded at or before this moment (ISO-8601): "the stream as it was then". */
  recordedUntil?: string;
  maxCount?: number;
}

/** A server-side filter: events whose stream name starts with one of the prefixes, or whose type does. */
export type EventFilter = { streamNamePrefixes: string[] } | { eventTypePrefixes: string[] };

export interface ReadAllOptions {
  /** Exclusive: events after this position; `'start'` for everything. */
  from?: GlobalPosition | 'start';
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive: resume after the subscriber's stored checkpoint; `'start'` from the first event; `'end'` only new ones. */
  from: GlobalPosition | 'start' | 'end';
  filter?: EventFilter;
}

/**
 * A live subscription to all events in global order, catching up first and then following new ones.
 * Iterate it; the consumer stores `event.position` as its checkpoint once the event is handled.
 * Never yields an event twice in one subscription and never skips one that was committed.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/** Stream metadata: the adapters' common subset plus free custom fields. */
export interface StreamMetadata {
  maxAge?: number;
  maxCount?: number;
  custom?: JsonObject;
}

export interface EventStore {
  appendToStream(streamName: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;

  /** Throws `StreamNotFoundError` when the stream has no events. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** A finite read of the global order (rebuilds, exports); `subscribeToAll` to follow it live. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription;

  getStreamMetadata(streamName: string): Promise<StreamMetadata | undefined>;
  setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void>;

  close(): Promise<void>;
}
