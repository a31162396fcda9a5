import type { DeskCaseView } from '../../api/cases';

/** Today's calendar date (YYYY-MM-DD) in the municipality's time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Overdue when the due date has passed; due soon from the first of the deadline's warning dates
 * (the service names them: so many working days before the due date). Calendar dates compare as strings.
 */
export function dueState(deadline: DeskCaseView['deadline'], today: string): 'overdue' | 'soon' | undefined {
  if (!deadline?.due || deadline.paused) return undefined;
  if (deadline.due < today) return 'overdue';
  const firstWarning = deadline.warnings.map((warning) => warning.on).sort()[0];
  if (firstWarning !== undefined && firstWarning <= today) return 'soon';
  return undefined;
}
