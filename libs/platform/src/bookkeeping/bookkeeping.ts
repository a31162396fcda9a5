import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Db } from 'mongodb';
import { Pool } from 'pg';
import { eventStoreKind } from '../event-store.provider';

/**
 * Where a service keeps what its writes need besides the events: the data-subject keys, the relay's lease and
 * checkpoint, and intake's registration bookkeeping (idempotency keys, tracking codes, the submitters' cases,
 * attachment records, Open311 locations). Beside a PostgreSQL event store, in its database (one pool, each
 * part in a schema of its own), so a write needs nothing but the source of truth: a submission is never refused
 * because the read models' MongoDB is down. Beside EventStoreDB, in MongoDB as before.
 *
 * In PostgreSQL, `mongo` is the service's MongoDB database where the bookkeeping was kept before it moved: each
 * store's first start copies its entries from there (import-once.ts), and never touches it again.
 */
export type Bookkeeping = { kind: 'postgres'; pool: Pool; mongo: () => Db } | { kind: 'mongodb'; db: Db };

export type BookkeepingKind = Bookkeeping['kind'];

/** The Nest token of the service's Bookkeeping, provided by PlatformModule. */
export const BOOKKEEPING = Symbol('BOOKKEEPING');

/** Beside a PostgreSQL event store, in it; otherwise in MongoDB. */
export const bookkeepingKind = (eventStoreUrl: string): BookkeepingKind =>
  eventStoreKind(eventStoreUrl) === 'postgres' ? 'postgres' : 'mongodb';

export function bookkeepingOn(eventStoreUrl: string, service: string, mongo: () => Db): Bookkeeping {
  if (bookkeepingKind(eventStoreUrl) === 'mongodb') return { kind: 'mongodb', db: mongo() };
  const pool = new Pool({ connectionString: eventStoreUrl, application_name: `${service}-bookkeeping`, max: 10 });
  // An idle pooled connection that breaks is dropped by the pool; the next query opens a new one.
  pool.on('error', () => undefined);
  return { kind: 'postgres', pool, mongo };
}

/** Ends the bookkeeping's pool once everything that writes through it has stopped (the MongoDB connection is Mongoose's). */
@Injectable()
export class BookkeepingLifecycle implements OnApplicationShutdown {
  constructor(@Inject(BOOKKEEPING) private readonly bookkeeping: Bookkeeping) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.bookkeeping.kind === 'postgres') await this.bookkeeping.pool.end();
  }
}
