import { Injectable, OnModuleInit } from '@nestjs/common';
import { CachedProbe, PlatformMetrics } from '@civic/platform';
import { OutboxStore } from './outbox.store';

/** `civic_notifications_failed{tenant,channel}`: counts only, read from the outbox at most every 10 s. */
@Injectable()
export class FailedNotificationsMetric implements OnModuleInit {
  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly outbox: OutboxStore,
  ) {}

  onModuleInit(): void {
    const counts = new CachedProbe(() => this.outbox.failedCounts(), { ttlMs: 10_000, timeoutMs: 1_500 });
    this.metrics.gauge('notificationsFailed', async () =>
      (await counts.read())?.map(({ tenant, channel, count }) => ({ labels: { tenant, channel }, value: count })),
    );
  }
}
