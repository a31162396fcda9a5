import { Inject, Injectable } from '@nestjs/common';
import type { RegisteredCase } from '@civic/domain';
import type { RecordedEvent } from '@civic/event-store';
import { CaseReader, CLOCK, TenantDirectory, type Clock } from '@civic/platform';
import type { DeadlinePlan } from '../plan/deadline-plan';
import { planCase } from '../plan/case-plan';
import { DeadlineViewStore } from '../deadlines/deadline-view.store';
import { listingOf } from '../deadlines/case-listing';
import { TimerStore } from './timer.store';
import { UnknownTenantError } from './errors';
import { SEALED_CASES } from './sealed-cases';

/** A case as it is now, and the timers planned for it. */
export interface Replanned {
  plan: DeadlinePlan;
  state: RegisteredCase;
  /** The revision of the stream's last event: what the plan was made from. */
  revision: number;
  /** The case's conversation, from its registration: every alert joins it. */
  correlationId: string;
  /** The stream as read (sealed), so an alert can be decided on the very events the plan was made from. */
  recorded: readonly RecordedEvent[];
}

/**
 * Reads a case's whole stream, folds it with the domain, plans its timers and stores them with the revision
 * they were planned from. Runs on every case event, and before any timer fires, so an alert is only ever
 * recorded for the due date the case has now.
 */
@Injectable()
export class DeadlinePlanner {
  constructor(
    @Inject(SEALED_CASES) private readonly cases: CaseReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tenants: TenantDirectory,
    private readonly timers: TimerStore,
    private readonly view: DeadlineViewStore,
  ) {}

  /** Plans the case and stores the plan. Undefined when the case is not in this deployment's store (a topic shared by test runs, a store restored from backup). */
  async replan(caseId: string): Promise<Replanned | undefined> {
    const replanned = await this.plan(caseId);
    if (replanned) await this.store(replanned);
    return replanned;
  }

  /** The case's plan from its stream as it is now, not stored. */
  async plan(caseId: string): Promise<Replanned | undefined> {
    const history = await this.cases.read(caseId);
    const { state } = history;
    if (state.status === 'NotRegistered') return undefined;

    const charter = this.tenants.get(state.facts.tenant);
    if (!charter) throw new UnknownTenantError(state.facts.tenant);
    const plan = planCase({ state, charter, calendar: this.tenants.calendarOf(charter) });
    return {
      plan,
      state,
      revision: history.revision,
      correlationId: history.events[0].metadata.correlationId,
      recorded: history.recorded,
    };
  }

  /** Brings the case's timers and its row in the API's read model in line with the plan. */
  async store({ plan, state, revision }: Replanned): Promise<void> {
    await this.timers.apply(plan, revision, this.settledAt());
    await this.view.apply(plan, listingOf(state), state.facts.alerts, revision);
  }

  /** The clock may be a test's file that is not there yet: a timer's bookkeeping falls back to the system time. */
  private settledAt(): Date {
    try {
      return this.clock.now();
    } catch {
      return new Date();
    }
  }
}
