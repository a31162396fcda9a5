import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import { MongoSubjectKeys, PostgresSubjectKeys, SUBJECT_KEYS_COLLECTION, SubjectErasedError } from '@civic/event-store';
import { MongoRelayCheckpoints } from '@civic/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { Binary, MongoClient, ObjectId } from 'mongodb';
import { Pool } from 'pg';
import { IMPORTS_TABLE } from '../src/bookkeeping/import-once';
import { postgresSubjectKeys, subjectKeyWrapping } from '../src/cases/case-store';
import { relayStateOn } from '../src/relay/relay.runner';

// What the platform keeps in the bookkeeping, written by the MongoDB stores, read by the PostgreSQL ones after
// the first start's import.
describe('the bookkeeping moved from MongoDB to PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;
  let mongoUri: string;
  let mongo: MongoClient;

  beforeAll(async () => {
    database = await createTestDatabase('platform_bookkeeping_import');
    pool = new Pool({ connectionString: database.url, max: 4 });
    mongoUri = await testMongoUri('platform_bookkeeping_import');
    mongo = new MongoClient(mongoUri);
    await mongo.connect();
  });

  afterAll(async () => {
    await mongo?.db().dropDatabase();
    await mongo?.close();
    await pool?.end();
    await database?.drop();
  });

  it('keeps every subject key, and every erasure, whichever store held it', async () => {
    const keysDatabase = mongo.db().databaseName;
    // The development key file, as a service starting on these databases would use.
    const wrapping = subjectKeyWrapping(undefined);
    const inMongo = await MongoSubjectKeys.connect({ uri: mongoUri, database: keysDatabase, wrapping });
    const [kept, erasedThere, neverSeenButErased, keyedHereErasedThere, keyedHere, legacy] = Array.from({ length: 6 }, () => randomUUID());
    let keptKey: Buffer;
    let legacyKey: Buffer;
    try {
      keptKey = await inMongo.getOrCreate(kept);
      await inMongo.getOrCreate(erasedThere);
      await inMongo.erase(erasedThere);
      await inMongo.erase(neverSeenButErased);
      await inMongo.getOrCreate(keyedHereErasedThere);
      await inMongo.erase(keyedHereErasedThere);
      await inMongo.getOrCreate(keyedHere);
      // A document from before keys were kept by the subject's id.
      legacyKey = randomBytes(32);
      await mongo
        .db()
        .collection(SUBJECT_KEYS_COLLECTION)
        .insertOne({ _id: new ObjectId(), subjectId: legacy, key: new Binary(legacyKey), createdAt: new Date('2025-01-01T00:00:00Z') });
    } finally {
      await inMongo.close();
    }
    // Keys PostgreSQL holds already (a start before the import): they stay, unless MongoDB erased the subject.
    const before = await PostgresSubjectKeys.connect({ pool, wrapping });
    await before.getOrCreate(keyedHereErasedThere);
    const keyHere = await before.getOrCreate(keyedHere);

    const keys = await postgresSubjectKeys(pool, mongoUri, keysDatabase, wrapping);
    expect(await keys.find(kept)).toEqual(keptKey);
    expect(await keys.getOrCreate(kept)).toEqual(keptKey);
    expect(await keys.find(legacy)).toEqual(legacyKey);
    expect(await keys.find(keyedHere)).toEqual(keyHere);
    for (const erased of [erasedThere, neverSeenButErased, keyedHereErasedThere]) {
      expect(await keys.find(erased)).toBeUndefined();
      await expect(keys.getOrCreate(erased)).rejects.toThrow(SubjectErasedError);
    }
    const { rows } = await pool.query(`select count, source from ${IMPORTS_TABLE} where name = 'subject-keys'`);
    expect(rows).toEqual([{ count: '6', source: `the subject keys from MongoDB (database ${keysDatabase})` }]);

    // Later starts read PostgreSQL alone: MongoDB may be gone.
    await expect(
      postgresSubjectKeys(pool, 'mongodb://127.0.0.1:9/x?serverSelectionTimeoutMS=500', keysDatabase, wrapping),
    ).resolves.toBeDefined();
  });

  it("goes on from the relay's checkpoint kept in MongoDB", async () => {
    await new MongoRelayCheckpoints(mongo.db()).save('case-events', '0000000000000042:42', 'intake-1');
    const state = await relayStateOn({ kind: 'postgres', pool, mongo: () => mongo.db() });
    expect(await state.checkpoints.load('case-events')).toBe('0000000000000042:42');
    expect(await state.checkpoints.load('another')).toBeUndefined();
  });
});
