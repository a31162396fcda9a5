import type { PoolClient } from 'pg';

/**
 * How one store's entries are copied from its MongoDB collection into its PostgreSQL table, once, when a
 * deployment's bookkeeping moves to PostgreSQL (libs/platform, bookkeeping/import-once.ts runs it). Each store
 * keeps its mapping next to itself; the runner reads, batches, writes and counts.
 */
export interface MongoCopy<D> {
  /** The documents to copy: opened only when the import has not run yet. */
  documents(): AsyncIterable<D>;
  /**
   * Writes one batch in the import's transaction, as `insert … on conflict do nothing` (a row PostgreSQL holds
   * already wins, unless the store says otherwise); returns how many of the documents it could keep.
   */
  write(client: PoolClient, batch: D[]): Promise<number>;
}
