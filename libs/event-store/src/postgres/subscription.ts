import { Client } from 'pg';
import type { AllSubscription, RecordedEvent, SubscribeToAllOptions } from '../port';
import { nextCursor, readGlobalPage, type GlobalQuery } from './global-read';
import { parsePosition, type PgPosition } from './position';
import type { StoreTables } from './schema';

const PAGE_SIZE = 500;
/** While a committed event waits behind an older in-flight transaction: re-check soon, then less often. */
export const BLOCKED_BACKOFF_MS = { first: 5, max: 200 };
/** The name the subscription's connection shows in pg_stat_activity. */
export const SUBSCRIPTION_APPLICATION_NAME = 'event-store-subscription';

/**
 * A subscription to all events, on a connection of its own: it catches up in pages, then sleeps until
 * an append's NOTIFY (LISTEN on the store's channel) wakes it. No polling while nothing happens; the
 * only timed re-checks are while a committed event waits for an older transaction to end (see
 * global-read.ts). Errors of the connection end the iteration with that error; resume from the last
 * stored checkpoint with a new subscription.
 */
export class PostgresAllSubscription implements AllSubscription {
  private readonly client: Client;
  private readonly started: Promise<void>;
  private cursor: PgPosition | undefined;
  /** The snapshot taken at subscription for `from: 'end'`: events visible in it are not new. */
  private newerThan: string | undefined;
  private notified = false;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;
  private iterated = false;

  constructor(
    url: string,
    private readonly tables: StoreTables,
    private readonly options: SubscribeToAllOptions,
    private readonly onClosed: (subscription: PostgresAllSubscription) => void,
  ) {
    this.client = new Client({ connectionString: url, application_name: SUBSCRIPTION_APPLICATION_NAME });
    this.client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    this.client.on('error', (error) => {
      this.failure = error;
      this.wake?.();
    });
    // Started at once, so `from: 'end'` means "after this call", not "after the first iteration".
    this.started = this.start();
    this.started.catch(() => undefined);
  }

  private async start(): Promise<void> {
    await this.client.connect();
    // LISTEN before the first read: an append committed in between then still wakes us.
    await this.client.query(`listen "${this.tables.channel}"`);
    const { from } = this.options;
    if (from === 'end') {
      const { rows } = await this.client.query<{ snapshot: string; xmin: string }>(
        'select pg_current_snapshot()::text as snapshot, pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
      );
      this.newerThan = rows[0].snapshot;
      // Everything below xmin was visible in the snapshot, hence not new.
      this.cursor = { transactionId: BigInt(rows[0].xmin), globalPosition: 0n };
    } else if (from !== 'start') {
      this.cursor = parsePosition(from);
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterated) throw new Error('A subscription can be iterated once; subscribe again to read again');
    this.iterated = true;
    try {
      await this.started;
      let backoff = BLOCKED_BACKOFF_MS.first;
      while (!this.closed) {
        this.notified = false;
        const query: GlobalQuery = {
          after: this.cursor,
          filter: this.options.filter,
          newerThan: this.newerThan,
          limit: PAGE_SIZE,
        };
        const page = await readGlobalPage(this.client, this.tables, query);
        for (const event of page.events) {
          if (this.closed) return;
          this.cursor = parsePosition(event.position);
          yield event;
        }
        // Past everything below the horizon, so filtered-out rows there are not scanned again.
        this.cursor = nextCursor(page, this.cursor, PAGE_SIZE);
        if (page.events.length === PAGE_SIZE) continue;
        if (page.blocked) {
          await this.pause(backoff);
          backoff = Math.min(backoff * 2, BLOCKED_BACKOFF_MS.max);
          continue;
        }
        backoff = BLOCKED_BACKOFF_MS.first;
        if (!this.notified) await this.pause();
      }
    } catch (error) {
      if (!this.closed) throw error;
    } finally {
      await this.close();
    }
  }

  /** Until a NOTIFY, close, a connection error, or the timeout if one is given. */
  private pause(timeoutMs?: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        if (this.failure && !this.closed) reject(this.failure);
        else resolve();
      };
      if (this.failure || this.closed) return done();
      if (timeoutMs !== undefined) timer = setTimeout(done, timeoutMs);
      this.wake = done;
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      this.wake?.();
      await this.started.catch(() => undefined);
      await this.client.end().catch(() => undefined);
      this.onClosed(this);
    })();
    return this.closing;
  }
}
