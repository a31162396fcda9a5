import {
  ANY,
  eventTypeFilter,
  excludeSystemEvents,
  NO_STREAM,
  STREAM_EXISTS,
  streamNameFilter,
  type AppendExpectedRevision,
  type CurrentRevision,
  type Filter,
  type JSONRecordedEvent,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { EventFilter, ExpectedRevision, JsonObject, RecordedEvent, StreamRevision } from '../port';
import { formatEsdbPosition } from './position';

/** The server answered without a position: only servers older than 20.x do that, and they are not supported. */
export class EsdbPositionMissingError extends Error {
  constructor(readonly eventId: string) {
    super(`EventStoreDB returned event ${eventId} without its position (server older than 20.x?)`);
    this.name = 'EsdbPositionMissingError';
  }
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

export const fromEsdbRevision = (actual: CurrentRevision): StreamRevision | 'no-stream' =>
  actual === NO_STREAM ? 'no-stream' : Number(actual);

/** System events (`$`-prefixed types and streams) and non-JSON events are not ours to deliver. */
export function isOwnEvent(event: EsdbRecordedEvent | undefined): event is JSONRecordedEvent {
  return event !== undefined && event.isJson && !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

export function toRecordedEvent(event: JSONRecordedEvent): RecordedEvent {
  if (!event.position) throw new EsdbPositionMissingError(event.id);
  return {
    id: event.id,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: formatEsdbPosition(event.position),
    type: event.type,
    data: event.data as JsonObject,
    metadata: (event.metadata ?? {}) as JsonObject,
    recordedAt: event.created.toISOString(),
  };
}

/** A server-side filter for subscriptions; without one, system events are still left out. */
export function toEsdbFilter(filter: EventFilter | undefined): Filter {
  if (!filter) return excludeSystemEvents();
  return 'streamNamePrefixes' in filter
    ? streamNameFilter({ prefixes: filter.streamNamePrefixes })
    : eventTypeFilter({ prefixes: filter.eventTypePrefixes });
}

/** The same filter, client-side, for `readAll` (the client's readAll has no server-side filter). */
export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  return 'streamNamePrefixes' in filter
    ? filter.streamNamePrefixes.some((p) => event.streamName.startsWith(p))
    : filter.eventTypePrefixes.some((p) => event.type.startsWith(p));
}
