import type { Pool } from 'pg';
import { StreamNotFoundError } from '../errors';
import type { ReadStreamOptions, RecordedEvent } from '../port';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './rows';
import type { StoreTables } from './schema';

/**
 * One stream's events in revision order. No transaction horizon is needed here (unlike the global
 * order): the stream's row lock makes its revisions commit in order.
 * `recordedUntil` compares at millisecond precision, the precision of the `recordedAt` we hand out, so
 * an event's own `recordedAt` includes it.
 */
export async function readStream(
  pool: Pool,
  tables: StoreTables,
  streamName: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const [low, high] = backwards ? [options.toRevision, options.fromRevision] : [options.fromRevision, options.toRevision];
  const { rows } = await pool.query<EventRow>(
    // Columns qualified: the selected `stream_revision` is text, and ORDER BY would sort that alias.
    `select ${EVENT_COLUMNS} from ${tables.events} e
     where e.stream_name = $1
       and ($2::bigint is null or e.stream_revision >= $2)
       and ($3::bigint is null or e.stream_revision <= $3)
       and ($4::timestamptz is null or date_trunc('milliseconds', e.recorded_at) <= $4)
     order by e.stream_revision ${backwards ? 'desc' : 'asc'}
     limit $5`,
    [streamName, low ?? null, high ?? null, options.recordedUntil ?? null, options.maxCount ?? null],
  );
  if (rows.length === 0 && !(await streamExists(pool, tables, streamName))) throw new StreamNotFoundError(streamName);
  return rows.map(toRecordedEvent);
}

async function streamExists(pool: Pool, tables: StoreTables, streamName: string): Promise<boolean> {
  const { rows } = await pool.query(`select 1 from ${tables.streams} where stream_name = $1 and revision >= 0`, [streamName]);
  return rows.length > 0;
}
