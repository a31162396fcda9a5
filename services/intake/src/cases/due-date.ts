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

/**
 * The legal due date of an open case as intake can tell it: the tenant's term for the kind, counted from
 * receipt or registration on the tenant's calendar, pushed by pauses and replaced by an extension. Null
 * when no term runs (closed cases, kinds without a term, a clock that starts later or stands still).
 * deadline-watch keeps the authoritative timers; this is what the registrar and the citizen are told.
 */
export function dueDateOf(state: CaseState, charter: TenantCharter, calendar: BulgarianWorkingCalendar): IsoDate | null {
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
  const outcome = computeDueDate({ policy, calendar, start, pauses, ...(extendedTo === undefined ? {} : { extendedTo }) });
  return outcome.ok ? outcome.value.due : null;
}
