/**
 * Which timers a case needs now, from its folded state alone: pure, so every instance, every redelivery and
 * every restart plans the same timers for the same history. The due date and its explanation come from the
 * domain (`computeDueDate` with the tenant's policy and calendar); this only turns them into instants.
 */
import {
  addCalendarDays,
  compareDates,
  computeDueDate,
  DEFAULT_DEADLINE_POLICIES,
  isOpen,
  resolveDeadlinePolicy,
  startOfLocalDay,
  toLocalDate,
  type CaseStatus,
  type ClockPause,
  type DeadlineAlert,
  type DeadlinePolicy,
  type DueDateStep,
  type DueDateWarning,
  type Instant,
  type IsoDate,
  type Kind,
  type LocalizedText,
  type RegisteredCase,
  type TenantCharter,
  type WorkingCalendar,
} from '@civic/domain';

export type AlertKind = DeadlineAlert['type'];

/** One step of a due date's explanation: the domain's steps, and deadline-watch's own when no term runs. */
export interface ExplanationStep {
  rule: DueDateStep['rule'] | 'not-open' | 'clock-not-started' | 'not-computable';
  detail: LocalizedText;
  source: string;
}

/** A moment deadline-watch must act at: one per case, alert kind, due date and (for warnings) threshold. */
export interface PlannedTimer {
  /** `<caseId>/<kind>/<dueDate>[/<workingDaysBefore>]`: also the name its command id is made from. */
  key: string;
  kind: AlertKind;
  dueDate: IsoDate;
  /** Warnings only: how many working days before the due date. */
  workingDaysBefore: number | null;
  /** The tenant's local day it fires at the start of: the warning day, or the day after the due date. */
  fireOn: IsoDate;
  fireAt: Date;
  /** Warnings, then the breach, then the escalation: the order of timers due at the same instant. */
  order: number;
  /** Already on the case's stream: nothing left to do. */
  recorded: boolean;
}

export interface DeadlinePlan {
  caseId: string;
  tenant: string;
  kind: Kind;
  registryNumber: string;
  status: CaseStatus;
  open: boolean;
  /** The day the clock started from, when it has. */
  start: IsoDate | null;
  /** Null: no term, the clock stands still or has not started, or the case is no longer open. */
  dueDate: IsoDate | null;
  /** The clock stands still awaiting the submitter. */
  paused: boolean;
  steps: ExplanationStep[];
  warnings: DueDateWarning[];
  timers: PlannedTimer[];
}

export interface PlanInput {
  state: RegisteredCase;
  charter: Pick<TenantCharter, 'timeZone' | 'deadlines'>;
  calendar: WorkingCalendar;
  /** When the submitter last clarified the case (InformationProvided): the start of a clock that runs from clarification. */
  clarifiedAt?: Instant;
}

const ORDER: Record<AlertKind, number> = { approaching: 0, breached: 1, escalated: 2 };
const SOURCE = 'deadline-watch';

export const timerKey = (caseId: string, kind: AlertKind, dueDate: IsoDate, workingDaysBefore: number | null): string =>
  [caseId, kind, dueDate, ...(workingDaysBefore === null ? [] : [String(workingDaysBefore)])].join('/');

export const policyFor = (charter: PlanInput['charter'], kind: Kind): DeadlinePolicy =>
  resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES[kind], charter.deadlines[kind]);

export function planDeadline(input: PlanInput): DeadlinePlan {
  const { state, charter } = input;
  const { facts } = state;
  const base = {
    caseId: facts.caseId,
    tenant: facts.tenant,
    kind: facts.kind,
    registryNumber: facts.registryNumber,
    status: state.status,
    open: isOpen(state),
  };
  const none = (steps: ExplanationStep[], extra: Partial<DeadlinePlan> = {}): DeadlinePlan => ({
    ...base,
    start: null,
    dueDate: null,
    paused: false,
    steps,
    warnings: [],
    timers: [],
    ...extra,
  });

  if (!base.open) {
    return none([
      {
        rule: 'not-open',
        detail: {
          bg: `Преписката вече не е в работа (${state.status}): срокът не се следи`,
          en: `The case is no longer being handled (${state.status}): its deadline is not watched`,
        },
        source: SOURCE,
      },
    ]);
  }

  const policy = policyFor(charter, facts.kind);
  const day = (instant: Instant) => toLocalDate(instant, charter.timeZone);
  const started = clockStart(input, policy, day);
  if ('steps' in started) return none(started.steps);
  const { start } = started;

  const pauses: ClockPause[] = facts.pauses.map((pause) => ({ from: day(pause.from), to: day(pause.to) }));
  if (state.status === 'AwaitingSubmitter' && state.request.pausesClock) pauses.push({ from: day(state.request.since) });
  const extension = facts.extensions.at(-1);
  const computed = dueDateOf(input, policy, start, pauses, extension);
  if ('rejected' in computed) return none([computed.rejected], { start });
  const { due, steps, warnings, paused } = computed;
  if (due === null) return none(steps, { start, paused });

  const recorded = (kind: AlertKind, workingDaysBefore: number | null) =>
    facts.alerts.some(
      (alert) =>
        alert.type === kind && alert.dueDate === due && (alert.type !== 'approaching' || alert.workingDaysBefore === workingDaysBefore),
    );
  const timer = (kind: AlertKind, fireOn: IsoDate, workingDaysBefore: number | null): PlannedTimer => ({
    key: timerKey(facts.caseId, kind, due, workingDaysBefore),
    kind,
    dueDate: due,
    workingDaysBefore,
    fireOn,
    fireAt: startOfLocalDay(fireOn, charter.timeZone),
    order: ORDER[kind],
    recorded: recorded(kind, workingDaysBefore),
  });
  // A breach is the end of the due date: the start of the next local day.
  const dayAfterDue = addCalendarDays(due, 1);
  const timers = [
    ...warnings.map((warning) => timer('approaching', warning.on, warning.workingDaysBefore)),
    timer('breached', dayAfterDue, null),
    timer('escalated', dayAfterDue, null),
  ];
  return { ...base, start, dueDate: due, paused, steps, warnings, timers };
}

/** The day the policy's clock starts on, or why it has not started. */
function clockStart(
  input: PlanInput,
  policy: DeadlinePolicy,
  day: (instant: Instant) => IsoDate,
): { start: IsoDate } | { steps: ExplanationStep[] } {
  const { state, clarifiedAt } = input;
  switch (policy.startsOn) {
    case 'receipt':
      return { start: day(state.facts.receivedAt) };
    case 'registration':
      return { start: day(state.facts.registeredAt) };
    case 'clarification':
      if (state.status === 'AwaitingSubmitter') {
        return {
          steps: [
            {
              rule: 'clock-not-started',
              detail: {
                bg: 'Срокът тече от уточняването, а подателят още не е уточнил искането си',
                en: 'The term runs from the clarification, and the submitter has not clarified yet',
              },
              source: policy.source,
            },
          ],
        };
      }
      // Nothing was unclear: the term runs from the registration.
      return { start: day(clarifiedAt ?? state.facts.registeredAt) };
    case 'acknowledgement':
      return {
        steps: [
          {
            rule: 'clock-not-started',
            detail: {
              bg: 'Срокът тече от потвърждаването на получаването, което още не е отбелязано по преписката',
              en: 'The term runs from the acknowledgement of receipt, which is not recorded on the case yet',
            },
            source: policy.source,
          },
        ],
      };
    default: {
      const unknown: never = policy.startsOn;
      throw new Error(`Unknown clock start: ${String(unknown)}`);
    }
  }
}

type Computed = { due: IsoDate | null; steps: ExplanationStep[]; warnings: DueDateWarning[]; paused: boolean } | { rejected: ExplanationStep };

/**
 * The domain's due date. An extension the case records is a decided fact: when the policy changed since
 * and would no longer allow it, the recorded final date still stands (with its recorded maximum).
 */
function dueDateOf(
  input: PlanInput,
  policy: DeadlinePolicy,
  start: IsoDate,
  pauses: ClockPause[],
  extension: RegisteredCase['facts']['extensions'][number] | undefined,
): Computed {
  const { calendar } = input;
  const outcome = computeDueDate({ policy, calendar, start, pauses, ...(extension ? { extendedTo: extension.newFinalDate } : {}) });
  if (outcome.ok) return outcome.value;
  if (extension) {
    const plain = computeDueDate({ policy, calendar, start, pauses });
    if (plain.ok && plain.value.due !== null) {
      const due = compareDates(extension.newFinalDate, plain.value.due) > 0 ? extension.newFinalDate : plain.value.due;
      const step: ExplanationStep = {
        rule: 'extension',
        detail: {
          bg: `Срокът е удължен до ${extension.newFinalDate} (най-късно ${extension.maxFinalDate} по решението за удължаване)`,
          en: `The term was extended to ${extension.newFinalDate} (at the latest ${extension.maxFinalDate} when it was decided)`,
        },
        source: policy.extension?.source ?? policy.source,
      };
      return { ...plain.value, due, steps: [...plain.value.steps, step], warnings: warningsFor(policy, calendar, start, due) };
    }
    if (plain.ok) return plain.value;
  }
  return { rejected: { rule: 'not-computable', detail: outcome.rejection.message, source: policy.source } };
}

/** As the domain warns: N working days before the due date, none on or before the start. */
function warningsFor(policy: DeadlinePolicy, calendar: WorkingCalendar, start: IsoDate, due: IsoDate): DueDateWarning[] {
  return [...new Set(policy.warnWorkingDaysBefore)]
    .sort((a, b) => b - a)
    .map((workingDaysBefore) => ({ workingDaysBefore, on: calendar.subtractWorkingDays(due, workingDaysBefore) }))
    .filter((warning) => compareDates(warning.on, start) > 0);
}
