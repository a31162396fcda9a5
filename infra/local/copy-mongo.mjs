// Copies whole databases from one MongoDB server to another: how infra/local/ferretdb.sh moves the platform's
// own databases from FerretDB's SQLite backend to its PostgreSQL one. Per collection: its indexes first (name,
// keys, unique), then its documents in batches. A document already on the target (same _id) is kept as it is,
// so running it again after an interruption finishes the rest and duplicates nothing.
// Usage: node infra/local/copy-mongo.mjs <from uri> <to uri> <database>...
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { MongoClient } = createRequire(path.join(repoRoot, 'package.json'))('mongodb');

const [fromUri, toUri, ...databases] = process.argv.slice(2);
if (!fromUri || !toUri || databases.length === 0) {
  console.error('usage: node infra/local/copy-mongo.mjs <from uri> <to uri> <database>...');
  process.exit(2);
}
const BATCH = 1_000;
const DUPLICATE_KEY = 11000;

/** Inserts the documents not there yet; returns how many it inserted. */
async function insertNew(collection, documents) {
  try {
    return (await collection.insertMany(documents, { ordered: false })).insertedCount;
  } catch (error) {
    const failures = error.writeErrors ? [error.writeErrors].flat() : [];
    if (failures.length === 0 || failures.some((failure) => failure.code !== DUPLICATE_KEY)) throw error;
    return documents.length - failures.length;
  }
}

const from = await new MongoClient(fromUri, { serverSelectionTimeoutMS: 10_000 }).connect();
const to = await new MongoClient(toUri, { serverSelectionTimeoutMS: 10_000 }).connect();
try {
  for (const name of databases) {
    const source = from.db(name);
    const target = to.db(name);
    for (const { name: collection } of await source.listCollections({}, { nameOnly: true }).toArray()) {
      if (collection.startsWith('system.')) continue;
      for (const index of await source.collection(collection).indexes()) {
        if (index.name === '_id_') continue;
        await target.collection(collection).createIndex(index.key, { name: index.name, ...(index.unique ? { unique: true } : {}) });
      }
      let batch = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length > 0) copied += await insertNew(target.collection(collection), batch);
        batch = [];
      };
      for await (const document of source.collection(collection).find({})) {
        batch.push(document);
        if (batch.length === BATCH) await flush();
      }
      await flush();
      console.error(`copy-mongo: ${name}.${collection}: ${copied} documents copied`);
    }
  }
} finally {
  await from.close();
  await to.close();
}
