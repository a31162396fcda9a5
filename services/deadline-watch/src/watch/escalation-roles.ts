import { Inject, Injectable } from '@nestjs/common';
import { currentRuleSet, foldRoutingConfig, routingConfigStreamName, type Role, type RoutingConfigEvent } from '@civic/domain';
import { StreamNotFoundError, type EventStore } from '@civic/event-store';
import { EVENT_STORE, TenantDirectory } from '@civic/platform';
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
    return currentRuleSet(foldRoutingConfig(await this.events(tenant)), charter).escalationRole;
  }

  private async events(tenant: string): Promise<RoutingConfigEvent[]> {
    try {
      const recorded = await this.store.readStream(routingConfigStreamName(tenant));
      return recorded.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata }) as unknown as RoutingConfigEvent);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
