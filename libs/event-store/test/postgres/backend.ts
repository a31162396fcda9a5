import { Pool } from 'pg';
import { SUBSCRIPTION_APPLICATION_NAME } from '../../src/postgres/subscription';

export interface Backend {
  state: string;
  query: string;
  query_start: Date;
}

/** What the subscription's own connection is doing, as PostgreSQL reports it (pg_stat_activity is live). */
export async function subscriptionBackend(pool: Pool): Promise<Backend | undefined> {
  const { rows } = await pool.query<Backend>(
    `select state, query, query_start from pg_stat_activity
     where datname = current_database() and application_name = $1`,
    [SUBSCRIPTION_APPLICATION_NAME],
  );
  if (rows.length > 1) throw new Error(`expected one subscription connection, found ${rows.length}`);
  return rows[0];
}

/** The subscription has taken its snapshot and read its first page (its last query is the page query). */
export function isReading(backend: Backend | undefined): boolean {
  return backend !== undefined && backend.query.includes('pg_snapshot_xmin(pg_current_snapshot()) as horizon');
}
