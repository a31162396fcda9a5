/**
 * The case aggregate as a decider (oskardudycz/EventSourcing.NodeJS, samples/decider): three pure
 * functions a generic command handler runs as read → fold → decide → append with the expected revision.
 */
import type { CaseCommand } from './commands';
import { decide } from './decide';
import type { CaseEvent, StoredCaseEvent } from './events';
import { evolve } from './evolve';
import type { CaseRejection } from './rejections';
import type { Result } from './result';
import { initialState, type CaseState } from './state';
import { upcast } from './upcast';

export interface Decider<Command, Event, State, Rejection> {
  decide(command: Command, state: State): Result<Event, Rejection>;
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState, CaseRejection> = {
  decide,
  evolve,
  initialState,
};

/** The state of a case from its stored stream, whatever versions it was written in. */
export function foldCase(events: readonly StoredCaseEvent[]): CaseState {
  return events.map(upcast).reduce(evolve, initialState());
}
