import type { JsonObject, RecordedEvent } from '@civic/event-store';
import type { CloudEvent } from './cloud-event';
import { JSON_CONTENT_TYPE } from './kafka-binding';

/**
 * How a stored case event becomes a CloudEvent on `case-events`:
 *
 * | attribute | value |
 * |---|---|
 * | `type` | `bg.civic.case.<stored type>`, e.g. `bg.civic.case.CaseRegistered` (the spec asks for a reverse-DNS prefix; `caseEventType` strips it) |
 * | `source` | `/tenants/<tenant>` (the municipality the case belongs to) |
 * | `subject` | the case id (the stream name without `case-`); also the Kafka key |
 * | `id` | the event id given by the writer (a UUID): consumers dedupe by it |
 * | `time` | the business time `metadata.occurredAt`; `recordedAt` when absent |
 * | `data` | the event data exactly as stored: personal fields stay encrypted envelopes, keys never leave the key store |
 * | extensions | `tenant`, `correlationid`, `causationid`, `actorid`, `actorrole`, `schemaversion`, `streamrevision`, `position`, `recordedat` |
 */
export const CASE_EVENT_TYPE_PREFIX = 'bg.civic.case.';
export const CASE_STREAM_PREFIX = 'case-';
const SOURCE_WITHOUT_TENANT = '/event-store';

export function caseEventToCloudEvent(event: RecordedEvent): CloudEvent<JsonObject> {
  const metadata = event.metadata;
  const tenant = text(metadata['tenant']);
  const actor = typeof metadata['actor'] === 'object' && metadata['actor'] !== null ? (metadata['actor'] as JsonObject) : {};
  const occurredAt = text(metadata['occurredAt']);
  const extensions: CloudEvent['extensions'] = {
    streamrevision: event.revision,
    position: event.position,
    recordedat: event.recordedAt,
  };
  setIfPresent(extensions, 'tenant', tenant);
  setIfPresent(extensions, 'correlationid', text(metadata['correlationId']));
  setIfPresent(extensions, 'causationid', text(metadata['causationId']));
  setIfPresent(extensions, 'actorid', text(actor['id']));
  setIfPresent(extensions, 'actorrole', text(actor['role']));
  if (typeof metadata['schemaVersion'] === 'number') extensions['schemaversion'] = metadata['schemaVersion'];
  return {
    specversion: '1.0',
    id: event.id,
    source: tenant ? `/tenants/${encodeURIComponent(tenant)}` : SOURCE_WITHOUT_TENANT,
    type: `${CASE_EVENT_TYPE_PREFIX}${event.type}`,
    subject: caseIdOf(event.streamName),
    time: occurredAt && !Number.isNaN(Date.parse(occurredAt)) ? occurredAt : event.recordedAt,
    datacontenttype: JSON_CONTENT_TYPE,
    // The same object the store returned: the relay never transforms data (no decryption, no upcasting).
    data: event.data,
    extensions,
  };
}

/** `case-<uuid>` → `<uuid>`. */
export function caseIdOf(streamName: string): string {
  return streamName.startsWith(CASE_STREAM_PREFIX) ? streamName.slice(CASE_STREAM_PREFIX.length) : streamName;
}

/** `bg.civic.case.CaseRegistered` → `CaseRegistered`, the type the domain and the event store use. */
export function caseEventType(cloudEventType: string): string {
  return cloudEventType.startsWith(CASE_EVENT_TYPE_PREFIX) ? cloudEventType.slice(CASE_EVENT_TYPE_PREFIX.length) : cloudEventType;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function setIfPresent(extensions: CloudEvent['extensions'], name: string, value: string | undefined): void {
  if (value !== undefined) extensions[name] = value;
}
