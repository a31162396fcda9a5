/**
 * Which timers a case needs now, from its folded state alone: pure, so every instance, every redelivery and
 * every restart plans the same timers for the same history. The due date and its explanation come from the
 * domain (`caseClockOf` and `dueDateOnClock`, as every service reads them); this only turns them into instants.
 */
import {
  addCalendarDays,
  caseClockOf,
  dueDateOnClock,
  isOpen,
  startOfLocalDay,
  type CaseDueDate,
  type CaseStatus,
  type DeadlineAlert,
  type DeadlineCharter,
  type DueDateStep,
  type DueDateWarning,
  type IsoDate,
  type Kind,
  type LocalizedText,
  type RegisteredCase,
  type WorkingCalendar,
} from '@civic/domain';

export type AlertKind = DeadlineAlert['type'];
/** What a timer does when it fires: record a deadline alert, or erase the case's personal data (retention-plan.ts). */
export type TimerKind = AlertKind | 'retention';

/** One step of a due date's explanation: the domain's steps, and why none runs. */
export interface ExplanationStep {
  rule: DueDateStep['rule'] | 'not-open' | Extract<CaseDueDate, { ok: false }>['reason'];
  detail: LocalizedText;
  source: string;
}

/** A moment deadline-watch must act at: one per case, alert kind, due date and (for warnings) threshold. */
export interface PlannedTimer {
  /** `<caseId>/<kind>/<dueDate>[/<workingDaysBefore>]`: also the name its command id is made from. */
  key: string;
  kind: TimerKind;
  /** The due date an alert is about; for the retention timer, the day the case ended (the term counts from it). */
  dueDate: IsoDate;
  /** Warnings only: how many working days before the due date. */
  workingDaysBefore: number | null;
  /** The tenant's local day it fires at the start of: the warning day, or the day after the due date. */
  fireOn: IsoDate;
  fireAt: Date;
  /** Warnings, then the breach, then the escalation, then retention: the order of timers due at the same instant. */
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
  /** The case's personal data are erased (planCase sets it): its pending timers are cancelled for that reason. */
  erased?: boolean;
}

export interface PlanInput {
  state: RegisteredCase;
  charter: DeadlineCharter;
  calendar: WorkingCalendar;
}

export const ORDER: Record<TimerKind, number> = { approaching: 0, breached: 1, escalated: 2, retention: 3 };
const SOURCE = 'deadline-watch';

export const timerKey = (caseId: string, kind: TimerKind, dueDate: IsoDate, workingDaysBefore: number | null): string =>
  [caseId, kind, dueDate, ...(workingDaysBefore === null ? [] : [String(workingDaysBefore)])].join('/');

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

  const computed = dueDateOnClock(caseClockOf(state, charter, input.calendar), input.calendar);
  if (!computed.ok) {
    const { reason, detail, source, start } = computed;
    return none([{ rule: reason, detail, source }], start === null ? {} : { start });
  }
  const { start, due, steps, warnings, paused } = computed;
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
