import { Inject, Injectable, Logger } from '@nestjs/common';
import { toLocalDate, type CaseCommandBody, type Role } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { CASE_STORE, caseCommand, EVENT_STORE, TenantDirectory } from '@civic/platform';
import { nameBasedId } from '../ids';
import type { PlannedTimer } from '../plan/deadline-plan';
import type { Release, Settlement, TimerDocument } from './timer.store';
import { DeadlinePlanner } from './deadline-planner';
import { alertCommands } from './sealed-cases';

/** deadline-watch acts as the platform itself, never as a person. */
export const DEADLINE_WATCH_ACTOR = { id: 'deadline-watch', role: 'system' } as const;

/** The command id of an alert: one per case, kind, due date and threshold, whoever issues it and however often. */
export const alertCommandId = (timerKey: string): string => nameBasedId(`alert/${timerKey}`);

export type FireOutcome =
  /** Appended now. */
  | 'recorded'
  /** Already on the stream: the same command earlier, or the same alert by another command. */
  | 'already-recorded'
  /** The case's plan no longer has this timer (answered, closed, paused, extended, reopened, erased): the re-plan cancelled it. */
  | 'no-longer-planned'
  /** The case is not in this store any more. */
  | 'case-not-found'
  /** Not yet: the re-plan moved it later, or an escalation waits for its breach. Tried again by a later tick. */
  | 'retry-later';

/** What became of one claimed timer, and how the ticker is to end its claim. */
export type Fired = { outcome: FireOutcome; replanned: boolean } & ({ settle: Settlement } | { release: Release });

/** Which run erased a case on the retention ground: `retention:<tenant>:<the tenant's day>`, no personal data. */
export const retentionRequestId = (tenant: string, now: Date, timeZone?: string): string =>
  `retention:${tenant}:${toLocalDate(now.toISOString(), timeZone)}`;

/** The tenant's escalation role; the ticker asks once per tenant and tick. */
export type EscalationRoleOf = (tenant: string) => Promise<Role>;

/**
 * Fires one claimed timer. The case is planned from its stream first, so an alert is recorded only when the
 * case, as it is now, still needs it; then the command goes through the case decider, on the same events, with
 * an id named after the alert. A repeated command finds its own event (`duplicate`), a second instance's finds
 * the alert recorded (`DeadlineAlertAlreadyRecorded`): both mean done. When the plan and the timer disagree
 * (the case moved on since the timer was written) the plan is stored, which corrects the case's timers, and
 * `replanned` says so. The claim itself is ended by the ticker, for the whole batch at once.
 */
@Injectable()
export class AlertRecorder {
  private readonly logger = new Logger(AlertRecorder.name);

  constructor(
    @Inject(CASE_STORE) private readonly caseStore: EventStore,
    @Inject(EVENT_STORE) private readonly sealedStore: EventStore,
    private readonly planner: DeadlinePlanner,
    private readonly tenants: TenantDirectory,
  ) {}

  async fire(timer: TimerDocument, now: Date, escalationRoleOf: EscalationRoleOf): Promise<Fired> {
    const id = timer._id;
    const replanned = await this.planner.plan(timer.caseId);
    if (!replanned) return { outcome: 'case-not-found', replanned: false, settle: { id, state: 'cancelled', outcome: 'case not found' } };
    const planned = replanned.plan.timers.find((candidate) => candidate.key === id);
    if (!planned || planned.recorded || planned.fireAt.getTime() > now.getTime()) {
      // The store is behind the stream: storing the plan cancels the timer, marks it done or moves it later.
      await this.planner.store(replanned);
      const outcome = !planned ? 'no-longer-planned' : planned.recorded ? 'already-recorded' : 'retry-later';
      return { outcome, replanned: true, release: { id, outcome: null } };
    }

    const { plan } = replanned;
    const command = caseCommand(await this.alert(planned, plan.tenant, now, escalationRoleOf), {
      tenant: plan.tenant,
      caseId: plan.caseId,
      actor: DEADLINE_WATCH_ACTOR,
      commandId: alertCommandId(planned.key),
      correlationId: replanned.correlationId,
      now: now.toISOString(),
    });
    const outcome = await alertCommands(this.caseStore, this.sealedStore, plan.caseId, replanned.recorded).handle(command);
    if (outcome.ok) {
      const result = outcome.duplicate ? 'already-recorded' : 'recorded';
      if (!outcome.duplicate) this.logger.log({ caseId: timer.caseId, alert: command.type, ...command.data }, 'deadline alert recorded');
      return { outcome: result, replanned: false, settle: { id, state: 'done', outcome: result } };
    }
    switch (outcome.rejection.type) {
      case 'DeadlineAlertAlreadyRecorded':
      case 'PersonalDataAlreadyErased':
        // Retention: erased meanwhile (another instance's append, or the data protection officer's): nothing to do.
        return { outcome: 'already-recorded', replanned: false, settle: { id, state: 'done', outcome: 'already-recorded' } };
      case 'ErasureOfOpenCase':
      case 'IllegalTransition':
        // Closed between the plan and the command (retention: reopened): the next plan says so too.
        return {
          outcome: 'no-longer-planned',
          replanned: false,
          settle: { id, state: 'cancelled', outcome: outcome.rejection.message.en },
        };
      default:
        // EscalationBeforeBreach: the breach is not on the stream yet. Anything else is logged and retried.
        this.logger.warn(
          { caseId: timer.caseId, timer: id, rejection: outcome.rejection.type },
          'deadline alert refused: tried again later',
        );
        return { outcome: 'retry-later', replanned: false, release: { id, outcome: outcome.rejection.type } };
    }
  }

  private async alert(timer: PlannedTimer, tenant: string, now: Date, escalationRoleOf: EscalationRoleOf): Promise<CaseCommandBody> {
    switch (timer.kind) {
      case 'approaching': {
        const timeZone = this.tenants.get(tenant)?.timeZone;
        return {
          type: 'RecordDeadlineApproaching',
          data: {
            dueDate: timer.dueDate,
            workingDaysBefore: timer.workingDaysBefore ?? 0,
            warnedOn: toLocalDate(now.toISOString(), timeZone),
          },
        };
      }
      case 'breached':
        return { type: 'RecordDeadlineBreach', data: { dueDate: timer.dueDate } };
      case 'escalated':
        return { type: 'EscalateCase', data: { toRole: await escalationRoleOf(tenant), dueDate: timer.dueDate } };
      case 'retention':
        // GDPR art. 5(1)(e): the tenant's term for the kind ended. The request id names the run (tenant and day).
        return {
          type: 'ErasePersonalData',
          data: { ground: 'retention-period-ended', requestId: retentionRequestId(tenant, now, this.tenants.get(tenant)?.timeZone) },
        };
      default: {
        const unknown: never = timer.kind;
        throw new Error(`Unknown alert kind: ${String(unknown)}`);
      }
    }
  }
}
