import {
  clockStartText,
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
import { caseClockOf, explainedDueDate, maxFinalDateOf } from '../cases/due-date';

/** The legal term of an open case as the desk shows it: the policy, the due date and why it is that date. */
export interface DeskDeadline {
  /** The tenant's policy for the kind: the law's default with the charter's override, with its sources. */
  policy: DeadlinePolicy;
  /** Null while the clock stands still, or when no term can be counted (see `problem`). */
  due: IsoDate | null;
  paused: boolean;
  /** computeDueDate's explanation, step by step, each with its source. */
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
  const { policy, start } = caseClockOf(state, charter);
  const maxFinalDate = maxFinalDateOf(state, charter, calendar);
  const none = { policy, due: null, paused: false, steps: [], warnings: [], maxFinalDate };
  if (start === undefined) {
    const from = clockStartText(policy.startsOn);
    return {
      ...none,
      problem: { bg: `Срокът тече от ${from.bg}, което регистратурата не отбелязва`, en: `The term runs from ${from.en}, which intake does not record` },
    };
  }
  const outcome = explainedDueDate(state, charter, calendar);
  if (!outcome) return none;
  if (!outcome.ok) return { ...none, problem: outcome.rejection.message };
  return { policy, ...outcome.value, maxFinalDate };
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
