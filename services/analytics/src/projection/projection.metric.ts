import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@civic/event-store';
import { CachedProbe, EVENT_STORE, PlatformMetrics, storeBacklog } from '@civic/platform';
import { CASE_STREAMS } from './case-projector';
import { LiveProjection } from './live-projection';

const PROJECTION = 'cases';

/**
 * How far the case read model in service is behind the event store: the events after its checkpoint (capped),
 * and whether it has caught up since start. Cheap: one bounded read, at most every 10 s.
 */
@Injectable()
export class ProjectionMetric implements OnModuleInit {
  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly live: LiveProjection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    const behind = new CachedProbe(
      async () => {
        const { checkpoint } = this.live.status();
        return checkpoint ? (await storeBacklog(this.store, checkpoint.position, CASE_STREAMS)).events : undefined;
      },
      { ttlMs: 10_000, timeoutMs: 1_500 },
    );
    this.metrics.gauge('projectionBehind', async () => {
      const events = await behind.read();
      return events === undefined ? undefined : [{ labels: { projection: PROJECTION }, value: events }];
    });
    this.metrics.gauge('projectionCaughtUp', async () => [
      { labels: { projection: PROJECTION }, value: this.live.status().caughtUp ? 1 : 0 },
    ]);
  }
}
