import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CaseCommandBody } from '@civic/domain';
import { SubjectErasedError } from '@civic/event-store';
import { CASE_COMMANDS, caseCommand, CLOCK, type CaseCommands, type Clock } from '@civic/platform';
import { recordCommandIdFor } from '../ids';
import type { OutboxEntry } from '../outbox/outbox.store';

/** notification acts as the platform itself. */
const NOTIFICATION_ACTOR = { id: 'notification', role: 'system' } as const;

export type RecordOutcome = 'recorded' | 'already-recorded' | 'not-recordable';

/**
 * Records a message's outcome on its case through the case decider (NotificationSent / NotificationFailed).
 * The command id is named after the notification and the outcome, so recording again, after a crash or
 * from another instance, finds the earlier event (`duplicate`) or the decider's NotificationAlreadyRecorded:
 * both mean done. Transient errors (the event store is down) are thrown, and the sender tries again later.
 */
@Injectable()
export class CaseRecorder {
  private readonly logger = new Logger(CaseRecorder.name);

  constructor(
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(entry: OutboxEntry, outcome: 'sent' | 'failed', error?: string): Promise<RecordOutcome> {
    const facts = {
      notificationId: entry._id,
      template: entry.template,
      channel: entry.channel,
      recipient: entry.recipient,
      triggeredBy: entry.triggeredBy,
      attempts: entry.attempts,
    };
    const body: CaseCommandBody =
      outcome === 'sent'
        ? { type: 'RecordNotificationSent', data: facts }
        : { type: 'RecordNotificationFailed', data: { ...facts, error: error ?? 'unknown error' } };
    const command = caseCommand(body, {
      tenant: entry.tenant,
      caseId: entry.caseId,
      actor: NOTIFICATION_ACTOR,
      commandId: recordCommandIdFor(entry._id, outcome),
      correlationId: entry.correlationId,
      now: this.clock.now().toISOString(),
      ...(entry.dataSubjectId ? { dataSubjectId: entry.dataSubjectId } : {}),
    });
    try {
      const result = await this.commands.handle(command);
      if (result.ok) return result.duplicate ? 'already-recorded' : 'recorded';
      if (result.rejection.type === 'NotificationAlreadyRecorded') return 'already-recorded';
      // Deterministic: the case cannot take it (not found, or a rule); retrying would give the same answer.
      this.logger.warn(
        { notificationId: entry._id, caseId: entry.caseId, rejection: result.rejection.type },
        'notification outcome not recordable on the case',
      );
      return 'not-recordable';
    } catch (caught) {
      // A failure's error is personal data, encrypted under the person's key; once they are erased it cannot be written.
      if (caught instanceof SubjectErasedError) {
        this.logger.warn(
          { notificationId: entry._id, caseId: entry.caseId },
          'the data subject was erased: the outcome is not recorded on the case',
        );
        return 'not-recordable';
      }
      throw caught;
    }
  }
}
