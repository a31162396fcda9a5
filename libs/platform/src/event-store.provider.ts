import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { EsdbEventStore, PostgresEventStore, type EventStore } from '@civic/event-store';

/**
 * The event store named by EVENT_STORE_URL: EventStoreDB (`esdb://`, the production store, used by
 * docker-compose) or PostgreSQL (`postgres://`, what runs on machines without Docker). Both adapters pass
 * the same contract suite, so the services never know which one they have.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');

export type EventStoreKind = 'esdb' | 'postgres';

export function eventStoreKind(url: string): EventStoreKind {
  const scheme = new URL(url).protocol.replace(/:$/, '');
  if (scheme === 'esdb' || scheme === 'esdb+discover') return 'esdb';
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  throw new Error(`unsupported event store URL scheme "${scheme}"`);
}

export async function connectEventStore(url: string): Promise<EventStore> {
  return eventStoreKind(url) === 'esdb' ? EsdbEventStore.connect({ connectionString: url }) : PostgresEventStore.connect({ url });
}

/** Closes the store when the application stops. */
@Injectable()
export class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

export function eventStoreProviders(url: string): Provider[] {
  return [{ provide: EVENT_STORE, useFactory: () => connectEventStore(url) }, EventStoreLifecycle];
}
