/**
 * The retention timer of a finished case (GDPR art. 5(1)(e)): pure, like the deadline plan. When it fires,
 * deadline-watch appends `ErasePersonalData` with the ground `retention-period-ended`.
 */
import { retentionEndsAt, toLocalDate, type RegisteredCase, type RetentionPolicy } from '@civic/domain';
import { ORDER, timerKey, type PlannedTimer } from './deadline-plan';

/**
 * One timer per case and end: `<caseId>/retention/<the local day it ended>`. A case reopened and finished again
 * on another day gets a new timer and the old one is cancelled (it is no longer planned); a change of the
 * tenant's term moves the pending timer. None while the case is open. Erased on the retention's ground, the
 * timer is planned as recorded (done, whoever appended it); erased on the person's request, it is not
 * planned, so a pending one is cancelled.
 */
export function planRetention(state: RegisteredCase, policy: RetentionPolicy, timeZone: string): PlannedTimer | null {
  const { facts } = state;
  if (facts.endedAt === null) return null;
  const endedOn = toLocalDate(facts.endedAt, timeZone);
  const key = timerKey(facts.caseId, 'retention', endedOn, null);
  const timer = (fireAt: Date, recorded: boolean): PlannedTimer => ({
    key,
    kind: 'retention',
    dueDate: endedOn,
    workingDaysBefore: null,
    fireOn: toLocalDate(fireAt.toISOString(), timeZone),
    fireAt,
    order: ORDER.retention,
    recorded,
  });
  if (facts.erasedAt !== null) {
    if (facts.erasureGround !== 'retention-period-ended') return null;
    // Only for the report: when it was erased stands in for when it fell due.
    return timer(new Date(facts.erasedAt), true);
  }
  const endsAt = retentionEndsAt(state, policy, timeZone);
  return endsAt === null ? null : timer(new Date(endsAt), false);
}
