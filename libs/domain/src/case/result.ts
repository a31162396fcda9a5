import type { CaseCommand } from './commands';
import { CURRENT_SCHEMA_VERSION, type CaseEvent, type CaseEventOf, type CaseEventType } from './events';
import type { CaseRejection } from './rejections';

/** What `decide` returns: the events to append, or a named rejection. */
export type Result<E, R> = { ok: true; events: E[] } | { ok: false; rejection: R };
export type CaseResult = Result<CaseEvent, CaseRejection>;

export const accept = (...events: CaseEvent[]): CaseResult => ({ ok: true, events });
export const reject = (rejection: CaseRejection): CaseResult => ({ ok: false, rejection });

/**
 * An event caused by a command: same tenant, case, actor and correlation; the command's id becomes the
 * causation id and its `now` the time, stamped with today's schema version of the event type.
 */
export function eventFrom<T extends CaseEventType>(command: CaseCommand, type: T, data: CaseEventOf<T>['data']): CaseEventOf<T> {
  const { tenant, caseId, actor, commandId, correlationId, now, dataSubjectId } = command.metadata;
  const metadata = {
    tenant,
    caseId,
    actor,
    correlationId,
    causationId: commandId,
    occurredAt: now,
    schemaVersion: CURRENT_SCHEMA_VERSION[type],
    // The event store encrypts the event's personal fields with this subject's key (crypto-shredding).
    ...(dataSubjectId ? { dataSubjectId } : {}),
  };
  // TypeScript cannot relate `T` to the matching member of the union; the table above keeps them in step.
  return { type, data, metadata } as unknown as CaseEventOf<T>;
}

/** Free text counts as given only when it has something besides spaces. */
export const isBlank = (text: string | undefined | null): boolean => (text ?? '').trim() === '';
