import { Pool } from 'pg';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
} from '../port';
import { appendEvents } from './append';
import { nextCursor, readGlobalPage } from './global-read';
import { parsePosition } from './position';
import { readStream } from './read-stream';
import { createSchema, storeTables, type StoreTables } from './schema';
import { getStreamMetadata, setStreamMetadata } from './stream-metadata';
import { BLOCKED_BACKOFF_MS, PostgresAllSubscription } from './subscription';

export interface PostgresEventStoreOptions {
  /** A PostgreSQL connection URL. */
  url: string;
  /** The schema holding `events` and `streams`; created if missing. Default `event_store`. */
  schema?: string;
}

/** A finite `readAll` reads in pages of this many rows. */
const READ_ALL_PAGE = 1000;
/** How long `readAll` waits for events committed before it that wait behind an older transaction. */
const READ_ALL_MAX_WAIT_MS = 10_000;

/**
 * The event-store port on PostgreSQL (`pg`): appends are single transactions with an atomic
 * expected-revision check, the global order never skips a late-committing transaction, and
 * subscriptions wake on LISTEN/NOTIFY. Owns its connection pool; each subscription has its own
 * connection. Positions are `"<transaction id>:<global_position>"`.
 */
export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<PostgresAllSubscription>();

  private constructor(
    private readonly pool: Pool,
    private readonly url: string,
    readonly tables: StoreTables,
  ) {}

  static async connect({ url, schema = 'event_store' }: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const tables = storeTables(schema);
    const pool = new Pool({ connectionString: url, application_name: 'event-store' });
    // An idle pooled connection that breaks is dropped by the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    try {
      await createSchema(pool, tables);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, url, tables);
  }

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const result = await appendEvents(client, this.tables, streamName, events, expectedRevision);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStream(this.pool, this.tables, streamName, options);
  }

  /**
   * Every event committed before the call, in the global order. One committed just before may sit
   * behind an older transaction still in flight (anywhere on the server): its place in the order is
   * not final yet, so the read waits for it, up to READ_ALL_MAX_WAIT_MS, and otherwise leaves it (and
   * what follows) to the next read. It never returns an order that a later read would contradict.
   */
  async readAll({ from = 'start', maxCount, filter }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const deadline = Date.now() + READ_ALL_MAX_WAIT_MS;
    let cursor = from === 'start' ? undefined : parsePosition(from);
    let before: bigint | undefined;
    let backoff = BLOCKED_BACKOFF_MS.first;
    for (;;) {
      const limit = maxCount === undefined ? READ_ALL_PAGE : Math.min(READ_ALL_PAGE, maxCount - events.length);
      if (limit <= 0) return events;
      const page = await readGlobalPage(this.pool, this.tables, { after: cursor, filter, before, limit });
      before ??= page.xmax;
      events.push(...page.events);
      cursor = nextCursor(page, cursor, limit);
      if (page.events.length === limit) continue;
      if (!page.blocked || Date.now() + backoff > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, BLOCKED_BACKOFF_MS.max);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription {
    const subscription = new PostgresAllSubscription(this.url, this.tables, options, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  getStreamMetadata(streamName: string): Promise<StreamMetadata | undefined> {
    return getStreamMetadata(this.pool, this.tables, streamName);
  }

  setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    return setStreamMetadata(this.pool, this.tables, streamName, metadata);
  }

  /** Closes the subscriptions still open, then the pool. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.pool.end();
  }
}
