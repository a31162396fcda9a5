import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
} from '../port';
import { fromEsdbRevision, isOwnEvent, matchesFilter, toEsdbExpectedRevision, toEsdbFilter, toRecordedEvent } from './mapping';
import { formatEsdbPosition, parseEsdbPosition, samePosition } from './position';
import { EsdbAllSubscription } from './subscription';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`. */
  connectionString: string;
}

/**
 * The event-store port on EventStoreDB (`@eventstore/db-client`). Positions are `"<commit>:<prepare>"`.
 * Stream reads map the server's revisions; `toRevision`, `recordedUntil` and, for `readAll`, the
 * filter are applied while reading (the gRPC API has no such options). Metadata: `maxAge` (seconds)
 * and `maxCount` are the server's own, enforced by it; `custom` is kept under the `custom` key.
 */
export class EsdbEventStore implements EventStore {
  private constructor(private readonly client: EventStoreDBClient) {}

  /** The client connects lazily, on the first call. */
  static async connect({ connectionString }: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError(`appendToStream(${streamName}) needs at least one event`);
    try {
      const result = await this.client.appendToStream(
        streamName,
        events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata })),
        { expectedRevision: toEsdbExpectedRevision(expectedRevision) },
      );
      if (!result.position) throw new Error(`EventStoreDB appended to ${streamName} without returning a position`);
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: formatEsdbPosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(streamName, expectedRevision, fromEsdbRevision(error.actualVersion));
      }
      throw error;
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const until = options.recordedUntil === undefined ? undefined : Date.parse(options.recordedUntil);
    const found: RecordedEvent[] = [];
    const read = this.client.readStream(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
      // Only when no bound is checked here would the server's count equal ours.
      maxCount: options.toRevision === undefined && until === undefined ? options.maxCount : undefined,
    });
    try {
      for await (const { event } of read) {
        if (!isOwnEvent(event)) continue;
        const revision = Number(event.revision);
        const { toRevision } = options;
        if (toRevision !== undefined && (backwards ? revision < toRevision : revision > toRevision)) break;
        if (until !== undefined && event.created.getTime() > until) {
          if (backwards) continue; // newer than wanted: older ones follow
          break;
        }
        found.push(toRecordedEvent(event));
        if (options.maxCount !== undefined && found.length >= options.maxCount) break;
      }
    } catch (error) {
      if (error instanceof EsdbStreamNotFoundError) throw new StreamNotFoundError(streamName);
      throw error;
    }
    return found;
  }

  async readAll({ from = 'start', maxCount, filter }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = from === 'start' ? undefined : parseEsdbPosition(from);
    const found: RecordedEvent[] = [];
    if (maxCount === 0) return found;
    // The server's fromPosition is inclusive; the port's `from` is not.
    for await (const { event } of this.client.readAll({ direction: FORWARDS, fromPosition: after ?? START })) {
      if (!isOwnEvent(event)) continue;
      if (after && event.position && samePosition(event.position, after)) continue;
      const recorded = toRecordedEvent(event);
      if (!matchesFilter(recorded, filter)) continue;
      found.push(recorded);
      if (maxCount !== undefined && found.length >= maxCount) break;
    }
    return found;
  }

  subscribeToAll({ from, filter }: SubscribeToAllOptions): AllSubscription {
    const fromPosition = from === 'start' ? START : from === 'end' ? END : parseEsdbPosition(from);
    return new EsdbAllSubscription(this.client.subscribeToAll({ fromPosition, filter: toEsdbFilter(filter) }));
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadata | undefined> {
    const { metadata } = await this.client.getStreamMetadata(streamName);
    if (!metadata) return undefined;
    const { maxAge, maxCount, custom } = metadata;
    return withoutUndefined({ maxAge, maxCount, custom: custom as StreamMetadata['custom'] });
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    await this.client.setStreamMetadata(streamName, withoutUndefined({ ...metadata }));
  }

  close(): Promise<void> {
    return this.client.dispose();
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
