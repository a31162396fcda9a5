import {
  type CaseAccess,
  type CaseEvent,
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
import type { DeskActionName } from './desk-actions';
import { deskContent, type AttachmentScans, type DeskCaseContent } from './desk-content';

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

/**
 * A case as staff see it at the desk: its folded state (no personal data), its term, its revision and, for
 * those who work it, what the citizen wrote.
 */
export interface DeskCaseView {
  caseId: string;
  registryNumber: string;
  status: RegisteredCase['status'];
  /** The stream's revision, also the `ETag`: send it back in `If-Match` to act on exactly this state. */
  revision: number;
  state: RegisteredCase;
  /** Null once the case is no longer open: no term runs. */
  deadline: DeskDeadline | null;
  /** How much of the case this reader may see (the domain's `caseAccess`). */
  access: CaseAccess;
  /** What was written and by whom, as `access` allows; null below `content`, and in the answers to actions. */
  content: DeskCaseContent | null;
  /** The desk actions this reader may take on the case now (its state, their roles and access): `possibleActions`. */
  actions: DeskActionName[];
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

/** Whether the view carries the content `access` allows: a read does; an action's answer does not (it is stored for retries). */
export type ContentWanted = 'with-content' | 'without-content';

export function deskView(
  history: { state: RegisteredCase; revision: number; events: readonly CaseEvent[] },
  rules: { charter: TenantCharter; calendar: BulgarianWorkingCalendar },
  access: CaseAccess,
  wanted: ContentWanted,
  actions: DeskActionName[] = [],
  scans: AttachmentScans = new Map(),
): DeskCaseView {
  const { state, revision, events } = history;
  return {
    caseId: state.facts.caseId,
    registryNumber: state.facts.registryNumber,
    status: state.status,
    revision,
    state,
    deadline: deadlineOf(state, rules.charter, rules.calendar),
    access,
    content: wanted === 'with-content' ? deskContent(events, access, scans) : null,
    actions,
  };
}
