import {
  computeDueDate,
  createWorkingCalendar,
  DEFAULT_DEADLINE_POLICIES,
  DEFAULT_TIME_ZONE,
  resolveDeadlinePolicy,
  toLocalDate,
  type ClockPause,
  type IsoDate,
  type TenantCharter,
} from '@civic/domain';
import type { CaseModelContext, ClockFacts } from './case-document';

/**
 * A tenant's calendar and deadline policies as the case model's context: the due date the way intake
 * tells it (the tenant's term for the kind, counted from receipt or registration on the tenant's working
 * calendar, pushed by pauses, replaced by an extension). A tenant this deployment has no charter for gets
 * the national calendar and no due dates: its cases are still counted, just not timed.
 */
export function caseModelContext(charter: TenantCharter | undefined): CaseModelContext {
  const timeZone = charter?.timeZone ?? DEFAULT_TIME_ZONE;
  const localDate = (instant: string): IsoDate => toLocalDate(instant, timeZone);
  if (!charter) return { localDate, dueDate: () => null };
  const calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });

  function dueDate(clock: ClockFacts): IsoDate | null {
    const policy = resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES[clock.kind], charter?.deadlines[clock.kind]);
    const start =
      policy.startsOn === 'receipt' ? localDate(clock.receivedAt) : policy.startsOn === 'registration' ? localDate(clock.registeredAt) : undefined;
    // The clarification or the acknowledgement starts other clocks: not in the events this model reads.
    if (start === undefined) return null;
    const pauses: ClockPause[] = clock.pauses.map((pause) => ({ from: localDate(pause.from), to: localDate(pause.to) }));
    if (clock.pausedSince !== null) pauses.push({ from: localDate(clock.pausedSince) });
    const extendedTo = clock.extendedTo ?? undefined;
    const outcome = computeDueDate({ policy, calendar, start, pauses, ...(extendedTo === undefined ? {} : { extendedTo }) });
    if (outcome.ok) return outcome.value.due;
    // The decider accepted the extension within the case's legal maximum: the date the submitter was told stands.
    return extendedTo ?? null;
  }

  return { localDate, dueDate };
}

/** One context per tenant, built on first use from the tenant's charter. */
export class TenantContexts {
  private readonly contexts = new Map<string, CaseModelContext>();

  constructor(private readonly charterOf: (tenant: string) => TenantCharter | undefined) {}

  of(tenant: string): CaseModelContext {
    let context = this.contexts.get(tenant);
    if (!context) {
      context = caseModelContext(this.charterOf(tenant));
      this.contexts.set(tenant, context);
    }
    return context;
  }
}
