import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { Pool } from 'pg';

/**
 * The single-document operations intake's write path sends to MongoDB (FerretDB here), and the same work done
 * on a raw `pg` table of jsonb documents: the baseline of what a document store on this PostgreSQL costs.
 */
export interface DocumentOps {
  insertOne(): Promise<void>;
  /** `count` documents in one request. */
  insertMany(count: number): Promise<void>;
  findById(): Promise<void>;
  findByIndexedField(): Promise<void>;
  /** An update by `_id` that applies only while a field is absent (as intake completes an idempotency key). */
  conditionalUpdateById(): Promise<void>;
  /** Loads `count` documents (insertMany batches) so every lookup has a collection of that size to search. */
  load(count: number): Promise<void>;
}

interface KeyDocument {
  _id: string;
  tenant: string;
  key: string;
  createdAt: Date;
  fingerprint: string;
  response?: { status: number };
}

const documentFor = (): KeyDocument => ({
  _id: randomUUID(),
  tenant: 'peshtera',
  key: randomUUID(),
  createdAt: new Date(),
  fingerprint: 'f'.repeat(64),
});

/** Picks one of the loaded documents at random, for the lookups. */
class Loaded {
  readonly ids: string[] = [];
  readonly keys: string[] = [];
  add(document: KeyDocument): void {
    this.ids.push(document._id);
    this.keys.push(document.key);
  }
  any(): number {
    return Math.floor(Math.random() * this.ids.length);
  }
}

export async function mongoOps(db: Db): Promise<DocumentOps> {
  const collection: Collection<KeyDocument> = db.collection<KeyDocument>('keys');
  await collection.createIndex({ tenant: 1, key: 1 }, { unique: true, name: 'tenant_key_unique' });
  const loaded = new Loaded();
  const insertMany = async (count: number) => {
    const documents = Array.from({ length: count }, documentFor);
    await collection.insertMany(documents);
    documents.forEach((d) => loaded.add(d));
  };
  return {
    insertOne: async () => {
      const document = documentFor();
      await collection.insertOne(document);
      loaded.add(document);
    },
    insertMany,
    findById: async () => {
      await collection.findOne({ _id: loaded.ids[loaded.any()] });
    },
    findByIndexedField: async () => {
      await collection.findOne({ tenant: 'peshtera', key: loaded.keys[loaded.any()] });
    },
    conditionalUpdateById: async () => {
      await collection.updateOne({ _id: loaded.ids[loaded.any()], response: { $exists: false } }, { $set: { response: { status: 201 } } });
    },
    load: async (count) => {
      for (let done = 0; done < count; done += 500) await insertMany(Math.min(500, count - done));
    },
  };
}

/** The raw baseline: one table, the document as jsonb, the same keys as a primary key and a unique index. */
export async function rawOps(pool: Pool, schema: string): Promise<DocumentOps> {
  await pool.query(`create schema "${schema}"`);
  await pool.query(`create table "${schema}".keys (id text primary key, doc jsonb not null)`);
  await pool.query(`create unique index keys_tenant_key on "${schema}".keys ((doc->>'tenant'), (doc->>'key'))`);
  const table = `"${schema}".keys`;
  const loaded = new Loaded();
  const insertMany = async (count: number) => {
    const documents = Array.from({ length: count }, documentFor);
    await pool.query(`insert into ${table} (id, doc) select * from unnest($1::text[], $2::jsonb[])`, [
      documents.map((d) => d._id),
      documents.map((d) => JSON.stringify(d)),
    ]);
    documents.forEach((d) => loaded.add(d));
  };
  return {
    insertOne: async () => {
      const document = documentFor();
      await pool.query(`insert into ${table} (id, doc) values ($1, $2)`, [document._id, JSON.stringify(document)]);
      loaded.add(document);
    },
    insertMany,
    findById: async () => {
      await pool.query(`select doc from ${table} where id = $1`, [loaded.ids[loaded.any()]]);
    },
    findByIndexedField: async () => {
      await pool.query(`select doc from ${table} where doc->>'tenant' = $1 and doc->>'key' = $2`, ['peshtera', loaded.keys[loaded.any()]]);
    },
    conditionalUpdateById: async () => {
      await pool.query(`update ${table} set doc = doc || '{"response":{"status":201}}' where id = $1 and not doc ? 'response'`, [
        loaded.ids[loaded.any()],
      ]);
    },
    load: async (count) => {
      for (let done = 0; done < count; done += 500) await insertMany(Math.min(500, count - done));
    },
  };
}
