import {
  caseClockOf,
  caseMaxFinalDate,
  dueDateOnClock,
  isOpen,
  type BulgarianWorkingCalendar,
  type DeadlinePolicy,
  type DueDateStep,
  type DueDateWarning,
  type IsoDate,
  type LocalizedText,
  type RegisteredCase,
  type TenantCharter,
} from '@civic/domain';

/** The legal term of an open case as the desk shows it: the policy, the due date and why it is that date. */
export interface DeskDeadline {
  /** The tenant's policy for the kind: the law's default with the charter's override, with its sources. */
  policy: DeadlinePolicy;
  /** Null while the clock stands still, or when no term can be counted (see `problem`). */
  due: IsoDate | null;
  paused: boolean;
  /** The domain's explanation (caseDueDate), step by step, each with its source. */
  steps: DueDateStep[];
  warnings: DueDateWarning[];
  /** The furthest final date an extension may set; null when the policy allows none. */
  maxFinalDate: IsoDate | null;
  /** Why no due date could be counted, when a term should run. */
  problem?: LocalizedText;
}

/** A case as staff see it at the desk: its folded state (no personal data), its term, and its revision. */
export interface DeskCaseView {
  caseId: string;
  registryNumber: string;
  status: RegisteredCase['status'];
  /** The stream's revision, also the `ETag`: send it back in `If-Match` to act on exactly this state. */
  revision: number;
  state: RegisteredCase;
  /** Null once the case is no longer open: no term runs. */
  deadline: DeskDeadline | null;
}

function deadlineOf(state: RegisteredCase, charter: TenantCharter, calendar: BulgarianWorkingCalendar): DeskDeadline | null {
  if (!isOpen(state)) return null;
  const clock = caseClockOf(state, charter, calendar);
  const maxFinalDate = caseMaxFinalDate(state, charter, calendar);
  const outcome = dueDateOnClock(clock, calendar);
  if (!outcome.ok)
    return { policy: clock.policy, due: null, paused: false, steps: [], warnings: [], maxFinalDate, problem: outcome.detail };
  const { due, paused, steps, warnings } = outcome;
  return { policy: clock.policy, due, paused, steps, warnings, maxFinalDate };
}

export function deskView(
  caseId: string,
  history: { state: RegisteredCase; revision: number },
  charter: TenantCharter,
  calendar: BulgarianWorkingCalendar,
): DeskCaseView {
  const { state, revision } = history;
  return {
    caseId,
    registryNumber: state.facts.registryNumber,
    status: state.status,
    revision,
    state,
    deadline: deadlineOf(state, charter, calendar),
  };
}
