import { Inject, Injectable, Logger } from '@nestjs/common';
import { toLocalDate, type CaseCommandBody } from '@civic/domain';
import { CASE_COMMANDS, caseCommand, TenantDirectory, type CaseCommands } from '@civic/platform';
import { nameBasedId } from '../ids';
import type { PlannedTimer } from '../plan/deadline-plan';
import type { TimerDocument } from './timer.store';
import { TimerStore } from './timer.store';
import { DeadlinePlanner } from './deadline-planner';
import { EscalationRoles } from './escalation-roles';

/** deadline-watch acts as the platform itself, never as a person. */
export const DEADLINE_WATCH_ACTOR = { id: 'deadline-watch', role: 'system' } as const;

/** The command id of an alert: one per case, kind, due date and threshold, whoever issues it and however often. */
export const alertCommandId = (timerKey: string): string => nameBasedId(`alert/${timerKey}`);

export type FireOutcome =
  /** Appended now. */
  | 'recorded'
  /** Already on the stream: the same command earlier, or the same alert by another command. */
  | 'already-recorded'
  /** The case's plan no longer has this timer (answered, closed, paused, extended): the re-plan cancelled it. */
  | 'no-longer-planned'
  /** The case is not in this store any more. */
  | 'case-not-found'
  /** Not yet: the re-plan moved it later, or an escalation waits for its breach. Tried again by a later tick. */
  | 'retry-later';

/**
 * Fires one claimed timer. The case is re-planned from its stream first, so an alert is recorded only
 * when the case, as it is now, still needs it; then the command goes through the case decider with an id
 * named after the alert. A repeated command finds its own event (`duplicate`), a second instance's finds
 * the alert recorded (`DeadlineAlertAlreadyRecorded`): both mean done.
 */
@Injectable()
export class AlertRecorder {
  private readonly logger = new Logger(AlertRecorder.name);

  constructor(
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    private readonly planner: DeadlinePlanner,
    private readonly roles: EscalationRoles,
    private readonly timers: TimerStore,
    private readonly tenants: TenantDirectory,
  ) {}

  async fire(timer: TimerDocument, owner: string, now: Date): Promise<FireOutcome> {
    const replanned = await this.planner.replan(timer.caseId);
    if (!replanned) {
      await this.timers.settle(timer._id, owner, 'cancelled', 'case not found', now);
      return 'case-not-found';
    }
    const planned = replanned.plan.timers.find((candidate) => candidate.key === timer._id);
    if (!planned || planned.recorded) {
      // The re-plan has already marked it cancelled or done.
      await this.timers.release(timer._id, owner, null);
      return planned ? 'already-recorded' : 'no-longer-planned';
    }
    if (planned.fireAt.getTime() > now.getTime()) {
      await this.timers.release(timer._id, owner, null);
      return 'retry-later';
    }

    const command = caseCommand(await this.alert(planned, replanned.plan.tenant, now), {
      tenant: replanned.plan.tenant,
      caseId: replanned.plan.caseId,
      actor: DEADLINE_WATCH_ACTOR,
      commandId: alertCommandId(planned.key),
      correlationId: replanned.correlationId,
      now: now.toISOString(),
    });
    const outcome = await this.commands.handle(command);
    if (outcome.ok) {
      const result = outcome.duplicate ? 'already-recorded' : 'recorded';
      await this.timers.settle(timer._id, owner, 'done', result, now);
      if (!outcome.duplicate) this.logger.log({ caseId: timer.caseId, alert: command.type, ...command.data }, 'deadline alert recorded');
      return result;
    }
    switch (outcome.rejection.type) {
      case 'DeadlineAlertAlreadyRecorded':
        await this.timers.settle(timer._id, owner, 'done', 'already-recorded', now);
        return 'already-recorded';
      case 'IllegalTransition':
        // Closed between the re-plan and the command: the next re-plan says so too.
        await this.timers.settle(timer._id, owner, 'cancelled', outcome.rejection.message.en, now);
        return 'no-longer-planned';
      default:
        // EscalationBeforeBreach: the breach is not on the stream yet. Anything else is logged and retried.
        this.logger.warn(
          { caseId: timer.caseId, timer: timer._id, rejection: outcome.rejection.type },
          'deadline alert refused: tried again later',
        );
        await this.timers.release(timer._id, owner, outcome.rejection.type);
        return 'retry-later';
    }
  }

  private async alert(timer: PlannedTimer, tenant: string, now: Date): Promise<CaseCommandBody> {
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
        return { type: 'EscalateCase', data: { toRole: await this.roles.of(tenant), dueDate: timer.dueDate } };
      default: {
        const unknown: never = timer.kind;
        throw new Error(`Unknown alert kind: ${String(unknown)}`);
      }
    }
  }
}
