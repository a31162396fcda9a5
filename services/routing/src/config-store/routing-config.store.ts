import { Inject, Injectable } from '@nestjs/common';
import {
  currentRuleSet,
  routingConfigDecider,
  routingConfigStreamName,
  type Officer,
  type RoutingConfigCommand,
  type RoutingConfigEvent,
  type RoutingConfigRejection,
  type RoutingConfigState,
  type RuleSet,
} from '@civic/domain';
import { createCommandHandler, StreamNotFoundError, type CommandHandler, type EventStore, type HandleOutcome } from '@civic/event-store';
import { EVENT_STORE, TenantDirectory } from '@civic/platform';
import { UnknownTenantError } from './errors';

/** A tenant's routing set-up now: the rule set in force (defaults until changed) and the officers. */
export interface RoutingSetup {
  ruleSet: RuleSet;
  /** True while no administrator has changed the rules: they are the defaults from the charter. */
  defaults: boolean;
  officers: Officer[];
}

/**
 * The tenant's routing set-up, event-sourced in `routingconfig-<tenant>` on the event store (not the case
 * store: nothing personal is in it). Changes go through the generic command handler, so each is decided
 * on the latest state and appended with the revision it was decided on.
 */
@Injectable()
export class RoutingConfigStore {
  private readonly commands: CommandHandler<RoutingConfigCommand, RoutingConfigRejection>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tenants: TenantDirectory,
  ) {
    this.commands = createCommandHandler({
      store,
      decider: routingConfigDecider,
      streamName: (command: RoutingConfigCommand) => routingConfigStreamName(command.metadata.tenant),
    });
  }

  async setup(tenantSlug: string): Promise<RoutingSetup> {
    const tenant = this.tenants.get(tenantSlug);
    if (!tenant) throw new UnknownTenantError(tenantSlug);
    const state = await this.state(tenantSlug);
    return { ruleSet: currentRuleSet(state, tenant), defaults: state.ruleSet === null, officers: state.officers };
  }

  /** The tenant's unit ids, for the commands' `knownUnits`. */
  units(tenantSlug: string): string[] {
    const tenant = this.tenants.get(tenantSlug);
    if (!tenant) throw new UnknownTenantError(tenantSlug);
    return tenant.departments.map((department) => department.id);
  }

  change(command: RoutingConfigCommand): Promise<HandleOutcome<RoutingConfigRejection>> {
    return this.commands.handle(command);
  }

  private async state(tenant: string): Promise<RoutingConfigState> {
    try {
      const events = await this.store.readStream(routingConfigStreamName(tenant));
      return events
        .map((event) => ({ type: event.type, data: event.data, metadata: event.metadata }) as unknown as RoutingConfigEvent)
        .reduce(routingConfigDecider.evolve, routingConfigDecider.initialState());
    } catch (error) {
      if (error instanceof StreamNotFoundError) return routingConfigDecider.initialState();
      throw error;
    }
  }
}
