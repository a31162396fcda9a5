// Readiness probe for the local FerretDB (MongoDB wire protocol): connect the
// way mongoose does (it wraps this same driver), then index + insert + find +
// delete a document in a throwaway collection.
// Usage: node infra/local/probe-mongo.mjs [uri]   (default mongodb://127.0.0.1:27017/civic)
// Env: PROBE_TIMEOUT_MS (default 60000). Exit 0 = server works.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Resolve packages from the repo's node_modules, wherever this is run from.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

function load(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    console.error(`probe-mongo: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const { MongoClient } = load('mongodb');

const uri = process.argv[2] ?? 'mongodb://127.0.0.1:27017/civic';
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 60000);
const deadline = Date.now() + timeoutMs;
const collectionName = `civic_probe_${Date.now()}_${process.pid}`;

async function roundTrip() {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000 });
  try {
    await client.connect();
    const coll = client.db().collection(collectionName);
    // mongoose creates indexes on model init, so exercise that path too.
    await coll.createIndex({ probe: 1 }, { unique: true });
    const { insertedId } = await coll.insertOne({ probe: collectionName, at: new Date() });
    const found = await coll.findOne({ _id: insertedId });
    if (found?.probe !== collectionName) throw new Error('inserted document not found');
    const { deletedCount } = await coll.deleteOne({ _id: insertedId });
    if (deletedCount !== 1) throw new Error(`deleteOne removed ${deletedCount} documents`);
    await coll.drop();
  } finally {
    await client.close().catch(() => {});
  }
}

// Retry whole attempts until the deadline: the server may still be starting.
let lastError;
while (Date.now() < deadline) {
  try {
    await roundTrip();
    console.error(`probe-mongo: insert/find/delete ok on ${uri}`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await new Promise((r) => setTimeout(r, 500));
  }
}
console.error(`probe-mongo: failed on ${uri} within ${timeoutMs} ms: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
