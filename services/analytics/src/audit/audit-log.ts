import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  readStreamIfExists,
  withHashChain,
  WrongExpectedRevisionError,
  type EventStore,
  type JsonObject,
  type RecordedEvent,
} from '@civic/event-store';
import { CLOCK, EVENT_STORE, type Clock } from '@civic/platform';
import { checkChain, type ChainCheck } from './chain';

/** One stream per tenant; `auditlog` is its category (no dash), so the case relay never publishes it. */
export const AUDIT_LOG_CATEGORY = 'auditlog';
export const auditLogStream = (tenant: string) => `${AUDIT_LOG_CATEGORY}-${tenant}`;
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

export interface RecordedRead {
  eventId: string;
  revision: number;
  at: string;
}

/** The log could not be written, so the read it was for is not answered. */
export class AuditLogUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the auditor's read could not be recorded: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'AuditLogUnavailableError';
  }
}

/**
 * Appends of one tenant are queued within this process; other instances may still race, and then the
 * chain makes one win and the others retry.
 */
const MAX_ATTEMPTS = 8;

/**
 * Every auditor read, as an event in the tenant's `auditlog-<tenant>` stream, hash-chained like the case
 * streams so the log of who read what cannot be edited unnoticed either. Time comes from CLOCK.
 */
@Injectable()
export class AuditLog {
  private readonly chained: EventStore;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.chained = withHashChain(store);
  }

  async record(read: AuditorRead): Promise<RecordedRead> {
    const at = this.clock.now().toISOString();
    const event = {
      id: randomUUID(),
      type: AUDITOR_READ_RECORDED,
      data: {
        auditorId: read.auditorId,
        endpoint: read.endpoint,
        caseId: read.caseId,
        parameters: read.parameters,
        outcome: read.outcome,
      },
      metadata: {
        tenant: read.tenant,
        actor: { id: read.auditorId, role: 'auditor' },
        correlationId: read.correlationId,
        occurredAt: at,
        schemaVersion: 1,
      },
    };
    return this.oneAtATime(read.tenant, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await this.chained.appendToStream(auditLogStream(read.tenant), [event], { expectedRevision: 'any' });
          return { eventId: event.id, revision: result.nextExpectedRevision, at };
        } catch (error) {
          if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
          throw new AuditLogUnavailableError(error);
        }
      }
    });
  }

  private oneAtATime<T>(tenant: string, work: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(tenant) ?? Promise.resolve()).then(work, work);
    this.queues.set(tenant, next);
    const done = () => {
      if (this.queues.get(tenant) === next) this.queues.delete(tenant);
    };
    next.then(done, done);
    return next;
  }

  /** The whole log of the tenant (empty when nobody has read yet) and its chain check. */
  async read(tenant: string): Promise<{ events: RecordedEvent[]; chain: ChainCheck | null }> {
    const events = (await readStreamIfExists(this.store, auditLogStream(tenant), { direction: 'forwards' })) ?? [];
    return { events, chain: events.length > 0 ? checkChain(events) : null };
  }
}
