import { Inject, Injectable } from '@nestjs/common';
import { readStreamIfExists, type EventStore, type JsonObject, type RecordedEvent } from '@civic/event-store';
import { AuditTrail, auditLogStream, EVENT_STORE, type RecordedEntry } from '@civic/platform';
import { checkChain, type ChainCheck } from './chain';

export { AUDIT_LOG_CATEGORY, auditLogStream, AuditLogUnavailableError } from '@civic/platform';
export const AUDITOR_READ_RECORDED = 'AuditorReadRecorded';

export type AuditEndpoint = 'history' | 'state' | 'diff' | 'verification' | 'dossier.json' | 'dossier.pdf' | 'log';

export interface AuditorRead {
  tenant: string;
  auditorId: string;
  endpoint: AuditEndpoint;
  caseId: string | null;
  /** The query as understood (validated), e.g. `{ at: '…', basis: 'occurred' }`. */
  parameters: JsonObject;
  /** `answered`, or why not (`case-not-found`, `moment-not-found`): a probe for case ids is a read too. */
  outcome: 'answered' | 'case-not-found' | 'moment-not-found';
  correlationId: string;
}

export type RecordedRead = RecordedEntry;

/**
 * Every auditor read, as an entry of the tenant's audit log (the platform's AuditTrail: hash-chained in
 * `auditlog-<tenant>`, beside the staff's reads of personal data), so who read what cannot be edited unnoticed.
 */
@Injectable()
export class AuditLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly trail: AuditTrail,
  ) {}

  record(read: AuditorRead): Promise<RecordedRead> {
    return this.trail.record({
      tenant: read.tenant,
      type: AUDITOR_READ_RECORDED,
      actor: { id: read.auditorId, role: 'auditor' },
      correlationId: read.correlationId,
      data: {
        auditorId: read.auditorId,
        endpoint: read.endpoint,
        caseId: read.caseId,
        parameters: read.parameters,
        outcome: read.outcome,
      },
    });
  }

  /** The whole log of the tenant (empty when nobody has read yet) and its chain check. */
  async read(tenant: string): Promise<{ events: RecordedEvent[]; chain: ChainCheck | null }> {
    const events = (await readStreamIfExists(this.store, auditLogStream(tenant), { direction: 'forwards' })) ?? [];
    return { events, chain: events.length > 0 ? checkChain(events) : null };
  }
}
