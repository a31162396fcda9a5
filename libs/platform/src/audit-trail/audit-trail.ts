import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@civic/domain';
import { withHashChain, WrongExpectedRevisionError, type EventStore, type JsonObject } from '@civic/event-store';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store.provider';

/** One stream per tenant; `auditlog` is its category (no dash), so the case relay never publishes it. */
export const AUDIT_LOG_CATEGORY = 'auditlog';
export const auditLogStream = (tenant: string) => `${AUDIT_LOG_CATEGORY}-${tenant}`;

/** What happened, by whom, in which request: one entry of a tenant's audit log. */
export interface AuditEntry {
  tenant: string;
  type: string;
  actor: Actor;
  data: JsonObject;
  correlationId: string;
}

export interface RecordedEntry {
  eventId: string;
  revision: number;
  at: string;
}

/** The log could not be written, so what it was for must not be answered. */
export class AuditLogUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the read could not be recorded in the audit log: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'AuditLogUnavailableError';
  }
}

/**
 * Appends of one tenant are queued within this process; other instances may still race, and then the
 * chain makes one win and the others retry.
 */
const MAX_ATTEMPTS = 8;

/**
 * The tenant's audit log: who read whose personal data, when and through which route (GDPR art. 5(2), 30),
 * as events in `auditlog-<tenant>`, hash-chained like the case streams so that no entry can be edited or
 * removed unnoticed. Time comes from CLOCK.
 */
@Injectable()
export class AuditTrail {
  private readonly chained: EventStore;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.chained = withHashChain(store);
  }

  async record(entry: AuditEntry): Promise<RecordedEntry> {
    const at = this.clock.now().toISOString();
    const event = {
      id: randomUUID(),
      type: entry.type,
      data: entry.data,
      metadata: {
        tenant: entry.tenant,
        actor: { id: entry.actor.id, role: entry.actor.role },
        correlationId: entry.correlationId,
        occurredAt: at,
        schemaVersion: 1,
      },
    };
    return this.oneAtATime(entry.tenant, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await this.chained.appendToStream(auditLogStream(entry.tenant), [event], { expectedRevision: 'any' });
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
}
