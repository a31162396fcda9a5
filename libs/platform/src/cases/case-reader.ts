import { foldCase, type CaseEvent, type CaseState, type RegisteredCase } from '@civic/domain';
import { readStreamIfExists, type EventStore, type RecordedEvent } from '@civic/event-store';
import { UUID_PATTERN } from '../http/ids';
import { caseEventFromRecorded, caseStreamName } from './case-store';

/** A case as every service reads it: the stream as stored, the same events in today's shape, and their fold. */
export interface CaseHistory {
  /** As stored: ids, revisions, positions, recording times. */
  recorded: RecordedEvent[];
  /** The same events upcast to today's shape. */
  events: CaseEvent[];
  state: CaseState;
  /** The last event's revision (0-based): what a client's `If-Match` names; -1 when there is none. */
  revision: number;
  /** The person whose data the case carries, from its first event. */
  dataSubjectId?: string;
}

export type RegisteredCaseHistory = CaseHistory & { state: RegisteredCase };

/** Folds stored events with the domain's own `evolve`, after upcasting each. */
export function caseHistoryOf(recorded: readonly RecordedEvent[]): CaseHistory {
  const events = recorded.map(caseEventFromRecorded);
  const subject = recorded[0]?.metadata['dataSubjectId'];
  return {
    recorded: [...recorded],
    events,
    state: foldCase(events),
    revision: recorded.at(-1)?.revision ?? -1,
    ...(typeof subject === 'string' ? { dataSubjectId: subject } : {}),
  };
}

/** The history up to and including the event with this id (the case as a message or a rule saw it); undefined if absent. */
export function caseHistoryThrough(history: CaseHistory, eventId: string): CaseHistory | undefined {
  const at = history.recorded.findIndex((event) => event.id === eventId);
  return at < 0 ? undefined : caseHistoryOf(history.recorded.slice(0, at + 1));
}

/**
 * The one way a service reads and folds a case. Which store it is given decides what it sees: the case
 * store decrypts personal data, the raw event store leaves it sealed (enough for the fold, which needs no
 * personal field).
 */
export class CaseReader {
  constructor(private readonly store: EventStore) {}

  /** A case not in this store has an empty history: no events, `NotRegistered`, revision -1. */
  async read(caseId: string): Promise<CaseHistory> {
    return caseHistoryOf((await readStreamIfExists(this.store, caseStreamName(caseId))) ?? []);
  }

  /**
   * A registered case of this tenant; undefined for any other id (malformed, unknown, another tenant's),
   * so a caller cannot tell them apart and nothing is learnt by guessing.
   */
  async registered(tenant: string, caseId: string): Promise<RegisteredCaseHistory | undefined> {
    if (!UUID_PATTERN.test(caseId)) return undefined;
    const history = await this.read(caseId);
    return isRegisteredIn(history, tenant) ? history : undefined;
  }
}

function isRegisteredIn(history: CaseHistory, tenant: string): history is RegisteredCaseHistory {
  return history.state.status !== 'NotRegistered' && history.state.facts.tenant === tenant;
}
