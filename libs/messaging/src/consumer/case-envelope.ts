import type { JsonObject } from '@civic/event-store';
import { caseEventType } from '../cloud-events/case-event';
import type { ReceivedEvent } from './received-event';

/**
 * A case event from `case-events` back in the shape the event store holds it (`{type, data, metadata}`), so a
 * consumer can decrypt and `upcast` it like any stored event. Field types are not checked: cast to the
 * domain's `StoredCaseEvent` after validating.
 */
export interface CaseEventFromKafka {
  id: string;
  type: string;
  data: JsonObject;
  metadata: {
    tenant?: string;
    caseId?: string;
    actor?: { id: string; role: string };
    correlationId?: string;
    causationId?: string;
    occurredAt?: string;
    schemaVersion?: number;
  };
  streamRevision?: number;
}

export function caseEventFromKafka(event: ReceivedEvent<JsonObject>): CaseEventFromKafka {
  const ext = event.extensions;
  const actorId = ext['actorid'];
  const actorRole = ext['actorrole'];
  return {
    id: event.id,
    type: caseEventType(event.type),
    data: event.data,
    metadata: {
      tenant: event.tenant,
      caseId: event.subject,
      actor: actorId !== undefined && actorRole !== undefined ? { id: String(actorId), role: String(actorRole) } : undefined,
      correlationId: event.correlationId,
      causationId: event.causationId,
      occurredAt: event.time,
      schemaVersion: integer(ext['schemaversion']),
    },
    streamRevision: integer(ext['streamrevision']),
  };
}

function integer(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(parsed) ? parsed : undefined;
}
