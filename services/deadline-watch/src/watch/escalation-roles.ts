import { Inject, Injectable } from '@nestjs/common';
import { currentRuleSet, type Role } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE, readRoutingConfig, TenantDirectory } from '@civic/platform';
import { UnknownTenantError } from './errors';

/**
 * Who a breached case goes to: the `escalationRole` of the tenant's routing rule set in force when the
 * case is escalated (`routingconfig-<tenant>`, written by routing's administrators; the charter's
 * defaults while nobody has changed them).
 */
@Injectable()
export class EscalationRoles {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tenants: TenantDirectory,
  ) {}

  async of(tenant: string): Promise<Role> {
    const charter = this.tenants.get(tenant);
    if (!charter) throw new UnknownTenantError(tenant);
    return currentRuleSet(await readRoutingConfig(this.store, tenant), charter).escalationRole;
  }
}
