import { foldRoutingConfig, routingConfigStreamName, type RoutingConfigEvent, type RoutingConfigState } from '@civic/domain';
import { readStreamIfExists, type EventStore } from '@civic/event-store';

/**
 * A tenant's routing set-up (units, rules, officers) folded from `routingconfig-<tenant>`: the initial
 * state, i.e. the charter's defaults, while no administrator has changed anything. Routing writes the
 * stream; notification and deadline-watch read it here too.
 */
export async function readRoutingConfig(store: EventStore, tenant: string): Promise<RoutingConfigState> {
  const recorded = (await readStreamIfExists(store, routingConfigStreamName(tenant))) ?? [];
  return foldRoutingConfig(
    recorded.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata }) as unknown as RoutingConfigEvent),
  );
}
