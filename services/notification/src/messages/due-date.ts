import {
  computeDueDate,
  createWorkingCalendar,
  DEFAULT_DEADLINE_POLICIES,
  isOpen,
  resolveDeadlinePolicy,
  toLocalDate,
  type BulgarianWorkingCalendar,
  type CaseState,
  type ClockPause,
  type IsoDate,
  type TenantCharter,
} from '@civic/domain';

const calendars = new Map<string, BulgarianWorkingCalendar>();

/** The tenant's working calendar (national holidays plus its own), built once. */
export function calendarOf(charter: TenantCharter): BulgarianWorkingCalendar {
  let calendar = calendars.get(charter.slug);
  if (!calendar) {
    calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });
    calendars.set(charter.slug, calendar);
  }
  return calendar;
}

/**
 * The legal due date of an open case, counted as intake counts the one it tells the submitter (the
 * tenant's term for the kind, from receipt or registration, pushed by pauses, replaced by an extension).
 * Null when no term runs: closed cases, kinds without a term, a clock that starts later or stands still.
 */
export function dueDateOf(state: CaseState, charter: TenantCharter): IsoDate | null {
  if (!isOpen(state)) return null;
  const { facts } = state;
  const policy = resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES[facts.kind], charter.deadlines[facts.kind]);
  const day = (instant: string) => toLocalDate(instant, charter.timeZone);
  const start =
    policy.startsOn === 'receipt' ? day(facts.receivedAt) : policy.startsOn === 'registration' ? day(facts.registeredAt) : undefined;
  if (start === undefined) return null;
  const pauses: ClockPause[] = facts.pauses.map((pause) => ({ from: day(pause.from), to: day(pause.to) }));
  if (state.status === 'AwaitingSubmitter' && state.request.pausesClock) pauses.push({ from: day(state.request.since) });
  const extendedTo = facts.extensions.at(-1)?.newFinalDate;
  const outcome = computeDueDate({ policy, calendar: calendarOf(charter), start, pauses, ...(extendedTo === undefined ? {} : { extendedTo }) });
  return outcome.ok ? outcome.value.due : null;
}
