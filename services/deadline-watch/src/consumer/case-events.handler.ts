import { Injectable, Logger } from '@nestjs/common';
import type { JsonObject } from '@civic/event-store';
import { caseEventFromKafka, PermanentHandlerError, type ReceivedEvent } from '@civic/messaging';
import { DeadlinePlanner } from '../watch/deadline-planner';
import { UnknownTenantError } from '../watch/errors';

/** Events that change nothing about a case's deadline: letters and ratings. */
const IRRELEVANT: ReadonlySet<string> = new Set(['NotificationSent', 'NotificationFailed', 'SatisfactionRecorded']);

/**
 * What deadline-watch does with a case event: re-plan the case from its whole stream. Every other event can
 * move the deadline (registration, a pause and its end, an extension, an answer, a closure, a reopening) or
 * settle an alert (its own DeadlineApproaching, DeadlineBreached and CaseEscalated coming back). Re-planning
 * is idempotent, so a redelivery changes nothing.
 */
@Injectable()
export class CaseEventsHandler {
  private readonly logger = new Logger(CaseEventsHandler.name);

  constructor(private readonly planner: DeadlinePlanner) {}

  async handle(received: ReceivedEvent<JsonObject>): Promise<void> {
    const event = caseEventFromKafka(received);
    if (IRRELEVANT.has(event.type)) return;
    const { caseId } = event.metadata;
    if (!caseId) throw new PermanentHandlerError(`case event ${event.id} (${event.type}) names no case`);
    try {
      const replanned = await this.planner.replan(caseId);
      if (!replanned) this.logger.debug({ caseId, eventId: event.id }, 'case not found in the case store: not watched');
    } catch (error) {
      // A case of a tenant this deployment has no charter for: the dead letter keeps it.
      if (error instanceof UnknownTenantError) throw new PermanentHandlerError(error.message, { cause: error });
      throw error;
    }
  }
}
