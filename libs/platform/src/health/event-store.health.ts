import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventStoreConnection } from '../event-store-connection';
import { withTimeout } from './kafka.health';

/** Healthy when the event store answers a real read. */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly store: EventStoreConnection,
  ) {}

  async check(key = 'event-store') {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(this.store.ping(), 3_000);
      return indicator.up({ kind: this.store.kind });
    } catch (error) {
      return indicator.down({ kind: this.store.kind, message: (error as Error).message });
    }
  }
}
