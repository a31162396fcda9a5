import { Pool, type QueryConfig } from 'pg';
import type { EventToAppend } from '@civic/event-store';
import { RawExpectedRevisionError } from './raw-pg';

/**
 * The adapter's own append statements for an exact expected revision (copied from
 * libs/event-store/src/postgres/append.ts; keep in step), run through a bare pool on tables the adapter
 * created: the adapter's table (xid8 transaction id, its (transaction, position) index, jsonb casts,
 * clock_timestamp, RETURNING). Next to the adapter itself it shows what the adapter's JavaScript adds;
 * next to raw + claim + notify, what its table and insert statement add.
 *
 * With `prepared`, the same statements are named (`pg` prepares each once per connection and reuses the plan),
 * which prices an alternative the adapter does not use today: PostgreSQL then skips parsing and planning.
 */
export class AdapterSqlByHand {
  private readonly pool: Pool;

  constructor(
    url: string,
    private readonly schema: string,
    private readonly prepared = false,
  ) {
    this.pool = new Pool({ connectionString: url, application_name: 'bench-by-hand' });
    this.pool.on('error', () => undefined);
  }

  async append(streamName: string, events: EventToAppend[], expected: number): Promise<void> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const claimed = await client.query<{ revision: string }>(
        this.statement(
          'claim',
          `update "${this.schema}".streams set revision = revision + $2 where stream_name = $1 and revision = $3
           returning revision::text`,
          [streamName, events.length, expected],
        ),
      );
      if (claimed.rowCount === 0) throw new RawExpectedRevisionError(streamName, expected);
      await client.query(
        this.statement(
          'insert',
          `insert into "${this.schema}".events (event_id, stream_name, stream_revision, event_type, data, metadata, recorded_at)
         select e.id, $1, $2::bigint + e.ord - 1, e.type, e.data::jsonb, e.metadata::jsonb, clock_timestamp()
         from unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) with ordinality as e(id, type, data, metadata, ord)
         order by e.ord
         returning transaction_id::text as transaction_id, global_position::text as global_position`,
          [
            streamName,
            expected + 1,
            events.map((e) => e.id),
            events.map((e) => e.type),
            events.map((e) => JSON.stringify(e.data)),
            events.map((e) => JSON.stringify(e.metadata)),
          ],
        ),
      );
      await client.query(this.statement('notify', 'select pg_notify($1, $2)', [`${this.schema}_appended`, '']));
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** A named statement when `prepared` (names are per schema: one name must always carry the same text). */
  private statement(name: string, text: string, values: unknown[]): QueryConfig {
    return this.prepared ? { name: `bench-${name}-${this.schema}`, text, values } : { text, values };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
