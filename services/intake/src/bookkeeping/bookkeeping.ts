import type { Db } from 'mongodb';
import type { Pool } from 'pg';

/**
 * Where intake keeps what a registration needs besides the case itself: idempotency keys, tracking codes, the
 * submitters' cases, attachment records, Open311 locations. In PostgreSQL wherever the event store is
 * PostgreSQL (one pool to its database, tables in the `intake` schema), so a registration needs nothing but
 * the source of truth: a submission is never refused because the read models' MongoDB is down. Beside
 * EventStoreDB, in intake's MongoDB database as before.
 */
export type Bookkeeping = { kind: 'postgres'; pool: Pool } | { kind: 'mongodb'; db: Db };

export type BookkeepingKind = Bookkeeping['kind'];

/** The Nest token of intake's Bookkeeping (bookkeeping.module.ts). */
export const BOOKKEEPING = Symbol('BOOKKEEPING');
