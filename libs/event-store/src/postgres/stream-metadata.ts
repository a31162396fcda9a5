import type { Pool } from 'pg';
import type { StreamMetadata } from '../port';
import type { StoreTables } from './schema';

/**
 * Stored in `streams.metadata`; setting it on a stream without events creates its row at revision -1,
 * which still counts as "no stream" for appends and reads. `maxAge` (seconds) and `maxCount` are kept
 * for the caller's policies but not enforced by this adapter (EventStoreDB enforces them).
 */
export async function getStreamMetadata(pool: Pool, tables: StoreTables, streamName: string): Promise<StreamMetadata | undefined> {
  const { rows } = await pool.query<{ metadata: StreamMetadata | null }>(`select metadata from ${tables.streams} where stream_name = $1`, [
    streamName,
  ]);
  return rows[0]?.metadata ?? undefined;
}

export async function setStreamMetadata(pool: Pool, tables: StoreTables, streamName: string, metadata: StreamMetadata): Promise<void> {
  await pool.query(
    `insert into ${tables.streams} (stream_name, revision, metadata) values ($1, -1, $2::jsonb)
     on conflict (stream_name) do update set metadata = excluded.metadata`,
    [streamName, JSON.stringify(metadata)],
  );
}
