import { Pool, type PoolClient } from 'pg';
import type { EventToAppend, JsonObject } from '@civic/event-store';

/**
 * The raw `pg` baseline: the same rows as the adapter writes, in a table with the same keys (primary key
 * (stream, revision), unique event id) plus the one index a global read needs, written with one plain
 * multi-row INSERT per append in one transaction. Its only concurrency control is the primary key.
 *
 * The optional steps add the adapter's machinery one piece at a time, so the benchmark can show where the
 * adapter's cost goes: `claim` = the expected-revision check on the stream's row (an UPDATE that takes the
 * row lock), `notify` = the `pg_notify` that wakes subscribers, inside the transaction as the adapter does,
 * or right after the commit (an alternative the benchmark prices: PostgreSQL serialises the commits of
 * transactions that NOTIFY, on one lock held until their commit record is flushed).
 */
export interface RawSteps {
  claim: boolean;
  notify: 'none' | 'in-transaction' | 'after-commit';
}

export const PLAIN_INSERT: RawSteps = { claim: false, notify: 'none' };

export interface RawRow {
  global_position: string;
  event_id: string;
  stream_name: string;
  stream_revision: string;
  event_type: string;
  data: JsonObject;
  metadata: JsonObject;
  recorded_at: Date;
}

export class RawExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: number,
  ) {
    super(`raw baseline: stream ${streamName} is not at revision ${expected}`);
    this.name = 'RawExpectedRevisionError';
  }
}

/** `pg` hands bigint and uuid columns over as strings already: no casts needed (or wanted, see ORDER BY). */
const COLUMNS = 'global_position, event_id, stream_name, stream_revision, event_type, data, metadata, recorded_at';

export class RawPgEvents {
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  /** Creates the schema (a fresh one per run: the database is the run's own). */
  static async create(url: string, schema: string): Promise<RawPgEvents> {
    const pool = new Pool({ connectionString: url, application_name: 'bench-raw' });
    pool.on('error', () => undefined);
    await pool.query(`create schema "${schema}"`);
    await pool.query(`
      create table "${schema}".events (
        global_position bigint generated always as identity,
        event_id uuid not null unique,
        stream_name text not null,
        stream_revision bigint not null,
        event_type text not null,
        data jsonb not null,
        metadata jsonb not null,
        recorded_at timestamptz not null default now(),
        primary key (stream_name, stream_revision)
      )`);
    await pool.query(`create unique index events_global_order on "${schema}".events (global_position)`);
    await pool.query(`create table "${schema}".streams (stream_name text primary key, revision bigint not null)`);
    return new RawPgEvents(pool, schema);
  }

  /**
   * One transaction: [claim the revisions on the stream's row], insert the events at `firstRevision`…,
   * [notify]. With `claim`, the stream's row must exist (see `createStreamRows`) at `firstRevision - 1`.
   */
  async append(streamName: string, events: EventToAppend[], firstRevision: number, steps: RawSteps): Promise<void> {
    await this.inTransaction(
      async (client) => {
        if (steps.claim) {
          const claimed = await client.query(
            `update "${this.schema}".streams set revision = revision + $2 where stream_name = $1 and revision = $3 returning revision`,
            [streamName, events.length, firstRevision - 1],
          );
          if (claimed.rowCount === 0) throw new RawExpectedRevisionError(streamName, firstRevision - 1);
        }
        const params: unknown[] = [streamName];
        const rows = events.map((event, i) => {
          params.push(event.id, firstRevision + i, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
          const p = params.length - 5;
          return `($${p + 1}, $1, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5})`;
        });
        await client.query(
          `insert into "${this.schema}".events (event_id, stream_name, stream_revision, event_type, data, metadata) values ${rows.join(', ')}`,
          params,
        );
        if (steps.notify === 'in-transaction') await this.notify(client);
      },
      steps.notify === 'after-commit' ? (client) => this.notify(client) : undefined,
    );
  }

  private async notify(client: PoolClient): Promise<void> {
    await client.query('select pg_notify($1, $2)', [`${this.schema}_appended`, '']);
  }

  /**
   * Claim, insert and notify in ONE statement (data-modifying CTEs), sent without begin/commit: a single
   * statement is its own transaction, so the append costs one round trip instead of five. Not what the adapter
   * does: it prices the alternative.
   */
  async appendInOneStatement(streamName: string, events: EventToAppend[], firstRevision: number): Promise<void> {
    const { rows } = await this.pool.query<{ inserted: string }>(
      `with claimed as (
         update "${this.schema}".streams set revision = revision + $2 where stream_name = $1 and revision = $3 returning revision
       ), inserted as (
         insert into "${this.schema}".events (event_id, stream_name, stream_revision, event_type, data, metadata)
         select e.id, $1, $3 + e.ord, e.type, e.data::jsonb, e.metadata::jsonb
         from claimed, unnest($4::uuid[], $5::text[], $6::text[], $7::text[]) with ordinality as e(id, type, data, metadata, ord)
         returning 1
       ), counted as (select count(*) as inserted from inserted)
       select inserted::text as inserted, case when inserted > 0 then pg_notify($8, '') end from counted`,
      [
        streamName,
        events.length,
        firstRevision - 1,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        `${this.schema}_appended`,
      ],
    );
    if (rows[0].inserted === '0') throw new RawExpectedRevisionError(streamName, firstRevision - 1);
  }

  /** Stream rows for the `claim` step, as the adapter keeps them. */
  async createStreamRows(streamNames: string[], revision: number): Promise<void> {
    await this.pool.query(`insert into "${this.schema}".streams (stream_name, revision) select unnest($1::text[]), $2`, [
      streamNames,
      revision,
    ]);
  }

  async readStream(streamName: string): Promise<RawRow[]> {
    const { rows } = await this.pool.query<RawRow>(
      `select ${COLUMNS} from "${this.schema}".events e where e.stream_name = $1 order by e.stream_revision`,
      [streamName],
    );
    return rows;
  }

  /** A keyset page of the insertion order, after `afterPosition` (exclusive; 0 for the start). */
  async readPage(afterPosition: string, limit: number): Promise<RawRow[]> {
    const { rows } = await this.pool.query<RawRow>(
      `select ${COLUMNS} from "${this.schema}".events e where e.global_position > $1 order by e.global_position limit $2`,
      [afterPosition, limit],
    );
    return rows;
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** Refreshes the planner's statistics after a bulk load, as autovacuum would in time. */
  async analyze(schema = this.schema): Promise<void> {
    await this.pool.query(`analyze "${schema}".events`);
    await this.pool.query(`analyze "${schema}".streams`);
  }

  private async inTransaction(
    work: (client: PoolClient) => Promise<void>,
    afterCommit?: (client: PoolClient) => Promise<void>,
  ): Promise<void> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      await work(client);
      await client.query('commit');
      await afterCommit?.(client);
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
