import type { Actor, CaseEvent } from '@civic/domain';
import { ERASED_PERSONAL_DATA_FIELD, HASH_FIELD, PREVIOUS_HASH_FIELD, type JsonObject, type RecordedEvent } from '@civic/event-store';
import { caseEventFromRecorded } from '@civic/platform';
import { causingCommand, type CausingCommand } from './causing-command';
import { auditedData } from './withheld';

/** One step of a case as an auditor reads it: what happened, when, by whom, why, and its place in the chain. */
export interface HistoryEntry {
  revision: number;
  /** The store's global position (opaque, orders events across streams). */
  position: string;
  eventId: string;
  type: string;
  /** The schema version the event was stored in; `data` is shown in today's shape (upcast). */
  storedSchemaVersion: number | null;
  /** Business time: the causing command's `now`. */
  occurredAt: string | null;
  /** When the store wrote it. */
  recordedAt: string;
  actor: Actor | null;
  /** The channel the case arrived by (from its registration). */
  channel: string | null;
  correlationId: string | null;
  causationId: string | null;
  command: CausingCommand;
  /** The opaque id of the person whose key protects the personal fields (never a name or e-mail). */
  dataSubjectId: string | null;
  data: JsonObject;
  /** Personal fields (stored paths) whose subject was erased: they read as null for good. */
  erased?: string[];
  /** Personal fields that failed to decrypt although a key exists: the ciphertext was altered. */
  unreadable?: string[];
  hash: string | null;
  previousHash: string | null;
}

/** An event read through the case store, with the personal paths that would not decrypt, if any. */
export interface ReadCaseEvent {
  event: RecordedEvent;
  unreadable?: string[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function actorOf(value: unknown): Actor | null {
  if (value === null || typeof value !== 'object') return null;
  const { id, role } = value as { id?: unknown; role?: unknown };
  return typeof id === 'string' && typeof role === 'string' ? ({ id, role } as Actor) : null;
}

/** The case's channel: what its registration says (every later event belongs to that case). */
export function caseChannel(events: readonly RecordedEvent[]): string | null {
  const registration = events.find((event) => event.type === 'CaseRegistered');
  return text(registration?.data.channel);
}

export function historyEntry({ event, unreadable }: ReadCaseEvent, channel: string | null): HistoryEntry {
  const current: CaseEvent = caseEventFromRecorded(event);
  const { metadata } = event;
  const erased = metadata[ERASED_PERSONAL_DATA_FIELD];
  const version = metadata.schemaVersion;
  return {
    revision: event.revision,
    position: event.position,
    eventId: event.id,
    type: event.type,
    storedSchemaVersion: typeof version === 'number' ? version : null,
    occurredAt: text(metadata.occurredAt),
    recordedAt: event.recordedAt,
    actor: actorOf(metadata.actor),
    channel,
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
    command: causingCommand(current),
    dataSubjectId: text(metadata.dataSubjectId),
    // The submitter's tracking code is withheld (withheld.ts).
    data: auditedData(current),
    ...(Array.isArray(erased) && erased.length > 0 ? { erased: erased.map(String) } : {}),
    ...(unreadable && unreadable.length > 0 ? { unreadable } : {}),
    hash: text(metadata[HASH_FIELD]),
    previousHash: text(metadata[PREVIOUS_HASH_FIELD]),
  };
}

export function history(events: readonly ReadCaseEvent[]): HistoryEntry[] {
  const channel = caseChannel(events.map((read) => read.event));
  return events.map((read) => historyEntry(read, channel));
}
