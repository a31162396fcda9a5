import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  chooseOfficer,
  decideRoute,
  routingFactsFromHistory,
  type CaseCommandBody,
  type CaseEvent,
  type CaseRouted,
  type RegisteredCase,
} from '@civic/domain';
import { PermanentHandlerError } from '@civic/messaging';
import { CASE_COMMANDS, caseCommand, CaseReader, CLOCK, type CaseCommands, type CaseHistory, type Clock } from '@civic/platform';
import { UnknownTenantError } from '../config-store/errors';
import { RoutingConfigStore, type RoutingSetup } from '../config-store/routing-config.store';
import { commandIdFor } from '../ids';
import { WorkloadStore } from '../workload/workload.store';

/** The event that made a case routable: its id names the commands routing issues because of it. */
export interface RoutingTrigger {
  eventId: string;
  caseId: string;
  correlationId: string;
}

export type AssignmentOutcome =
  | { outcome: 'assigned'; officerId: string }
  | { outcome: 'already-assigned' }
  | { outcome: 'no-officer-available' }
  | { outcome: 'rejected'; rejection: string };

export type RoutingOutcome =
  | { outcome: 'case-not-found' }
  | { outcome: 'not-routable'; status: RegisteredCase['status'] }
  | { outcome: 'rejected'; rejection: string }
  | { outcome: 'routed'; route: CaseRouted['data']; assignment: AssignmentOutcome };

type RoutingCommand = Extract<CaseCommandBody, { type: 'RouteCase' | 'AssignCase' }>;

/** Routing acts as the platform itself, never as a person. */
const ROUTING_ACTOR = { id: 'routing', role: 'system' } as const;

/**
 * Routes an accepted case by its tenant's rules and assigns it within the unit. Safe to run again for the
 * same event (a redelivery, or a crash after the commands but before the inbox recorded the event): the
 * command ids derive from the event id, so the case stream shows what was already done and only what is
 * missing is issued. Safe to run twice at once too (two consumers during a rebalance): the command handler
 * answers the second `RouteCase`/`AssignCase` of an id with `duplicate: true` and the first one's events,
 * so the stream gets one CaseRouted and one CaseAssigned. A rejected command is logged, never retried:
 * the case has moved on.
 */
@Injectable()
export class CaseRouter {
  private readonly logger = new Logger(CaseRouter.name);

  constructor(
    private readonly cases: CaseReader,
    @Inject(CASE_COMMANDS) private readonly commands: CaseCommands,
    private readonly config: RoutingConfigStore,
    private readonly workload: WorkloadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async route(trigger: RoutingTrigger): Promise<RoutingOutcome> {
    const { events: history, state } = await this.cases.read(trigger.caseId);
    if (state.status === 'NotRegistered') {
      // Not a case of this deployment's store (a topic shared by test runs, a store restored from backup).
      this.logger.warn({ caseId: trigger.caseId, eventId: trigger.eventId }, 'case not found in the case store: not routed');
      return { outcome: 'case-not-found' };
    }

    const routeId = commandIdFor(trigger.eventId, 'RouteCase');
    const lastRouted = lastRoute(history);
    const routedByUs = lastRouted?.metadata.causationId === routeId;

    if (state.status === 'Accepted' && !routedByUs) {
      const setup = await this.setupOf(state.facts.tenant);
      const facts = routingFactsFromHistory(history);
      if (!facts) return { outcome: 'case-not-found' };
      const decision = decideRoute(facts, setup.ruleSet);
      const route = {
        unit: decision.unit,
        ruleId: decision.ruleId,
        ruleVersion: decision.ruleVersion,
        urgent: decision.urgent,
        inform: decision.inform,
      };
      const routed = await this.commands.handle(this.command({ type: 'RouteCase', data: route }, state, trigger, routeId));
      if (!routed.ok) return { outcome: 'rejected', rejection: this.rejected('RouteCase', routed.rejection.type, trigger) };
      if (routed.duplicate) {
        // Another consumer of the same event routed it meanwhile (a rebalance hands a partition over while
        // the old owner still works): the command handler returned its CaseRouted, not a second one. Its
        // route stands, whatever this one decided, and the assignment continues from it.
        const standing = lastRoute((await this.cases.read(trigger.caseId)).events)?.data ?? route;
        this.logger.log({ caseId: trigger.caseId, unit: standing.unit }, 'case already routed because of this event');
        return { outcome: 'routed', route: standing, assignment: await this.assign(standing.unit, state, trigger, setup, history) };
      }
      this.logger.log({ caseId: trigger.caseId, ...route, explanation: decision.explanation.en }, 'case routed');
      return { outcome: 'routed', route, assignment: await this.assign(route.unit, state, trigger, setup, history) };
    }
    if (state.status === 'Routed' && lastRouted && routedByUs) {
      // Routed because of this event before, but not assigned (a crash in between): assign now.
      const setup = await this.setupOf(state.facts.tenant);
      return {
        outcome: 'routed',
        route: lastRouted.data,
        assignment: await this.assign(lastRouted.data.unit, state, trigger, setup, history),
      };
    }
    return { outcome: 'not-routable', status: state.status };
  }

  /**
   * Assigns a case that was routed while its unit had no officer present (it stays `Routed`): called when
   * the officers change and when the case's CaseRouted is delivered. The command id derives from that
   * CaseRouted event, so two instances doing this at once, or a retry, assign the case once.
   */
  async assignWaiting(caseId: string): Promise<AssignmentOutcome | { outcome: 'not-waiting' }> {
    const history = await this.cases.read(caseId);
    const { state } = history;
    const routed = lastRouteRecorded(history);
    if (state.status !== 'Routed' || !routed) return { outcome: 'not-waiting' };
    const trigger = { eventId: routed.eventId, caseId, correlationId: routed.event.metadata.correlationId };
    return this.assign(routed.event.data.unit, state, trigger, await this.setupOf(state.facts.tenant), history.events);
  }

  private async assign(
    unit: string,
    state: RegisteredCase,
    trigger: RoutingTrigger,
    setup: RoutingSetup,
    history: CaseEvent[],
  ): Promise<AssignmentOutcome> {
    const assignId = commandIdFor(trigger.eventId, 'AssignCase');
    if (history.some((event) => event.metadata.causationId === assignId)) return { outcome: 'already-assigned' };

    const load = await this.workload.openCases(state.facts.tenant);
    const choice = chooseOfficer(
      setup.officers.map((officer) => ({ ...officer, openCases: load.get(officer.id) ?? 0 })),
      unit,
    );
    if (choice.type === 'NoOfficerAvailable') {
      this.logger.warn({ caseId: trigger.caseId, unit }, choice.message.en);
      return { outcome: 'no-officer-available' };
    }
    const assigned = await this.commands.handle(
      this.command({ type: 'AssignCase', data: { officerId: choice.officerId } }, state, trigger, assignId),
    );
    if (!assigned.ok) return { outcome: 'rejected', rejection: this.rejected('AssignCase', assigned.rejection.type, trigger) };
    if (assigned.duplicate) {
      // Assigned because of this event by another consumer meanwhile, perhaps to another officer (it saw
      // other workloads): its CaseAssigned stands. The workload is left to that consumer and to the event's
      // own delivery; counting it here with this choice could count the case to the wrong officer.
      return { outcome: 'already-assigned' };
    }

    // Counted at once, so the next case sees it; the same event arriving from Kafka later changes nothing.
    const [event] = assigned.events;
    if (event) {
      await this.workload.apply({
        type: event.type,
        tenant: state.facts.tenant,
        caseId: state.facts.caseId,
        revision: event.revision,
        officerId: choice.officerId,
      });
    }
    this.logger.log({ caseId: trigger.caseId, unit, officerId: choice.officerId, openCases: choice.openCases }, 'case assigned');
    return { outcome: 'assigned', officerId: choice.officerId };
  }

  private command(body: RoutingCommand, state: RegisteredCase, trigger: RoutingTrigger, commandId: string) {
    return caseCommand(body, {
      tenant: state.facts.tenant,
      caseId: state.facts.caseId,
      actor: ROUTING_ACTOR,
      commandId,
      correlationId: trigger.correlationId,
      now: this.clock.now().toISOString(),
    });
  }

  /** Deterministic: retrying cannot change the answer. Typical of a redelivery racing another writer. */
  private rejected(command: RoutingCommand['type'], rejection: string, trigger: RoutingTrigger): string {
    this.logger.warn({ caseId: trigger.caseId, eventId: trigger.eventId, command, rejection }, 'routing command rejected: not retried');
    return rejection;
  }

  private async setupOf(tenant: string): Promise<RoutingSetup> {
    try {
      return await this.config.setup(tenant);
    } catch (error) {
      // A case of a tenant this deployment has no charter for: no retry can help; the dead letter keeps it.
      if (error instanceof UnknownTenantError) throw new PermanentHandlerError(error.message, { cause: error });
      throw error;
    }
  }
}

const isRoute = (event: CaseEvent): event is CaseRouted => event.type === 'CaseRouted';

const lastRoute = (events: readonly CaseEvent[]): CaseRouted | undefined => events.filter(isRoute).at(-1);

/** The case's last CaseRouted with the id it was stored under (the id names the assignment it causes). */
function lastRouteRecorded(history: CaseHistory): { event: CaseRouted; eventId: string } | undefined {
  for (let at = history.events.length - 1; at >= 0; at -= 1) {
    const event = history.events[at];
    if (isRoute(event)) return { event, eventId: history.recorded[at].id };
  }
  return undefined;
}
