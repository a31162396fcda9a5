import { addCalendarDays, compareDates, daysBetween, type IsoDate, type WorkingCalendar } from '@civic/domain';
import type { CaseDeadlineDocument } from './deadline-view.store';

export interface DeadlineEntry {
  caseId: string;
  registryNumber: string;
  kind: CaseDeadlineDocument['kind'];
  status: string;
  start: IsoDate | null;
  dueDate: IsoDate;
  paused: boolean;
  workingDaysLeft?: number;
  daysOverdue?: number;
  alerts: CaseDeadlineDocument['alerts'];
  explanation: CaseDeadlineDocument['explanation'];
}

export interface DeadlineReport {
  tenant: string;
  asOf: string;
  today: IsoDate;
  dueWithinWorkingDays: number;
  dueBy: IsoDate;
  overdue: DeadlineEntry[];
  dueSoon: DeadlineEntry[];
}

/** Working days in (from, to]. */
function workingDaysAfter(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); compareDates(day, to) <= 0; day = addCalendarDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}

/** The last day that counts as due soon: `n` working days after today (today itself when n is 0). */
export const dueByOf = (today: IsoDate, n: number, calendar: WorkingCalendar): IsoDate => calendar.addWorkingDays(today, n);

/** Splits the open cases due by `dueBy` into overdue (due before today) and due soon (today onwards). */
export function buildReport(
  head: Pick<DeadlineReport, 'tenant' | 'asOf' | 'today' | 'dueWithinWorkingDays' | 'dueBy'>,
  cases: readonly CaseDeadlineDocument[],
  calendar: WorkingCalendar,
): DeadlineReport {
  const overdue: DeadlineEntry[] = [];
  const dueSoon: DeadlineEntry[] = [];
  for (const doc of cases) {
    if (doc.dueDate === null) continue;
    const base = {
      caseId: doc._id,
      registryNumber: doc.registryNumber,
      kind: doc.kind,
      status: doc.status,
      start: doc.start,
      dueDate: doc.dueDate,
      paused: doc.paused,
      alerts: doc.alerts,
      explanation: doc.explanation,
    };
    if (compareDates(doc.dueDate, head.today) < 0) overdue.push({ ...base, daysOverdue: daysBetween(doc.dueDate, head.today) });
    else if (compareDates(doc.dueDate, head.dueBy) <= 0)
      dueSoon.push({ ...base, workingDaysLeft: workingDaysAfter(head.today, doc.dueDate, calendar) });
  }
  return { ...head, overdue, dueSoon };
}
