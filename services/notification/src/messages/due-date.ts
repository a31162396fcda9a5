import { caseDueDate, createWorkingCalendar, type BulgarianWorkingCalendar, type CaseState, type IsoDate, type TenantCharter } from '@civic/domain';

const calendars = new Map<string, BulgarianWorkingCalendar>();

/** The tenant's working calendar (national holidays plus its own), built once. */
function calendarOf(charter: TenantCharter): BulgarianWorkingCalendar {
  let calendar = calendars.get(charter.slug);
  if (!calendar) {
    calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });
    calendars.set(charter.slug, calendar);
  }
  return calendar;
}

/**
 * The legal due date of an open case as the domain reads it for every service (`caseDueDate`): what the
 * submitter is told is what deadline-watch times. Null when no term runs: closed cases, kinds without a
 * term, a clock that has not started or stands still.
 */
export function dueDateOf(state: CaseState, charter: TenantCharter): IsoDate | null {
  const outcome = caseDueDate(state, charter, calendarOf(charter));
  return outcome?.ok ? outcome.due : null;
}
