import { ApiError } from './errors';

// The analytics service's OpenAPI document describes the audit endpoints' parameters but not their answers
// (200 has no schema), so the generated client types them as empty. These types follow what the service answers
// (services/analytics/src/audit/views.ts, history.ts, chain.ts, audit-log.controller.ts); nothing is invented.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
export type TimeBasis = 'occurred' | 'recorded';

export interface CaseHeader {
  tenant: string;
  caseId: string;
  registryNumber: string | null;
  channel: string | null;
}

export interface ChainHead {
  revision: number;
  eventId: string;
  hash: string | null;
}

export interface HistoryEntry {
  revision: number;
  position: string;
  eventId: string;
  type: string;
  storedSchemaVersion: number | null;
  occurredAt: string | null;
  recordedAt: string;
  actor: { id: string; role: string } | null;
  channel: string | null;
  correlationId: string | null;
  causationId: string | null;
  command: { type?: string; id: string | null };
  dataSubjectId: string | null;
  data: JsonObject;
  erased?: string[];
  unreadable?: string[];
  hash: string | null;
  previousHash: string | null;
}

export interface HistoryView extends CaseHeader {
  head: ChainHead;
  events: HistoryEntry[];
}

export interface StateAsOf {
  revision: number | null;
  lastEventOccurredAt: string | null;
  lastEventRecordedAt: string | null;
  status: string;
  state: JsonObject;
}

export interface StateView extends CaseHeader, StateAsOf {
  asOf: { revision: number } | { at: string; basis: TimeBasis };
}

export interface FieldChange {
  path: string;
  before?: JsonValue;
  after?: JsonValue;
}

export interface DiffView extends CaseHeader {
  basis: TimeBasis;
  from: StateAsOf & { at: string };
  to: StateAsOf & { at: string };
  changes: FieldChange[];
  events: HistoryEntry[];
}

export type BrokenLinkReason = 'hash-mismatch' | 'previous-hash-mismatch' | 'missing-event' | 'missing-hash';

export type ChainCheck =
  | { ok: true; count: number; head: ChainHead }
  | {
      ok: false;
      count: number;
      head: ChainHead;
      reason: BrokenLinkReason;
      brokenAt: { revision: number; eventId: string };
      expected: string | number | null;
      found: string | number | null;
      detail: string;
    };

export type KnownHeadCheck =
  | { hash: string; found: true; revision: number; eventsSince: number }
  | { hash: string; found: false; detail: string };

export interface VerificationView extends CaseHeader {
  chain: ChainCheck;
  knownHead?: KnownHeadCheck;
}

export interface AuditLogEntry {
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string | null;
  recordedAt: string;
  correlationId: string | null;
  data: JsonObject;
}

export interface AuditLogPage {
  tenant: string;
  stream: string;
  chain: ChainCheck | null;
  total: number;
  entries: AuditLogEntry[];
  nextFromRevision: number | null;
}

function isErrorBody(value: unknown): value is ConstructorParameters<typeof ApiError>[1] {
  return typeof value === 'object' && value !== null && Array.isArray((value as { errors?: unknown }).errors);
}

/** The parsed answer of an audit endpoint, typed as above, or an ApiError. */
export function auditAnswer<T>(result: { data?: unknown; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok || result.data === undefined) {
    throw new ApiError(result.response.status, isErrorBody(result.error) ? result.error : undefined);
  }
  return result.data as T;
}

/**
 * Every audit read is recorded in the tenant's audit log under a correlation id. The console makes one per read
 * (rather than letting the service make one up) so a read can be told apart from the next one in the log.
 */
export function correlationHeader(): { 'X-Correlation-Id': string } {
  return { 'X-Correlation-Id': `console-${crypto.randomUUID()}` };
}
