import type { ClientBase } from 'pg';
import { WrongExpectedRevisionError } from '../errors';
import type { AppendResult, EventToAppend, ExpectedRevision, StreamRevision } from '../port';
import { DuplicateEventIdError } from './duplicate-event-id-error';
import { formatPosition } from './position';
import type { StoreTables } from './schema';

/**
 * The expected-revision check and the revision bump in one statement on the stream's row: concurrent
 * writers to one stream queue on that row lock, and each re-evaluates its condition against the
 * committed winner (READ COMMITTED), so exactly one of two writers expecting the same revision wins.
 * Each returns the stream's revision after the append, or no row when the expectation is wrong.
 * $1 = stream name, $2 = number of events, $3 = expected revision.
 */
function claimRevisions(tables: StoreTables, expected: ExpectedRevision): { name: string; sql: string; params: unknown[] } {
  const { streams } = tables;
  const name = (kind: string) => statementName(`claim-${kind}`, tables);
  switch (expected) {
    case 'any':
      return {
        sql: `insert into ${streams} as s (stream_name, revision) values ($1, $2 - 1)
              on conflict (stream_name) do update set revision = s.revision + $2 returning revision::text`,
        name: name('any'),
        params: [],
      };
    case 'no-stream':
      // A row at -1 holds metadata set before the first event: the stream still does not exist.
      return {
        sql: `insert into ${streams} as s (stream_name, revision) values ($1, $2 - 1)
              on conflict (stream_name) do update set revision = excluded.revision where s.revision = -1
              returning revision::text`,
        name: name('no-stream'),
        params: [],
      };
    case 'stream-exists':
      return {
        sql: `update ${streams} set revision = revision + $2 where stream_name = $1 and revision >= 0
              returning revision::text`,
        name: name('exists'),
        params: [],
      };
    default:
      return {
        sql: `update ${streams} set revision = revision + $2 where stream_name = $1 and revision = $3
              returning revision::text`,
        name: name('exact'),
        params: [expected],
      };
  }
}

/**
 * Appends inside the caller's open transaction (the adapter wraps it in begin/commit; tests use it to
 * hold a transaction open). Also signals the store's channel: NOTIFY is delivered at commit, never
 * for a rolled-back append.
 */
export async function appendEvents(
  client: ClientBase,
  tables: StoreTables,
  streamName: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  if (events.length === 0) throw new TypeError(`appendToStream(${streamName}) needs at least one event`);
  if (typeof expected === 'number' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new TypeError(`Expected revision must be a whole number ≥ 0, 'no-stream', 'stream-exists' or 'any'; got ${expected}`);
  }
  const claim = claimRevisions(tables, expected);
  const claimed = await client.query<{ revision: string }>({
    name: claim.name,
    text: claim.sql,
    values: [streamName, events.length, ...claim.params],
  });
  if (claimed.rowCount === 0) {
    throw new WrongExpectedRevisionError(streamName, expected, await currentRevision(client, tables, streamName));
  }
  const lastRevision = Number(claimed.rows[0].revision);
  const firstRevision = lastRevision - events.length + 1;

  let inserted;
  try {
    // clock_timestamp(), not the column default now(): taken after the stream's row lock, it keeps
    // recorded_at in revision order within a stream, which `recordedUntil` relies on.
    inserted = await client.query<{ transaction_id: string; global_position: string }>({
      name: statementName('insert', tables),
      text: `insert into ${tables.events} (event_id, stream_name, stream_revision, event_type, data, metadata, recorded_at)
       select e.id, $1, $2::bigint + e.ord - 1, e.type, e.data::jsonb, e.metadata::jsonb, clock_timestamp()
       from unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) with ordinality as e(id, type, data, metadata, ord)
       order by e.ord
       returning transaction_id::text as transaction_id, global_position::text as global_position`,
      values: [
        streamName,
        firstRevision,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    });
  } catch (error) {
    throw asDuplicateEventId(error, streamName) ?? error;
  }
  await client.query({ name: statementName('notify', tables), text: 'select pg_notify($1, $2)', values: [tables.channel, ''] });

  const last = inserted.rows.reduce((a, b) => (BigInt(b.global_position) > BigInt(a.global_position) ? b : a));
  return { nextExpectedRevision: lastRevision, position: formatPosition(last.transaction_id, last.global_position) };
}

async function currentRevision(client: ClientBase, tables: StoreTables, streamName: string): Promise<StreamRevision | 'no-stream'> {
  const { rows } = await client.query<{ revision: string }>(
    `select revision::text as revision from ${tables.streams} where stream_name = $1`,
    [streamName],
  );
  const revision = rows.length === 0 ? -1 : Number(rows[0].revision);
  return revision < 0 ? 'no-stream' : revision;
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

function asDuplicateEventId(error: unknown, streamName: string): DuplicateEventIdError | undefined {
  const pg = error as PgError;
  if (pg?.code !== '23505' || !pg.constraint?.includes('event_id')) return undefined;
  const id = /\(event_id\)=\(([^)]+)\)/.exec(pg.detail ?? '')?.[1];
  return new DuplicateEventIdError(streamName, id);
}

/**
 * Named (prepared) statements: PostgreSQL parses and plans them once per connection instead of on every
 * append, which bench/README.md measured at 1.3–2× the append throughput. The name carries the tables,
 * since one connection may serve stores in several schemas and a name must always mean the same text.
 */
function statementName(statement: string, tables: StoreTables): string {
  return `es:${statement}:${tables.streams}`;
}
