import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';

/** A count in one fixed window: how many hits so far, and when the window ends (milliseconds since the epoch). */
export interface WindowCount {
  hits: number;
  endsAt: number;
}

/** Windows past their end are deleted this often, by whichever instance gets there. */
const SWEEP_EVERY_MS = 60_000;

const TABLE = `CREATE TABLE IF NOT EXISTS rate_limit_windows (
  key text NOT NULL,
  window_start bigint NOT NULL,
  hits integer NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (key, window_start)
)`;

const windowOf = (windowMs: number, nowMs: number) => {
  const start = Math.floor(nowMs / windowMs) * windowMs;
  return { start, endsAt: start + windowMs };
};

/**
 * Rate-limit counters every instance of the service shares, in PostgreSQL (RATE_LIMIT_STORE=postgres): one row per
 * key and fixed window, incremented by one atomic upsert (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so two
 * instances hit by the same client count against one limit and no hit is lost to a race. FerretDB, the local
 * MongoDB, was tried first: it loses concurrent `$inc`s and has no TTL index. Rows expire by the database's own
 * clock; the windows follow the caller's (intake's clock, which a test may set).
 */
export class SharedCounters implements OnApplicationShutdown {
  private readonly logger = new Logger(SharedCounters.name);
  private ready?: Promise<void>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly pool: Pool) {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  static connect(url: string): SharedCounters {
    const pool = new Pool({ connectionString: url, application_name: 'intake-rate-limits', max: 5, connectionTimeoutMillis: 2_000 });
    // An idle connection the server drops must not end the process; the next query reconnects.
    pool.on('error', () => undefined);
    return new SharedCounters(pool);
  }

  /** Counts one hit of `key` in the current window. */
  async hit(key: string, windowMs: number, nowMs: number): Promise<WindowCount> {
    await this.table();
    const { start, endsAt } = windowOf(windowMs, nowMs);
    const { rows } = await this.pool.query<{ hits: number }>(
      `INSERT INTO rate_limit_windows (key, window_start, hits, expires_at)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
       RETURNING hits`,
      [key, start, windowMs],
    );
    return { hits: rows[0].hits, endsAt };
  }

  /** The hits of `key` in the current window, without counting one. */
  async count(key: string, windowMs: number, nowMs: number): Promise<WindowCount> {
    await this.table();
    const { start, endsAt } = windowOf(windowMs, nowMs);
    const { rows } = await this.pool.query<{ hits: number }>('SELECT hits FROM rate_limit_windows WHERE key = $1 AND window_start = $2', [
      key,
      start,
    ]);
    return { hits: rows[0]?.hits ?? 0, endsAt };
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.pool.end();
  }

  private table(): Promise<void> {
    this.ready ??= this.pool.query(TABLE).then(
      () => undefined,
      (error: { code?: string }) => {
        // Two instances creating it at once: the loser sees the winner's type or table; either way it is there.
        if (error.code === '23505' || error.code === '42P07') return;
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  private async sweep(): Promise<void> {
    try {
      await this.table();
      await this.pool.query('DELETE FROM rate_limit_windows WHERE expires_at < now()');
    } catch (error) {
      this.logger.warn(`could not delete expired rate-limit windows: ${(error as Error).message}`);
    }
  }
}
