import { eventHash, GENESIS_HASH, HASH_FIELD, PREVIOUS_HASH_FIELD, withHashChain, type EventStore } from '@civic/event-store';
import { Pool } from 'pg';
import { caseEvents, caseStream, forEachConcurrently, newCaseId } from '../lib/events';

/** Streams of two events each, made beforehand (not timed). */
async function streamsOfTwo(store: EventStore, count: number, concurrency: number): Promise<string[]> {
  const streams = Array.from({ length: count }, () => caseStream(newCaseId()));
  await forEachConcurrently(streams, concurrency, async (stream) => {
    await store.appendToStream(stream, caseEvents(stream, 0, 2, 200), { expectedRevision: 'no-stream' });
  });
  return streams;
}

/**
 * The event store's share of firing `count` alerts, whoever fires them: per alert one read of the case's stream
 * (to decide on) and one hash-chained append of one event with the revision read as the expected one (the
 * chain reads the stream's head once more), `concurrency` streams at a time. No timer store, no plan, no
 * decider: the floor under any tick that records each alert on its case through the event-store port.
 */
export async function eventStoreFloor(store: EventStore, count: number, concurrency: number): Promise<number> {
  const streams = await streamsOfTwo(store, count, concurrency);
  const chained = withHashChain(store);
  const started = performance.now();
  await forEachConcurrently(streams, concurrency, async (stream) => {
    const events = await store.readStream(stream);
    const [event] = caseEvents(stream, events.length, 1, 60);
    await chained.appendToStream(stream, [event], { expectedRevision: events[events.length - 1].revision });
  });
  return performance.now() - started;
}

/**
 * A what-if, in raw SQL on the adapter's own tables (`event_store.events`, `event_store.streams`; keep in step
 * with libs/event-store/src/postgres/append.ts): the same `count` alerts with one read of all their streams and
 * one transaction that checks every expected revision, inserts one chained event per stream and notifies once.
 * What a multi-stream append in the event store would cost; the port has none today.
 */
export async function batchedAppendWhatIf(store: EventStore, url: string, count: number, concurrency: number): Promise<number> {
  const streams = await streamsOfTwo(store, count, concurrency);
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const client = await pool.connect();
    try {
      const started = performance.now();
      const { rows } = await client.query<{ stream_name: string; stream_revision: string; metadata: Record<string, unknown> }>(
        `select distinct on (stream_name) stream_name, stream_revision::text, metadata
         from event_store.events where stream_name = any($1::text[]) order by stream_name, stream_revision desc`,
        [streams],
      );
      const appended = rows.map((head) => {
        const revision = Number(head.stream_revision) + 1;
        const [event] = caseEvents(head.stream_name, revision, 1, 60);
        const metadata = { ...event.metadata, [PREVIOUS_HASH_FIELD]: String(head.metadata[HASH_FIELD] ?? GENESIS_HASH) };
        const hash = eventHash({ streamName: head.stream_name, revision, id: event.id, type: event.type, data: event.data, metadata });
        return { ...event, streamName: head.stream_name, expected: revision - 1, metadata: { ...metadata, [HASH_FIELD]: hash } };
      });
      await client.query('begin');
      const claimed = await client.query(
        `update event_store.streams s set revision = s.revision + 1
         from unnest($1::text[], $2::bigint[]) as c(name, expected) where s.stream_name = c.name and s.revision = c.expected`,
        [appended.map((e) => e.streamName), appended.map((e) => e.expected)],
      );
      if (claimed.rowCount !== appended.length)
        throw new Error(`batched what-if: ${claimed.rowCount} of ${appended.length} streams claimed`);
      await client.query(
        `insert into event_store.events (event_id, stream_name, stream_revision, event_type, data, metadata, recorded_at)
         select e.id, e.stream, e.revision, e.type, e.data::jsonb, e.metadata::jsonb, clock_timestamp()
         from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[]) as e(id, stream, revision, type, data, metadata)`,
        [
          appended.map((e) => e.id),
          appended.map((e) => e.streamName),
          appended.map((e) => e.expected + 1),
          appended.map((e) => e.type),
          appended.map((e) => JSON.stringify(e.data)),
          appended.map((e) => JSON.stringify(e.metadata)),
        ],
      );
      await client.query(`select pg_notify('event_store_appended', '')`);
      await client.query('commit');
      return performance.now() - started;
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}
