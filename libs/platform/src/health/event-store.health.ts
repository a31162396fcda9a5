import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE, type EventStoreKind } from '../event-store.provider';
import { withTimeout } from './kafka.health';

export const EVENT_STORE_KIND = Symbol('EVENT_STORE_KIND');

/** Healthy when the event store answers a real read (a stream's metadata: cheap on both adapters). */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_STORE_KIND) private readonly kind: EventStoreKind,
  ) {}

  async check(key = 'event-store') {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(this.store.getStreamMetadata('health-probe'), 3_000);
      return indicator.up({ kind: this.kind });
    } catch (error) {
      return indicator.down({ kind: this.kind, message: (error as Error).message });
    }
  }
}
