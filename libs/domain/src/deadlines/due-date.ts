import { compareDates, laterOf } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/types';
import type { IsoDate } from '../shared/vocabulary';
import { type ClosedPause, countTerm, moveToWorkingDay, remainingOn, termDueDate } from './count-term';
import type { ClockPause, DeadlineRejection, DueDate, DueDateOutcome, DueDateStep, DueDateWarning } from './due-date.types';
import { checkPauses } from './pauses';
import type { DeadlinePolicy } from './policy';
import * as explain from './steps';

const EXTENSION_NOT_ALLOWED: DeadlineRejection = {
  reason: 'extension-not-allowed',
  message: { bg: 'Този вид преписка няма удължаване на срока', en: 'This kind of case allows no extension' },
};

export interface DueDateInput {
  policy: DeadlinePolicy;
  calendar: WorkingCalendar;
  /** The day of the event the policy's clock starts on (receipt, registration, clarification, …). */
  start: IsoDate;
  pauses?: readonly ClockPause[];
  /** The final date an extension set; it replaces the due date within maxExtensionDate. */
  extendedTo?: IsoDate;
}

/**
 * The furthest date an extension may set: the policy's maximum counted from the same start, pushed
 * by the closed pauses and moved to a working day like any term. Null when the policy allows none.
 */
export function maxExtensionDate(
  policy: DeadlinePolicy,
  start: IsoDate,
  calendar: WorkingCalendar,
  pauses: readonly ClockPause[] = [],
): IsoDate | null {
  if (!policy.extension) return null;
  const closed = pauses.filter((pause): pause is ClosedPause => pause.to !== undefined && compareDates(pause.from, pause.to) <= 0);
  return termDueDate(policy.extension.maxTotal, start, calendar, closed).due;
}

/**
 * The due date of a case with every step explained, or the named reason it cannot be computed:
 * count the term from the start, push it by the closed pauses, stop if a pause is still open, move
 * a non-working last day to the next working day, then apply an extension within its maximum.
 */
export function computeDueDate(input: DueDateInput): DueDateOutcome {
  const { policy, calendar, start, extendedTo } = input;
  const given = input.pauses ?? [];
  // A kind whose term does not stop (the ЗДОИ restarts from the clarification instead) ignores pauses.
  const checked = checkPauses(policy.pausesWhileAwaitingSubmitter ? given : []);
  if (!checked.ok) return checked;
  if (extendedTo !== undefined && !policy.extension) {
    return rejected(EXTENSION_NOT_ALLOWED);
  }
  const paused = checked.open !== undefined;
  if (!policy.term) return computed({ due: null, steps: [explain.noTermStep(policy)], warnings: [], paused });

  const steps: DueDateStep[] = [explain.termStep(policy, policy.term, start)];
  if (!policy.pausesWhileAwaitingSubmitter && given.length > 0) steps.push(explain.pauseIgnoredStep(policy));
  const counted = countTerm(policy.term, start, calendar, checked.closed);
  steps.push(...counted.steps);
  if (checked.open) {
    const from = laterOf(checked.open.from, start);
    if (compareDates(from, counted.lastDay) < 0) {
      const remaining = remainingOn(policy.term, from, counted.lastDay, calendar);
      steps.push(explain.openPauseStep(policy.term, checked.open.from, remaining));
      return computed({ due: null, steps, warnings: [], paused });
    }
    steps.push(explain.openPauseAfterTermStep(checked.open.from, counted.lastDay));
  }
  const moved = moveToWorkingDay(counted.lastDay, calendar);
  if (moved.step) steps.push(moved.step);
  if (extendedTo === undefined) {
    return computed({ due: moved.due, steps, warnings: warningsFor(policy, calendar, start, moved.due), paused });
  }

  const maximum = maxExtensionDate(policy, start, calendar, checked.closed);
  if (maximum === null) return rejected(EXTENSION_NOT_ALLOWED);
  if (compareDates(extendedTo, maximum) > 0) {
    return rejected({
      reason: 'extension-beyond-maximum',
      maximum,
      message: {
        bg: `Удължаването до ${extendedTo} надхвърля най-късната допустима дата ${maximum}`,
        en: `An extension to ${extendedTo} goes beyond the latest allowed date ${maximum}`,
      },
    });
  }
  if (compareDates(extendedTo, moved.due) < 0) {
    return rejected({
      reason: 'extension-before-due',
      due: moved.due,
      message: {
        bg: `Удължаването до ${extendedTo} е преди срока ${moved.due}`,
        en: `An extension to ${extendedTo} is before the due date ${moved.due}`,
      },
    });
  }
  steps.push(explain.extensionStep(policy, extendedTo, maximum));
  return computed({ due: extendedTo, steps, warnings: warningsFor(policy, calendar, start, extendedTo), paused });
}

/** Warnings N working days before the due date; one that would fall on or before the start is dropped. */
export function warningsFor(policy: DeadlinePolicy, calendar: WorkingCalendar, start: IsoDate, due: IsoDate): DueDateWarning[] {
  const counts = [...new Set(policy.warnWorkingDaysBefore)].sort((a, b) => b - a);
  return counts
    .map((workingDaysBefore) => ({ workingDaysBefore, on: calendar.subtractWorkingDays(due, workingDaysBefore) }))
    .filter((warning) => compareDates(warning.on, start) > 0);
}

function computed(value: DueDate): DueDateOutcome {
  return { ok: true, value };
}

function rejected(rejection: DeadlineRejection): DueDateOutcome {
  return { ok: false, rejection };
}
