import { Inject, Injectable } from '@nestjs/common';
import { currentRuleSet, currentUnits, type Role, type TenantCharter, type Unit } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE, readRoutingConfig } from '@civic/platform';

/** What notification needs of a tenant's routing set-up: who escalations go to, and the units by id. */
export interface RoutingFacts {
  escalationRole: Role;
  units: Unit[];
}

/**
 * Reads the tenant's routing set-up where routing keeps it (`routingconfig-<tenant>` on the event store,
 * folded by the domain's own functions; the charter's defaults until an admin changes anything). Read
 * only: routing owns it.
 */
@Injectable()
export class RoutingSetupReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async facts(charter: TenantCharter): Promise<RoutingFacts> {
    const state = await readRoutingConfig(this.store, charter.slug);
    return { escalationRole: currentRuleSet(state, charter).escalationRole, units: currentUnits(state, charter).units };
  }
}
