/**
 * The legal due date of a case, from its folded state: one reading for every service, so the date a
 * citizen is told (intake, notification), the date deadline-watch times and the date analytics counts
 * against are the same date.
 */
import { compareDates } from '../calendar/dates';
import { toLocalDate } from '../calendar/time-zone';
import type { WorkingCalendar } from '../calendar/types';
import { countTerm } from '../deadlines/count-term';
import { termText } from '../deadlines/counting-rules';
import { DEFAULT_DEADLINE_POLICIES } from '../deadlines/default-policies';
import { computeDueDate, maxExtensionDate, warningsFor } from '../deadlines/due-date';
import type { ClockPause, DueDate, DueDateStep } from '../deadlines/due-date.types';
import type { DeadlinePolicy } from '../deadlines/policy';
import { resolveDeadlinePolicy } from '../deadlines/resolve-policy';
import type { Instant, IsoDate, Kind, LocalizedText } from '../shared/vocabulary';
import type { TenantCharter } from '../tenants/charter.schema';
import { termsOnReceipt, versionSource, type CharterVersions } from '../tenants/versions/case-terms';
import { isOpen, type CaseState, type RegisteredCase } from './state';

/** What of a tenant's charter a due date depends on (besides its calendar), with its earlier and later versions. */
export type DeadlineCharter = Pick<TenantCharter, 'timeZone' | 'deadlines'> & CharterVersions;

/** The tenant's deadline policy for a kind: the law's default with the charter's override. */
export const deadlinePolicyOf = (kind: Kind, charter: Pick<TenantCharter, 'deadlines'>): DeadlinePolicy =>
  resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES[kind], charter.deadlines[kind]);

/**
 * The policy a case is held to: the one of the charter version in force on the day it was received, however
 * the charter changed since; the source then names that version.
 */
export function casePolicyOf(facts: Pick<ClockFacts, 'kind' | 'receivedAt'>, charter: DeadlineCharter): DeadlinePolicy {
  const { terms, version } = termsOnReceipt(charter, facts.receivedAt);
  const policy = deadlinePolicyOf(facts.kind, terms);
  return version ? { ...policy, source: `${policy.source}; ${versionSource(version)}` } : policy;
}

/** The facts of a case its due date depends on, as instants: what a read model keeps to count it again. */
export interface ClockFacts {
  kind: Kind;
  receivedAt: Instant;
  registeredAt: Instant;
  /** Finished pauses that stopped the clock. */
  pauses: { from: Instant; to: Instant }[];
  /** The case waits for the submitter (since when, and whether the clock stands still meanwhile). */
  awaiting: { since: Instant; pausesClock: boolean } | null;
  /** When the submitter last provided what was asked. */
  clarifiedAt: Instant | null;
  /** When the submitter was first sent the acknowledgement of receipt. */
  acknowledgedAt: Instant | null;
  /** The last extension: its final date, and the maximum it was decided within when known. */
  extension: { newFinalDate: IsoDate; maxFinalDate?: IsoDate } | null;
}

export function clockFactsOf(state: RegisteredCase): ClockFacts {
  const { facts } = state;
  const extension = facts.extensions.at(-1);
  return {
    kind: facts.kind,
    receivedAt: facts.receivedAt,
    registeredAt: facts.registeredAt,
    pauses: facts.pauses,
    awaiting: state.status === 'AwaitingSubmitter' ? { since: state.request.since, pausesClock: state.request.pausesClock } : null,
    clarifiedAt: facts.clarifiedAt,
    acknowledgedAt: facts.acknowledgedAt,
    extension: extension ? { newFinalDate: extension.newFinalDate, maxFinalDate: extension.maxFinalDate } : null,
  };
}

/** What a case's due date is counted from, in the tenant's local days. */
export interface CaseClock {
  policy: DeadlinePolicy;
  /** The day the clock started; null with the reason while it has not. */
  start: IsoDate | null;
  notStarted: LocalizedText | null;
  /** Why the clock starts on `start` when that is not the day of an event on the case. */
  startStep: DueDateStep | null;
  /** Finished pauses, then the open one while the case waits for the submitter and the policy stops the clock. */
  pauses: ClockPause[];
  extension: ClockFacts['extension'];
}

const NOT_STARTED = {
  clarification: {
    bg: 'Срокът тече от уточняването, а подателят още не е уточнил искането си',
    en: 'The term runs from the clarification, and the submitter has not clarified yet',
  },
  acknowledgement: {
    bg: 'Срокът тече от потвърждаването на получаването, което още не е отбелязано по преписката',
    en: 'The term runs from the acknowledgement of receipt, which is not recorded on the case yet',
  },
} as const;

/**
 * Directive (EU) 2019/1937, art. 9(1)(f): without an acknowledgement, feedback is due from the end of its
 * period. The ЗЗЛПСПОИН transposes it in art. 15 (which point, to be confirmed against the law's text).
 */
const UNACKNOWLEDGED_SOURCE =
  'Директива (ЕС) 2019/1937, чл. 9, пар. 1, б. „е“ (без потвърждение: 3 месеца от изтичането на 7-дневния срок след подаването); ЗЗЛПСПОИН чл. 15';

export const caseClockOf = (state: RegisteredCase, charter: DeadlineCharter, calendar: WorkingCalendar): CaseClock =>
  clockOf(clockFactsOf(state), charter, calendar);

export function clockOf(facts: ClockFacts, charter: DeadlineCharter, calendar: WorkingCalendar): CaseClock {
  const policy = casePolicyOf(facts, charter);
  const day = (instant: Instant) => toLocalDate(instant, charter.timeZone);
  const pauses: ClockPause[] = facts.pauses.map((pause) => ({ from: day(pause.from), to: day(pause.to) }));
  if (facts.awaiting?.pausesClock) pauses.push({ from: day(facts.awaiting.since) });
  const clock = { policy, pauses, extension: facts.extension, startStep: null };
  switch (policy.startsOn) {
    case 'receipt':
      return { ...clock, start: day(facts.receivedAt), notStarted: null };
    case 'registration':
      return { ...clock, start: day(facts.registeredAt), notStarted: null };
    case 'clarification':
      // While the submitter is asked to clarify, the term has not begun; if nothing was unclear, it runs from registration.
      if (facts.awaiting) return { ...clock, start: null, notStarted: NOT_STARTED.clarification };
      return { ...clock, start: day(facts.clarifiedAt ?? facts.registeredAt), notStarted: null };
    case 'acknowledgement':
      return acknowledgementStart(facts, clock, day, calendar);
    default: {
      const unknown: never = policy.startsOn;
      throw new Error(`Unknown clock start: ${String(unknown)}`);
    }
  }
}

/**
 * From the acknowledgement sent to the submitter; when none was sent, from the end of the period it was due
 * in (counted from receipt), so a case nobody acknowledged is still timed. Without such a period: not started.
 */
function acknowledgementStart(
  facts: ClockFacts,
  clock: Pick<CaseClock, 'policy' | 'pauses' | 'extension' | 'startStep'>,
  day: (instant: Instant) => IsoDate,
  calendar: WorkingCalendar,
): CaseClock {
  if (facts.acknowledgedAt !== null) return { ...clock, start: day(facts.acknowledgedAt), notStarted: null };
  const period = clock.policy.acknowledgement;
  if (!period) return { ...clock, start: null, notStarted: NOT_STARTED.acknowledgement };
  const received = day(facts.receivedAt);
  const start = countTerm(period, received, calendar).lastDay;
  const text = termText(period);
  const startStep: DueDateStep = {
    rule: 'acknowledgement-period',
    detail: {
      bg: `Няма изпратено потвърждение за получаване: срокът тече от изтичането на ${text.bg} от получаването (${received}), ${start}`,
      en: `No acknowledgement of receipt was sent: the term runs from the end of ${text.en} from receipt (${received}), ${start}`,
    },
    source: UNACKNOWLEDGED_SOURCE,
  };
  return { ...clock, start, notStarted: null, startStep };
}

/** A due date counted on a case's clock, or why none is: the clock has not started, or the facts cannot be counted. */
export type CaseDueDate =
  | ({ ok: true; start: IsoDate } & DueDate)
  | { ok: false; start: IsoDate | null; reason: 'clock-not-started' | 'not-computable'; detail: LocalizedText; source: string };

/**
 * The due date on a clock. An extension the case records is a decided fact: when the policy changed since
 * and would no longer allow it, the recorded final date still stands (never earlier than the plain term).
 */
export function dueDateOnClock(clock: CaseClock, calendar: WorkingCalendar): CaseDueDate {
  const { policy, start } = clock;
  if (start === null) {
    return {
      ok: false,
      start,
      reason: 'clock-not-started',
      detail: clock.notStarted ?? NOT_STARTED.acknowledgement,
      source: policy.source,
    };
  }
  return withStartStep(dueDateCounted(clock, start, calendar), clock.startStep);
}

function withStartStep(outcome: CaseDueDate, startStep: DueDateStep | null): CaseDueDate {
  return outcome.ok && startStep ? { ...outcome, steps: [startStep, ...outcome.steps] } : outcome;
}

function dueDateCounted(clock: CaseClock, start: IsoDate, calendar: WorkingCalendar): CaseDueDate {
  const { policy, pauses, extension } = clock;
  const outcome = computeDueDate({ policy, calendar, start, pauses, ...(extension ? { extendedTo: extension.newFinalDate } : {}) });
  if (outcome.ok) return { ok: true, start, ...outcome.value };
  const plain = extension ? computeDueDate({ policy, calendar, start, pauses }) : outcome;
  if (!plain.ok) return { ok: false, start, reason: 'not-computable', detail: outcome.rejection.message, source: policy.source };
  if (!extension || plain.value.due === null) return { ok: true, start, ...plain.value };
  const due = compareDates(extension.newFinalDate, plain.value.due) > 0 ? extension.newFinalDate : plain.value.due;
  const decidedWithin = extension.maxFinalDate
    ? {
        bg: ` (най-късно ${extension.maxFinalDate} по решението за удължаване)`,
        en: ` (at the latest ${extension.maxFinalDate} when it was decided)`,
      }
    : { bg: '', en: '' };
  const step: DueDateStep = {
    rule: 'extension',
    detail: {
      bg: `Срокът е удължен до ${extension.newFinalDate}${decidedWithin.bg}`,
      en: `The term was extended to ${extension.newFinalDate}${decidedWithin.en}`,
    },
    source: policy.extension?.source ?? policy.source,
  };
  return { ok: true, start, ...plain.value, due, steps: [...plain.value.steps, step], warnings: warningsFor(policy, calendar, start, due) };
}

/** The due date of an open case, explained; null once the case is no longer open (answered, closed, …). */
export function caseDueDate(state: CaseState, charter: DeadlineCharter, calendar: WorkingCalendar): CaseDueDate | null {
  if (!isOpen(state)) return null;
  return dueDateOnClock(caseClockOf(state, charter, calendar), calendar);
}

/** Just the date of caseDueDate: null when the case is not open, no term runs, the clock stands still or has not started. */
export function dueDateOfCase(state: CaseState, charter: DeadlineCharter, calendar: WorkingCalendar): IsoDate | null {
  const outcome = caseDueDate(state, charter, calendar);
  return outcome?.ok ? outcome.due : null;
}

/**
 * The furthest final date an extension may set for this case (the policy's maximum from the same start,
 * pushed by the finished pauses); null when the policy allows none or the clock has not started.
 */
export function caseMaxFinalDate(state: RegisteredCase, charter: DeadlineCharter, calendar: WorkingCalendar): IsoDate | null {
  const { policy, start, pauses } = caseClockOf(state, charter, calendar);
  return start === null ? null : maxExtensionDate(policy, start, calendar, pauses);
}
