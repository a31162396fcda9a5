import type { JsonObject, RecordedEvent } from '../port';
import { formatPosition } from './position';

/** The columns every read selects, in the shape `toRecordedEvent` maps. */
export const EVENT_COLUMNS = `
  transaction_id::text as transaction_id, global_position::text as global_position, event_id::text as event_id,
  stream_name, stream_revision::text as stream_revision, event_type, data, metadata, recorded_at`;

export interface EventRow {
  transaction_id: string;
  global_position: string;
  event_id: string;
  stream_name: string;
  stream_revision: string;
  event_type: string;
  data: JsonObject;
  metadata: JsonObject;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamName: row.stream_name,
    revision: Number(row.stream_revision),
    position: formatPosition(row.transaction_id, row.global_position),
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}
