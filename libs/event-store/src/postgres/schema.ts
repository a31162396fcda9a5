import type { Pool } from 'pg';

/** Schema names are interpolated into SQL (identifiers cannot be parameters), so only plain ones pass. */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,47}$/;

export class InvalidSchemaNameError extends Error {
  constructor(readonly schema: string) {
    super(`Event-store schema name "${schema}" must match ${PLAIN_IDENTIFIER} (lower-case letters, digits, underscores)`);
    this.name = 'InvalidSchemaNameError';
  }
}

/** The SQL names of one event store: its schema, its two tables and its NOTIFY channel. */
export interface StoreTables {
  schema: string;
  events: string;
  streams: string;
  /** `pg_notify` channel every append signals in its own transaction; subscribers LISTEN to it. */
  channel: string;
}

export function storeTables(schema: string): StoreTables {
  if (!PLAIN_IDENTIFIER.test(schema)) throw new InvalidSchemaNameError(schema);
  return { schema, events: `"${schema}".events`, streams: `"${schema}".streams`, channel: `${schema}_appended` };
}

/**
 * Creates the schema if missing; safe to run from many processes at once (an advisory lock serialises
 * the DDL, which `if not exists` alone does not make race-free).
 *
 * - `events`: one row per event. `global_position` is the insertion order; `transaction_id` is the
 *   writing transaction, which is what the global order really follows (see global-read.ts).
 * - `streams`: one row per stream holding its revision (the row the expected-revision check locks) and
 *   its metadata. Revision -1 means "metadata only, no events yet": the stream does not exist.
 */
export async function createSchema(pool: Pool, tables: StoreTables): Promise<void> {
  await applySchema(pool, `event-store-schema:${tables.schema}`, [
    `create schema if not exists "${tables.schema}"`,
    `create table if not exists ${tables.events} (
       global_position bigint generated always as identity,
       transaction_id xid8 not null default pg_current_xact_id(),
       event_id uuid not null unique,
       stream_name text not null,
       stream_revision bigint not null,
       event_type text not null,
       data jsonb not null,
       metadata jsonb not null,
       recorded_at timestamptz not null default now(),
       primary key (stream_name, stream_revision)
     )`,
    `create index if not exists events_transaction_order on ${tables.events} (transaction_id, global_position)`,
    `create table if not exists ${tables.streams} (
       stream_name text primary key,
       revision bigint not null,
       metadata jsonb
     )`,
  ]);
}

/**
 * Runs `create … if not exists` statements in one transaction under the advisory lock named `lock`: safe from
 * many processes at once, which `if not exists` alone is not (two creators can both find the name free).
 * For the other stores kept beside the events (subject keys, the relay's lease and checkpoint).
 */
export async function applySchema(pool: Pool, lock: string, statements: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [lock]);
    for (const statement of statements) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
