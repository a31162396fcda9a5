import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JsonObject } from '@civic/event-store';
import { caseEventFromKafka, PermanentHandlerError, type ReceivedEvent } from '@civic/messaging';
import { caseHistoryThrough, CaseReader, CLOCK, TenantDirectory, type Clock } from '@civic/platform';
import { CaseErasure, type ErasureOutcome } from '../erasure/case-erasure';
import { planNotifications, TRIGGER_TYPES, withoutSubmitter, type Plan } from '../messages/plan';
import { OutboxStore } from '../outbox/outbox.store';
import { RoutingSetupReader } from '../routing/routing-setup';
import { NotificationSender } from '../sender/sender';

export type QueueOutcome =
  | { outcome: 'not-a-trigger' }
  | { outcome: 'case-not-found' }
  | { outcome: 'planned'; plan: Plan; queued: number }
  | ({ outcome: 'erased' } & ErasureOutcome);

/** Deadline events, whose staff messages need the tenant's routing set-up (escalation role, unit heads). */
const NEEDS_ROUTING: ReadonlySet<string> = new Set(['DeadlineApproaching', 'DeadlineBreached']);

/**
 * What notification does with one case event: work out the messages it calls for and put them in the
 * outbox. Nothing is sent here, so a slow mail server never holds up a partition, and a redelivered event
 * queues nothing new (each message's id comes from the event's id, the recipient and the template).
 */
@Injectable()
export class CaseEventsHandler {
  private readonly logger = new Logger(CaseEventsHandler.name);

  constructor(
    private readonly cases: CaseReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tenants: TenantDirectory,
    private readonly routing: RoutingSetupReader,
    private readonly outbox: OutboxStore,
    private readonly sender: NotificationSender,
    private readonly erasure: CaseErasure,
  ) {}

  async handle(received: ReceivedEvent<JsonObject>): Promise<QueueOutcome> {
    const event = caseEventFromKafka(received);
    const erasure = event.type === 'PersonalDataErased';
    if (!erasure && !TRIGGER_TYPES.has(event.type)) return { outcome: 'not-a-trigger' };
    const { caseId, tenant } = event.metadata;
    if (!caseId || !tenant) throw new PermanentHandlerError(`case event ${event.id} (${event.type}) names no case or tenant`);
    if (erasure) return { outcome: 'erased', ...(await this.erasure.erase(tenant, caseId)) };
    return this.queue(event.id, caseId, tenant);
  }

  /** Plans and queues the messages for one stored event of a case. */
  async queue(eventId: string, caseId: string, tenant: string): Promise<QueueOutcome> {
    const whole = await this.cases.read(caseId);
    const upToTrigger = caseHistoryThrough(whole, eventId);
    const trigger = upToTrigger?.events.at(-1);
    if (!upToTrigger || !trigger) {
      // Not a case of this deployment's store (a topic shared by test runs, a store restored from backup).
      this.logger.warn({ caseId, eventId }, 'event not found in the case store: nothing queued');
      return { outcome: 'case-not-found' };
    }
    const charter = this.tenants.get(tenant);
    // A case of a tenant this deployment has no charter for: no retry can help; the dead letter keeps it.
    if (!charter) throw new PermanentHandlerError(`no tenant "${tenant}" is served here (case ${caseId})`);

    const history = upToTrigger.events;
    let routingFacts = {};
    if (NEEDS_ROUTING.has(trigger.type)) {
      const { escalationRole, units } = await this.routing.facts(charter);
      const unitHeads = Object.fromEntries(units.flatMap((unit) => (unit.headOfUnitId ? [[unit.id, unit.headOfUnitId]] : [])));
      routingFacts = { escalationRole, unitHeads };
    }
    const planned = planNotifications({ eventId, history, ...routingFacts });
    // An earlier event queued again after the erasure (a replay, a retry): the person is not written to, even
    // if their key is still there (GDPR art. 17).
    const plan = whole.events.some((event) => event.type === 'PersonalDataErased') ? withoutSubmitter(planned) : planned;
    if (plan.submitterSkipped) {
      this.logger.log({ caseId, eventId, type: trigger.type, reason: plan.submitterSkipped }, 'nothing sent to the submitter');
    }

    const dataSubjectId = upToTrigger.dataSubjectId ?? null;
    const registryNumber = history[0]?.type === 'CaseRegistered' ? history[0].data.registryNumber : '';
    const now = this.clock.now();
    let queued = 0;
    for (const notification of plan.notifications) {
      const added = await this.outbox.enqueue(
        {
          _id: notification.notificationId,
          tenant,
          caseId,
          registryNumber,
          dataSubjectId,
          triggeredBy: eventId,
          triggerType: trigger.type,
          correlationId: trigger.metadata.correlationId,
          template: notification.template,
          recipient: notification.recipient,
          channel: notification.channel,
        },
        now,
      );
      if (added) queued += 1;
    }
    if (queued > 0) this.sender.nudge();
    return { outcome: 'planned', plan, queued };
  }
}
