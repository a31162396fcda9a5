import { createTestDatabase, testMongoUri } from '@civic/testing';
import { MongoClient } from 'mongodb';
import { Pool } from 'pg';
import type { Bookkeeping, BookkeepingKind } from '@civic/platform';

/** A bookkeeping backend of a test's own on the real servers, removed by `close()`. */
export interface BookkeepingUnderTest {
  bookkeeping: Bookkeeping;
  close(): Promise<void>;
}

async function postgresBookkeeping(prefix: string): Promise<BookkeepingUnderTest> {
  const database = await createTestDatabase(prefix);
  const pool = new Pool({ connectionString: database.url, max: 4 });
  // Where the stores' first start looks for entries to import: a database of the test's own, never written.
  const mongo = new MongoClient(await testMongoUri(prefix));
  return {
    bookkeeping: { kind: 'postgres', pool, mongo: () => mongo.db() },
    close: async () => {
      await mongo.close();
      await pool.end();
      await database.drop();
    },
  };
}

async function mongoBookkeeping(prefix: string): Promise<BookkeepingUnderTest> {
  const client = new MongoClient(await testMongoUri(prefix));
  await client.connect();
  const db = client.db();
  return {
    bookkeeping: { kind: 'mongodb', db },
    close: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
}

/** Both backends, for `describe.each`: the stores' promises are the same on each. */
export const BOOKKEEPING_BACKENDS: [BookkeepingKind, (prefix: string) => Promise<BookkeepingUnderTest>][] = [
  ['postgres', postgresBookkeeping],
  ['mongodb', mongoBookkeeping],
];

/** Where one store keeps its entries in each backend, and the column that holds what MongoDB calls `_id`. */
export interface StoredAs {
  postgres: string;
  mongodb: string;
  idColumn?: string;
}

/** Every entry of one store as stored (rows or documents), to look at what is kept. */
export async function storedEntries(bookkeeping: Bookkeeping, where: StoredAs): Promise<Record<string, unknown>[]> {
  if (bookkeeping.kind === 'postgres') return (await bookkeeping.pool.query(`select * from ${where.postgres}`)).rows;
  return bookkeeping.db.collection(where.mongodb).find({}).toArray();
}

/** The entry of one store with this id as stored (a row or a document), or null. */
export async function storedEntry(bookkeeping: Bookkeeping, where: StoredAs, id: string): Promise<Record<string, unknown> | null> {
  if (bookkeeping.kind === 'postgres') {
    const { rows } = await bookkeeping.pool.query(`select * from ${where.postgres} where ${where.idColumn ?? 'id'} = $1`, [id]);
    return rows[0] ?? null;
  }
  return bookkeeping.db.collection<{ _id: string }>(where.mongodb).findOne({ _id: id });
}
