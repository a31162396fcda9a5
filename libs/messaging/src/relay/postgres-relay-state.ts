import type { Pool } from 'pg';
import { applySchema, type GlobalPosition } from '@civic/event-store';
import type { RelayCheckpoints } from './relay-checkpoints';
import type { RelayLeases, StoredLease } from './relay-lease';
import type { RelayState } from './relay-state';

/** The relays' own schema, usually in the event store's database. */
export const RELAY_SCHEMA = 'civic_relay';
export const RELAY_LEASES_TABLE = `${RELAY_SCHEMA}.relay_leases`;
export const RELAY_CHECKPOINTS_TABLE = `${RELAY_SCHEMA}.relay_checkpoints`;

const SCHEMA = [
  `create schema if not exists ${RELAY_SCHEMA}`,
  `create table if not exists ${RELAY_LEASES_TABLE} (
     relay text primary key,
     owner text not null,
     expires_at timestamptz not null,
     acquired_at timestamptz not null
   )`,
  `create table if not exists ${RELAY_CHECKPOINTS_TABLE} (
     relay text primary key,
     position text not null,
     owner text not null,
     updated_at timestamptz not null
   )`,
];

// One statement, so atomic: a concurrent acquirer waits for the row and re-checks the condition on the
// version that won, so exactly one of them gets a row back.
const ACQUIRE = `
  insert into ${RELAY_LEASES_TABLE} as l (relay, owner, expires_at, acquired_at) values ($1, $2, $4, $3)
  on conflict (relay) do update set owner = excluded.owner, expires_at = excluded.expires_at, acquired_at = excluded.acquired_at
  where l.owner = $2 or l.expires_at <= $3
  returning l.owner`;

const RENEW = `update ${RELAY_LEASES_TABLE} set expires_at = $3 where relay = $1 and owner = $2`;

const RELEASE = `update ${RELAY_LEASES_TABLE} set expires_at = to_timestamp(0) where relay = $1 and owner = $2`;

const FIND_LEASE = `select owner, expires_at from ${RELAY_LEASES_TABLE} where relay = $1`;

const LOAD = `select position from ${RELAY_CHECKPOINTS_TABLE} where relay = $1`;

const SAVE = `
  insert into ${RELAY_CHECKPOINTS_TABLE} (relay, position, owner, updated_at) values ($1, $2, $3, now())
  on conflict (relay) do update set position = excluded.position, owner = excluded.owner, updated_at = excluded.updated_at`;

/**
 * The relays' leases and checkpoints in PostgreSQL (`civic_relay`), on a pool the caller owns and closes.
 * Creates the tables if missing. Fixed statements are named (prepared once per connection).
 */
export async function postgresRelayState(pool: Pool): Promise<RelayState> {
  await applySchema(pool, `${RELAY_SCHEMA}-schema`, SCHEMA);
  return { leases: new PostgresRelayLeases(pool), checkpoints: new PostgresRelayCheckpoints(pool) };
}

/** Expects the tables of `postgresRelayState`. */
export class PostgresRelayLeases implements RelayLeases {
  constructor(private readonly pool: Pool) {}

  async acquire(relay: string, owner: string, now: Date, expiresAt: Date): Promise<boolean> {
    const { rows } = await this.pool.query({ name: 'relay-lease-acquire', text: ACQUIRE, values: [relay, owner, now, expiresAt] });
    return rows.length === 1;
  }

  async renew(relay: string, owner: string, expiresAt: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query({ name: 'relay-lease-renew', text: RENEW, values: [relay, owner, expiresAt] });
    return rowCount === 1;
  }

  async release(relay: string, owner: string): Promise<void> {
    await this.pool.query({ name: 'relay-lease-release', text: RELEASE, values: [relay, owner] });
  }

  async find(relay: string): Promise<StoredLease | undefined> {
    const { rows } = await this.pool.query<{ owner: string; expires_at: Date }>({
      name: 'relay-lease-find',
      text: FIND_LEASE,
      values: [relay],
    });
    return rows[0] && { owner: rows[0].owner, expiresAt: rows[0].expires_at };
  }
}

/** Expects the tables of `postgresRelayState`. */
export class PostgresRelayCheckpoints implements RelayCheckpoints {
  constructor(private readonly pool: Pool) {}

  async load(relay: string): Promise<GlobalPosition | undefined> {
    const { rows } = await this.pool.query<{ position: string }>({ name: 'relay-checkpoint-load', text: LOAD, values: [relay] });
    return rows[0]?.position;
  }

  async save(relay: string, position: GlobalPosition, owner: string): Promise<void> {
    await this.pool.query({ name: 'relay-checkpoint-save', text: SAVE, values: [relay, position, owner] });
  }
}
