import {
  retentionPolicyOf,
  termsOnReceipt,
  type DeadlineCharter,
  type RegisteredCase,
  type TenantCharter,
  type WorkingCalendar,
} from '@civic/domain';
import { planDeadline, type DeadlinePlan } from './deadline-plan';
import { planRetention } from './retention-plan';

export interface CasePlanInput {
  state: RegisteredCase;
  charter: Pick<TenantCharter, 'timeZone' | 'deadlines' | 'retention'> & DeadlineCharter;
  calendar: WorkingCalendar;
}

/** Every timer a case needs now: its deadline's alerts while it is open, its retention once it ended (both on the terms in force on its receipt). */
export function planCase(input: CasePlanInput): DeadlinePlan {
  const plan = planDeadline(input);
  const { terms } = termsOnReceipt(input.charter, input.state.facts.receivedAt);
  const retention = planRetention(input.state, retentionPolicyOf(terms), input.charter.timeZone);
  return { ...plan, timers: retention ? [...plan.timers, retention] : plan.timers, erased: input.state.facts.erasedAt !== null };
}
