import { createWorkingCalendar } from '../../src/calendar';
import {
  computeDueDate,
  DEFAULT_DEADLINE_POLICIES,
  type DeadlinePolicy,
  type DeadlinePolicyOverride,
  type DeadlineRejection,
  type DueDate,
  type ClockPause,
  resolveDeadlinePolicy,
} from '../../src/deadlines';
import type { IsoDate, Kind } from '../../src/shared/vocabulary';

/** The real Bulgarian calendar, with its published national overrides. */
export const calendar = createWorkingCalendar();

interface When {
  start: IsoDate;
  pauses?: ClockPause[];
  extendedTo?: IsoDate;
}

/**
 * given(kind, charter?).when({ start, pauses, extendedTo }).then(due) — the due-date tests read as the
 * rule they encode. `then` returns the explained result for further expectations.
 */
export function given(kind: Kind, charter?: DeadlinePolicyOverride) {
  const policy: DeadlinePolicy = resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES[kind], charter);
  return {
    policy,
    when(input: When) {
      const outcome = computeDueDate({ policy, calendar, ...input });
      return {
        then(due: IsoDate | null): DueDate {
          if (!outcome.ok) throw new Error(`expected a due date, got rejection ${outcome.rejection.reason}`);
          expect(outcome.value.due).toBe(due);
          return outcome.value;
        },
        thenRejected(reason: DeadlineRejection['reason']): DeadlineRejection {
          if (outcome.ok) throw new Error(`expected rejection ${reason}, got due ${outcome.value.due}`);
          expect(outcome.rejection.reason).toBe(reason);
          return outcome.rejection;
        },
      };
    },
  };
}

export const rules = (result: DueDate) => result.steps.map((step) => step.rule);
