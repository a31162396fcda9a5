import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { EventStoreDBClient } from '@eventstore/db-client';
import { Pool } from 'pg';

/**
 * The connection to the event store named by EVENT_STORE_URL: EventStoreDB (`esdb://`, the design card's
 * store, used by docker-compose) or PostgreSQL (`postgres://`, what runs on machines without Docker).
 * The event-store port and its adapters build on this; here it gives them one lifecycle and a health check.
 */
export type EventStoreConnectionKind = 'esdb' | 'postgres';

@Injectable()
export class EventStoreConnection implements OnApplicationShutdown {
  readonly kind: EventStoreConnectionKind;
  private pgPool?: Pool;
  private esdbClient?: EventStoreDBClient;

  constructor(readonly url: string) {
    this.kind = eventStoreKind(url);
  }

  get pool(): Pool {
    if (this.kind !== 'postgres') throw new Error('the event store is not PostgreSQL');
    if (!this.pgPool) {
      this.pgPool = new Pool({ connectionString: this.url, max: 10, connectionTimeoutMillis: 5_000 });
      // An idle client losing its connection must not crash the process; the next query reconnects.
      this.pgPool.on('error', () => undefined);
    }
    return this.pgPool;
  }

  get esdb(): EventStoreDBClient {
    if (this.kind !== 'esdb') throw new Error('the event store is not EventStoreDB');
    this.esdbClient ??= EventStoreDBClient.connectionString(this.url);
    return this.esdbClient;
  }

  /** A real round trip: a query on PostgreSQL, reading one event of `$all` on EventStoreDB. */
  async ping(): Promise<void> {
    if (this.kind === 'postgres') {
      await this.pool.query('select 1');
      return;
    }
    for await (const _ of this.esdb.readAll({ maxCount: 1 })) break;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pgPool?.end();
    await this.esdbClient?.dispose();
  }
}

export function eventStoreKind(url: string): EventStoreConnectionKind {
  const scheme = new URL(url).protocol.replace(/:$/, '');
  if (scheme === 'esdb' || scheme === 'esdb+discover') return 'esdb';
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  throw new Error(`unsupported event store URL scheme "${scheme}"`);
}
