import type { CaseState } from '@civic/domain';
import type { RecordedEvent } from '@civic/event-store';
import { caseHistoryOf } from '@civic/platform';

/**
 * "The case as of a moment". A moment is a revision of the stream, or an instant on one of two clocks:
 * `occurred` (default) is business time, the `occurredAt` each command's `now` gave its events;
 * `recorded` is when the store wrote them ("what the record held then").
 */
export type TimeBasis = 'occurred' | 'recorded';
export type Moment = { revision: number } | { at: string; basis: TimeBasis };

const timeOf = (event: RecordedEvent, basis: TimeBasis): number =>
  Date.parse(basis === 'recorded' ? event.recordedAt : String(event.metadata.occurredAt ?? ''));

/**
 * The events that make up the state at the moment, in stream order. For an instant it is the longest
 * prefix of the stream whose events all happened at or before it: a prefix is a state the case really
 * was in, even if clocks disagreed and a later revision carries an earlier time.
 */
export function eventsAsOf(events: readonly RecordedEvent[], moment: Moment): RecordedEvent[] {
  if ('revision' in moment) return events.filter((event) => event.revision <= moment.revision);
  const limit = Date.parse(moment.at);
  const end = events.findIndex((event) => !(timeOf(event, moment.basis) <= limit));
  return end === -1 ? [...events] : events.slice(0, end);
}

export interface StateAsOf {
  /** The revision of the last event folded; null when none was (the case did not exist yet). */
  revision: number | null;
  /** When that last event happened (its `occurredAt`) and was recorded. */
  lastEventOccurredAt: string | null;
  lastEventRecordedAt: string | null;
  status: CaseState['status'];
  state: CaseState;
}

/** Folds as every service does (the platform's case history: upcast, then the domain's own `evolve`). */
export function stateOf(events: readonly RecordedEvent[]): StateAsOf {
  const { state } = caseHistoryOf(events);
  const last = events.at(-1);
  return {
    revision: last?.revision ?? null,
    lastEventOccurredAt: typeof last?.metadata.occurredAt === 'string' ? last.metadata.occurredAt : null,
    lastEventRecordedAt: last?.recordedAt ?? null,
    status: state.status,
    state,
  };
}
