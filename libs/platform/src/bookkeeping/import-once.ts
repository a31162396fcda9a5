import { Logger } from '@nestjs/common';
import { applySchema, type MongoCopy } from '@civic/event-store';
import type { Pool, PoolClient } from 'pg';

/** What was copied from MongoDB when the bookkeeping moved to PostgreSQL: one row per import, ever. */
export const IMPORTS_SCHEMA = 'civic_bookkeeping';
export const IMPORTS_TABLE = `${IMPORTS_SCHEMA}.imports`;

const SCHEMA = [
  `create schema if not exists ${IMPORTS_SCHEMA}`,
  `create table if not exists ${IMPORTS_TABLE} (
     name text primary key,
     imported_at timestamptz not null default now(),
     count bigint not null,
     source text not null
   )`,
];

const BATCH = 1_000;
const PROGRESS_EVERY = 10_000;

export interface MongoImport<D> {
  /** The marker's name: once it is recorded, later starts skip the import without contacting MongoDB. */
  name: string;
  /** What is copied from where, for the log and the errors: "the subject keys from MongoDB (database civic_subject_keys)". */
  what: string;
  /** The store's mapping (next to the store), asked for only when the import has not run yet. */
  copy: () => MongoCopy<D>;
}

export class BookkeepingImportError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'BookkeepingImportError';
  }
}

/**
 * Copies one store's entries from MongoDB into its PostgreSQL table the first time a service starts with the
 * bookkeeping in PostgreSQL, so nothing kept before the move is lost: a key (or an erasure), a tracking code, a
 * file's record, the relay's checkpoint. Run before the store is used, after its table exists.
 *
 * In one transaction under an advisory lock per name: instances starting together copy once (the others wait,
 * then find the marker), and a copy that fails halfway leaves nothing, so the next start copies again. MongoDB
 * unreachable on that first start fails it: starting without its entries would lose them for good.
 */
export async function importOnce<D>(pool: Pool, job: MongoImport<D>, logger = new Logger('BookkeepingImport')): Promise<void> {
  await applySchema(pool, `${IMPORTS_SCHEMA}-schema`, SCHEMA);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`bookkeeping-import:${job.name}`]);
    const done = await client.query(`select 1 from ${IMPORTS_TABLE} where name = $1`, [job.name]);
    if (done.rowCount === 0) {
      const count = await copy(client, job, logger);
      await client.query(`insert into ${IMPORTS_TABLE} (name, count, source) values ($1, $2, $3)`, [job.name, count, job.what]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function copy<D>(client: PoolClient, job: MongoImport<D>, logger: Logger): Promise<number> {
  const started = Date.now();
  const mapping = job.copy();
  let read = 0;
  let kept = 0;
  let batch: D[] = [];
  const flush = async () => {
    kept += await mapping.write(client, batch);
    const before = read;
    read += batch.length;
    batch = [];
    if (Math.floor(read / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) logger.log(`copying ${job.what}: ${read} so far`);
  };
  const documents = mapping.documents()[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await documents.next().catch((error: unknown) => {
        const why = unreachable(error) ? 'which is not reachable' : 'and reading it failed';
        throw new BookkeepingImportError(
          `the first start with the bookkeeping in PostgreSQL copies ${job.what}, ${why}: ${messageOf(error)}`,
          { cause: error },
        );
      });
      if (next.done) break;
      batch.push(next.value);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (error) {
    await documents.return?.().catch(() => undefined);
    if (error instanceof BookkeepingImportError) throw error;
    throw new BookkeepingImportError(`copying ${job.what} into PostgreSQL failed: ${messageOf(error)}`, { cause: error });
  }
  const skipped = read - kept;
  logger.log(
    `copied ${job.what} into PostgreSQL: ${kept} of ${read} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (skipped > 0 ? ` (${skipped} not kept: they have no place there)` : ''),
  );
  return kept;
}

// By name: the documents may come through another copy of the driver (mongoose's) than this module's.
const unreachable = (error: unknown): boolean =>
  error instanceof Error && /^Mongo(ServerSelection|Network|NetworkTimeout|TopologyClosed|NotConnected)Error$/.test(error.name);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Records an import as done without copying anything: for a database whose store never was in MongoDB (a
 * benchmark's data set written straight into PostgreSQL), so no start looks for entries there.
 */
export async function markImported(pool: Pool, name: string, source: string, count: number): Promise<void> {
  await applySchema(pool, `${IMPORTS_SCHEMA}-schema`, SCHEMA);
  await pool.query(`insert into ${IMPORTS_TABLE} (name, count, source) values ($1, $2, $3) on conflict (name) do nothing`, [
    name,
    count,
    source,
  ]);
}
