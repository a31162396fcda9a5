import type { ClientBase, Pool } from 'pg';
import type { EventFilter, RecordedEvent } from '../port';
import { isAfter, parsePosition, type PgPosition } from './position';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './rows';
import type { StoreTables } from './schema';

/**
 * Reading the global order without ever skipping an event.
 *
 * `global_position` comes from a sequence, taken when a row is inserted, not when its transaction
 * commits: a transaction holding position 10 may commit after another holding 11. A reader that had
 * already passed 11 would never see 10. So the order is (transaction id, global_position), and a read
 * returns only rows whose transaction id is below the snapshot's xmin, the oldest transaction still
 * in flight: every transaction below it has ended, so no row can ever appear there again. Rows above
 * it wait until the transactions before them end (usually milliseconds).
 *
 * xmin is cluster-wide: a long write transaction anywhere on the server holds delivery back until it ends.
 */
export interface GlobalQuery {
  /** Exclusive. */
  after?: PgPosition;
  filter?: EventFilter;
  /** A `pg_snapshot` (text): only rows NOT visible in it, i.e. committed after it was taken ('end'). */
  newerThan?: string;
  /** Only transactions below this id: what a finite read waits for is bounded by what existed when it began. */
  before?: bigint;
  limit: number;
}

export interface GlobalPage {
  events: RecordedEvent[];
  /** The snapshot's xmin: every row below it has been considered (delivered or filtered out). */
  horizon: bigint;
  /** The snapshot's xmax: every transaction committed before the statement has a lower id. */
  xmax: bigint;
  /** Committed rows matching the query wait above the horizon for an older transaction to end. */
  blocked: boolean;
}

/**
 * Conditions shared by the page and the `blocked` probe: $1, $2 the exclusive start, $3 the filter's
 * prefixes, $4 the 'end' snapshot, $6 the `before` bound. Every parameter is always referenced (null = no condition), since
 * PostgreSQL cannot type a parameter a statement never mentions.
 */
function conditions(alias: string, query: GlobalQuery): string {
  const column = query.filter && 'eventTypePrefixes' in query.filter ? 'event_type' : 'stream_name';
  return [
    `($1::xid8 is null or (${alias}.transaction_id, ${alias}.global_position) > ($1::xid8, $2::bigint))`,
    `($3::text[] is null or ${alias}.${column} ^@ any($3::text[]))`,
    `($4::pg_snapshot is null or not pg_visible_in_snapshot(${alias}.transaction_id, $4::pg_snapshot))`,
    `($6::xid8 is null or ${alias}.transaction_id < $6::xid8)`,
  ].join(' and ');
}

function parameters(query: GlobalQuery): unknown[] {
  const prefixes = !query.filter
    ? null
    : 'streamNamePrefixes' in query.filter
      ? query.filter.streamNamePrefixes
      : query.filter.eventTypePrefixes;
  return [
    query.after?.transactionId.toString() ?? null,
    query.after?.globalPosition.toString() ?? null,
    prefixes,
    query.newerThan ?? null,
    query.limit,
    query.before?.toString() ?? null,
  ];
}

/** One statement, so the page, the horizon and the probe all come from the same snapshot. */
export async function readGlobalPage(db: Pool | ClientBase, tables: StoreTables, query: GlobalQuery): Promise<GlobalPage> {
  const { rows } = await db.query<Partial<EventRow> & { horizon: string; xmax: string; blocked: boolean }>(
    `select h.horizon::text as horizon, h.xmax::text as xmax,
            exists (select 1 from ${tables.events} b
                    where b.transaction_id >= h.horizon and ${conditions('b', query)}) as blocked,
            e.*
     from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon, pg_snapshot_xmax(pg_current_snapshot()) as xmax) h
     left join lateral (
       select ${EVENT_COLUMNS} from ${tables.events} g
       where g.transaction_id < h.horizon and ${conditions('g', query)}
       order by g.transaction_id, g.global_position
       limit $5
     ) e on true`,
    parameters(query),
  );
  return {
    events: rows.filter((row) => row.event_id != null).map((row) => toRecordedEvent(row as EventRow)),
    horizon: BigInt(rows[0].horizon),
    xmax: BigInt(rows[0].xmax),
    blocked: rows[0].blocked,
  };
}

/** The next page starts after the last event read, or at the horizon when everything below it was read. */
export function nextCursor(page: GlobalPage, cursor: PgPosition | undefined, limit: number): PgPosition | undefined {
  const last = page.events.at(-1);
  const after = last ? parsePosition(last.position) : cursor;
  if (page.events.length === limit) return after;
  const horizon = { transactionId: page.horizon, globalPosition: 0n };
  return !after || isAfter(horizon, after) ? horizon : after;
}
