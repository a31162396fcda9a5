import type { EventStore } from '@civic/event-store';
import { CASE_STREAM_PREFIX, type RelayCheckpoints } from '@civic/messaging';
import { CachedProbe } from './cached-probe';
import type { PlatformMetrics } from './platform-metrics';
import { backlogAgeSeconds, storeBacklog, type Backlog } from './store-backlog';

/**
 * The relay's lag, where the relay runs: the case events after its checkpoint (the one all instances share,
 * so a standby instance reports the same) and how long the oldest has waited. The store dates events by its own
 * clock, so the age is measured on the real clock (`now`, settable by a test).
 */
export function registerRelayFigures(
  metrics: PlatformMetrics,
  relay: string,
  store: EventStore,
  checkpoints: RelayCheckpoints,
  now: () => number = Date.now,
): void {
  const backlog = new CachedProbe<Backlog>(
    async () => storeBacklog(store, await checkpoints.load(relay), { streamNamePrefixes: [CASE_STREAM_PREFIX] }),
    { ttlMs: 5_000, timeoutMs: 1_500 },
  );
  metrics.gauge('relayUnpublished', async () => {
    const known = await backlog.read();
    return known && [{ labels: { relay }, value: known.events }];
  });
  metrics.gauge('relayOldestUnpublished', async () => {
    const known = await backlog.read();
    return known && [{ labels: { relay }, value: backlogAgeSeconds(known.oldestRecordedAt, now()) }];
  });
}
