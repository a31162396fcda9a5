/**
 * When a case's retention period ends (GDPR art. 5(1)(e)): pure, from the folded state and the tenant's
 * policy (tenants/retention.ts), so every instance and every replay gives the same instant.
 */
import { addCalendarDays, addMonths } from '../calendar/dates';
import { DEFAULT_TIME_ZONE, startOfLocalDay, toLocalDate } from '../calendar/time-zone';
import type { Instant } from '../shared/vocabulary';
import { retentionMonths, type RetentionPolicy } from '../tenants/retention';
import { isOpen, type CaseState } from './state';

/**
 * The instant the case's personal data are due for erasure: the end of the local day that is the period after
 * the day the case ended (a term in months ends on the same date, or on the month's last day when that date does
 * not exist, as `addMonths` counts terms). Null while the case is open (its data are still needed, АПК чл. 121)
 * or once they are erased. A reopened case counts again from when it ends again.
 */
export function retentionEndsAt(state: CaseState, policy: RetentionPolicy, timeZone: string = DEFAULT_TIME_ZONE): Instant | null {
  if (state.status === 'NotRegistered' || isOpen(state)) return null;
  const { facts } = state;
  if (facts.erasedAt !== null || facts.endedAt === null) return null;
  const endedOn = toLocalDate(facts.endedAt, timeZone);
  const lastDay = addMonths(endedOn, retentionMonths(policy[facts.kind].period));
  return startOfLocalDay(addCalendarDays(lastDay, 1), timeZone).toISOString();
}
