import { Inject, Injectable } from '@nestjs/common';
import {
  currentRuleSet,
  currentUnits,
  routingConfigDecider,
  routingConfigStreamName,
  type Officer,
  type RoutingConfigCommand,
  type RoutingConfigRejection,
  type RuleSet,
  type TenantCharter,
  type UnitList,
} from '@civic/domain';
import { createCommandHandler, type CommandHandler, type EventStore, type HandleOutcome } from '@civic/event-store';
import { EVENT_STORE, readRoutingConfig, TenantDirectory } from '@civic/platform';
import { UnknownTenantError } from './errors';

/** A tenant's routing set-up now: the units and the rule set in force (defaults until changed) and the officers. */
export interface RoutingSetup {
  ruleSet: RuleSet;
  /** True while no administrator has changed the rules: they are the defaults from the charter. */
  defaults: boolean;
  officers: Officer[];
  units: UnitList;
  /** True while no administrator has changed the units: they are the charter's departments. */
  unitsDefaults: boolean;
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
    const tenant = this.charter(tenantSlug);
    const state = await readRoutingConfig(this.store, tenantSlug);
    return {
      ruleSet: currentRuleSet(state, tenant),
      defaults: state.ruleSet === null,
      officers: state.officers,
      units: currentUnits(state, tenant),
      unitsDefaults: state.units === null,
    };
  }

  /** The tenant's charter, for the commands' metadata (the defaults of units and rules come from it). */
  charter(tenantSlug: string): TenantCharter {
    const tenant = this.tenants.get(tenantSlug);
    if (!tenant) throw new UnknownTenantError(tenantSlug);
    return tenant;
  }

  change(command: RoutingConfigCommand): Promise<HandleOutcome<RoutingConfigRejection>> {
    return this.commands.handle(command);
  }
}
