import {
  computeDueDate,
  createWorkingCalendar,
  DEFAULT_DEADLINE_POLICIES,
  isOpen,
  maxExtensionDate,
  resolveDeadlinePolicy,
  toLocalDate,
  type BulgarianWorkingCalendar,
  type CaseState,
  type ClockPause,
  type DeadlinePolicy,
  type DueDateOutcome,
  type IsoDate,
  type Kind,
  type RegisteredCase,
  type TenantCharter,
} from '@civic/domain';

/** One working calendar per tenant (national holidays plus the tenant's own), built on first use. */
export class TenantCalendars {
  private readonly calendars = new Map<string, BulgarianWorkingCalendar>();

  of(charter: TenantCharter): BulgarianWorkingCalendar {
    let calendar = this.calendars.get(charter.slug);
    if (!calendar) {
      calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });
      this.calendars.set(charter.slug, calendar);
    }
    return calendar;
  }
}

/** The tenant's deadline policy for a kind: the law's default with the charter's override. */
export function deadlinePolicyOf(kind: Kind, charter: TenantCharter): DeadlinePolicy {
  return resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES[kind], charter.deadlines[kind]);
}

/** What the due date of a case is counted from: its policy, the day its clock started, its pauses and extension. */
export interface CaseClock {
  policy: DeadlinePolicy;
  /** Undefined when the clock starts on an event intake does not record (clarification, acknowledgement). */
  start?: IsoDate;
  /** Finished pauses, then the open one while the case waits for the submitter and the policy stops the clock. */
  pauses: ClockPause[];
  extendedTo?: IsoDate;
}

export function caseClockOf(state: RegisteredCase, charter: TenantCharter): CaseClock {
  const { facts } = state;
  const policy = deadlinePolicyOf(facts.kind, charter);
  const day = (instant: string) => toLocalDate(instant, charter.timeZone);
  const start =
    policy.startsOn === 'receipt' ? day(facts.receivedAt) : policy.startsOn === 'registration' ? day(facts.registeredAt) : undefined;
  const pauses: ClockPause[] = facts.pauses.map((pause) => ({ from: day(pause.from), to: day(pause.to) }));
  if (state.status === 'AwaitingSubmitter' && state.request.pausesClock) pauses.push({ from: day(state.request.since) });
  const extendedTo = facts.extensions.at(-1)?.newFinalDate;
  return { policy, pauses, ...(start === undefined ? {} : { start }), ...(extendedTo === undefined ? {} : { extendedTo }) };
}

/**
 * The due date of an open case with every step explained (computeDueDate); null when no term can run:
 * the case is not open, or its clock starts on an event intake does not record.
 */
export function explainedDueDate(state: CaseState, charter: TenantCharter, calendar: BulgarianWorkingCalendar): DueDateOutcome | null {
  if (!isOpen(state)) return null;
  const { policy, start, pauses, extendedTo } = caseClockOf(state, charter);
  if (start === undefined) return null;
  return computeDueDate({ policy, calendar, start, pauses, ...(extendedTo === undefined ? {} : { extendedTo }) });
}

/**
 * The legal due date of an open case as intake can tell it: the tenant's term for the kind, counted from
 * receipt or registration on the tenant's calendar, pushed by pauses and replaced by an extension. Null
 * when no term runs (closed cases, kinds without a term, a clock that starts later or stands still).
 * deadline-watch keeps the authoritative timers; this is what the registrar and the citizen are told.
 */
export function dueDateOf(state: CaseState, charter: TenantCharter, calendar: BulgarianWorkingCalendar): IsoDate | null {
  const outcome = explainedDueDate(state, charter, calendar);
  return outcome?.ok ? outcome.value.due : null;
}

/**
 * The furthest final date an extension may set for this case (maxExtensionDate: the policy's maximum from
 * the same start, pushed by the finished pauses); null when the policy allows none or its start is unknown.
 */
export function maxFinalDateOf(state: RegisteredCase, charter: TenantCharter, calendar: BulgarianWorkingCalendar): IsoDate | null {
  const { policy, start, pauses } = caseClockOf(state, charter);
  if (start === undefined) return null;
  return maxExtensionDate(policy, start, calendar, pauses);
}
