import {
  clockOf,
  createWorkingCalendar,
  DEFAULT_TIME_ZONE,
  dueDateOnClock,
  toLocalDate,
  type IsoDate,
  type TenantCharter,
} from '@civic/domain';
import type { CaseModelContext, ClockFacts } from './case-document';

/**
 * A tenant's calendar and deadline policies as the case model's context: the due date as every service
 * counts it (the domain's `clockOf` and `dueDateOnClock`) from the clock facts the model keeps. A tenant
 * this deployment has no charter for gets the national calendar and no due dates: its cases are still
 * counted, just not timed.
 */
export function caseModelContext(charter: TenantCharter | undefined): CaseModelContext {
  const timeZone = charter?.timeZone ?? DEFAULT_TIME_ZONE;
  const localDate = (instant: string): IsoDate => toLocalDate(instant, timeZone);
  if (!charter) return { localDate, dueDate: () => null };
  const tenant: TenantCharter = charter;
  const calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });

  function dueDate(clock: ClockFacts): IsoDate | null {
    // The model keeps only a pause that stops the clock: a term from the clarification starts at the reply.
    const outcome = dueDateOnClock(
      clockOf(
        {
          kind: clock.kind,
          receivedAt: clock.receivedAt,
          registeredAt: clock.registeredAt,
          pauses: clock.pauses,
          awaiting: clock.pausedSince === null ? null : { since: clock.pausedSince, pausesClock: true },
          clarifiedAt: clock.clarifiedAt ?? null,
          acknowledgedAt: clock.acknowledgedAt ?? null,
          extension: clock.extendedTo === null ? null : { newFinalDate: clock.extendedTo },
        },
        tenant,
        calendar,
      ),
      calendar,
    );
    return outcome.ok ? outcome.due : null;
  }

  return { localDate, dueDate };
}

/**
 * One context per version of a tenant's charter the directory holds, built on first use: a new version (or a
 * tenant the directory learns of later) gets a new one; a tenant not known yet is not remembered as such.
 */
export class TenantContexts {
  private readonly contexts = new WeakMap<TenantCharter, CaseModelContext>();

  constructor(private readonly charterOf: (tenant: string) => TenantCharter | undefined) {}

  of(tenant: string): CaseModelContext {
    const charter = this.charterOf(tenant);
    if (!charter) return caseModelContext(undefined);
    let context = this.contexts.get(charter);
    if (!context) {
      context = caseModelContext(charter);
      this.contexts.set(charter, context);
    }
    return context;
  }
}
