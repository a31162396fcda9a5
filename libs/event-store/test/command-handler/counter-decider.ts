import type { Decider } from '@civic/domain';

/** A decider small enough to see the handler's behaviour through: a counter that can be closed. */
export type CounterCommand = { type: 'Add'; id: string; amount: number } | { type: 'Close'; id: string };
export type CounterEvent =
  | { type: 'Added'; data: { amount: number }; metadata: { by: string } }
  | { type: 'Closed'; data: Record<string, never>; metadata: { by: string } };
export interface CounterState {
  total: number;
  closed: boolean;
}
export type CounterRejection = { type: 'CounterClosed'; total: number };

export const counterDecider: Decider<CounterCommand, CounterEvent, CounterState, CounterRejection> = {
  initialState: () => ({ total: 0, closed: false }),
  evolve: (state, event) => (event.type === 'Added' ? { ...state, total: state.total + event.data.amount } : { ...state, closed: true }),
  decide: (command, state) => {
    if (state.closed) return { ok: false, rejection: { type: 'CounterClosed', total: state.total } };
    return command.type === 'Add'
      ? { ok: true, events: [{ type: 'Added', data: { amount: command.amount }, metadata: { by: 'test' } }] }
      : { ok: true, events: [{ type: 'Closed', data: {}, metadata: { by: 'test' } }] };
  },
};

export const counterStream = (command: CounterCommand) => `counter-${command.id}`;
