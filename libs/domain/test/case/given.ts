/**
 * `given(events).when(command).then(events | rejectionType)` for any decider (after the helper in
 * oskardudycz/EventSourcing.NodeJS and emmett's DeciderSpecification). `then` also folds the new events
 * and returns the resulting state, so a test can check what the case now knows.
 */
import type { Decider } from '../../src/case';

interface Rejection {
  type: string;
  message: { bg: string; en: string };
}

export function deciderSpec<C, E, S, R extends Rejection>(decider: Decider<C, E, S, R>) {
  return function given(history: readonly E[] = []) {
    const before = history.reduce(decider.evolve, decider.initialState());
    return {
      when(command: C) {
        const result = decider.decide(command, before);
        return {
          then(expected: readonly E[] | R['type']): S {
            if (typeof expected === 'string') {
              expect(result).toMatchObject({ ok: false, rejection: { type: expected } });
              if (!result.ok) {
                // Every rejection is explained to people in both languages.
                expect(result.rejection.message.bg.length).toBeGreaterThan(0);
                expect(result.rejection.message.en.length).toBeGreaterThan(0);
              }
              return before;
            }
            expect(result).toEqual({ ok: true, events: expected });
            return [...expected].reduce(decider.evolve, before);
          },
        };
      },
    };
  };
}
