import { Binary, MongoClient, ObjectId } from 'mongodb';
import { Client, Pool } from 'pg';
import { createTestDatabase, mongoServerUri, uniqueName, type TestDatabase } from '@civic/testing';
import {
  MongoSubjectKeys,
  PostgresSubjectKeys,
  SUBJECT_KEYS_COLLECTION,
  SUBJECT_KEYS_TABLE,
  SubjectErasedError,
  type SubjectKeys,
} from '../../src/privacy';

type ClosableKeys = SubjectKeys & { close(): Promise<void> };

/** What a backend stores for one subject, as the tests inspect it. */
interface Stored {
  records: number;
  hasKey: boolean;
  erasedAt?: Date;
}

/** A key store on a real server, with a fresh database of its own, and a look at what it stores. */
interface OpenBackend {
  /** Another store on the same data, over connections of its own. */
  connect(): Promise<ClosableKeys>;
  stored(subjectId: string): Promise<Stored>;
  close(): Promise<void>;
}

const backends: Array<[string, () => Promise<OpenBackend>]> = [
  [
    'MongoDB (FerretDB here)',
    async () => {
      const uri = await mongoServerUri();
      const database = uniqueName('subject_keys').replace(/-/g, '_');
      const raw = await new MongoClient(uri).connect();
      const collection = raw.db(database).collection(SUBJECT_KEYS_COLLECTION);
      return {
        connect: () => MongoSubjectKeys.connect({ uri, database }),
        async stored(subjectId) {
          const documents = await collection.find({ subjectId }).toArray();
          return { records: documents.length, hasKey: documents[0]?.key !== undefined, erasedAt: documents[0]?.erasedAt };
        },
        async close() {
          await raw.db(database).dropDatabase();
          await raw.close();
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const database = await createTestDatabase('subject_keys');
      const raw = new Client({ connectionString: database.url });
      await raw.connect();
      return {
        connect: () => PostgresSubjectKeys.connect({ url: database.url }),
        async stored(subjectId) {
          const { rows } = await raw.query<{ key: Buffer | null; erased_at: Date | null }>(
            `select key, erased_at from ${SUBJECT_KEYS_TABLE} where subject_id = $1`,
            [subjectId],
          );
          return { records: rows.length, hasKey: rows[0]?.key != null, erasedAt: rows[0]?.erased_at ?? undefined };
        },
        async close() {
          await raw.end();
          await database.drop();
        },
      };
    },
  ],
];

/** The same rules on every backend: the write path may keep its keys in either. */
describe.each(backends)('subject keys in %s', (_name, open) => {
  let backend: OpenBackend;
  let keys: ClosableKeys;

  beforeAll(async () => {
    backend = await open();
    keys = await backend.connect();
  });

  afterAll(async () => {
    await keys?.close();
    await backend?.close();
  });

  it('makes a 32-byte key on first use and returns the same one afterwards', async () => {
    const subject = uniqueName('subject');
    const key = await keys.getOrCreate(subject);
    expect(key).toHaveLength(32);
    expect(await keys.getOrCreate(subject)).toEqual(key);
    expect(await keys.find(subject)).toEqual(key);
    expect(await keys.find(uniqueName('nobody'))).toBeUndefined();
  });

  it('is race-safe: twenty concurrent first uses, from two connections, agree on one key', async () => {
    const other = await backend.connect();
    try {
      const subject = uniqueName('subject');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? keys : other).getOrCreate(subject)));
      expect(new Set(results.map((k) => k.toString('hex'))).size).toBe(1);
      expect((await backend.stored(subject)).records).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('erasure deletes the key and leaves a tombstone; no new key is ever made', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    await keys.erase(subject);

    expect(await keys.find(subject)).toBeUndefined();
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    const stored = await backend.stored(subject);
    expect(stored).toMatchObject({ records: 1, hasKey: false });
    expect(stored.erasedAt).toBeInstanceOf(Date);
  });

  it('erasure is idempotent and keeps the first erasure time', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    await keys.erase(subject);
    const first = (await backend.stored(subject)).erasedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await keys.erase(subject);
    expect((await backend.stored(subject)).erasedAt).toEqual(first);
    expect(await keys.find(subject)).toBeUndefined();
  });

  it('erasing a subject never seen leaves a tombstone that blocks a key later', async () => {
    const subject = uniqueName('subject');
    await keys.erase(subject);
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await keys.find(subject)).toBeUndefined();
    expect(await backend.stored(subject)).toMatchObject({ records: 1, hasKey: false });
  });

  it('an erasure racing first uses wins: afterwards there is no key and none is made', async () => {
    const subject = uniqueName('subject');
    const uses = Array.from({ length: 10 }, () => keys.getOrCreate(subject));
    await Promise.all([keys.erase(subject), ...uses.map((use) => use.catch(() => undefined))]);
    expect(await keys.find(subject)).toBeUndefined();
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await backend.stored(subject)).toMatchObject({ records: 1, hasKey: false });
  });
});

describe('PostgresSubjectKeys on a pool of the caller', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('subject_keys_pool');
    pool = new Pool({ connectionString: database.url });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('creates its table on the pool (again and again, harmlessly) and leaves the pool open on close', async () => {
    const [a, b] = await Promise.all([PostgresSubjectKeys.connect({ pool }), PostgresSubjectKeys.connect({ pool })]);
    const subject = uniqueName('subject');
    const key = await a.getOrCreate(subject);
    await a.close();
    expect(await b.find(subject)).toEqual(key);
    expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});

/** What only the MongoDB store has: keys kept by subject id, and documents from before that. */
describe('MongoSubjectKeys', () => {
  const database = uniqueName('subject_keys').replace(/-/g, '_');
  let keys: MongoSubjectKeys;
  let raw: MongoClient;

  beforeAll(async () => {
    const uri = await mongoServerUri();
    keys = await MongoSubjectKeys.connect({ uri, database });
    raw = await new MongoClient(uri).connect();
  });

  afterAll(async () => {
    await keys?.close();
    await raw?.db(database).dropDatabase();
    await raw?.close();
  });

  const collection = () => raw.db(database).collection(SUBJECT_KEYS_COLLECTION);

  it('keeps each key under its subject id', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    expect(await collection().findOne({ _id: subject as never })).toMatchObject({ subjectId: subject });
  });

  it('still finds, reuses and erases a key stored before keys were kept by subject id, never making a second one', async () => {
    const subject = uniqueName('subject');
    const legacyKey = Buffer.alloc(32, 7);
    await collection().insertOne({ _id: new ObjectId(), subjectId: subject, key: new Binary(legacyKey), createdAt: new Date() });

    expect(await keys.find(subject)).toEqual(legacyKey);
    expect(await keys.getOrCreate(subject)).toEqual(legacyKey);
    expect(await collection().countDocuments({ subjectId: subject })).toBe(1);

    await keys.erase(subject);
    expect(await keys.find(subject)).toBeUndefined();
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await collection().countDocuments({ subjectId: subject })).toBe(1);
    expect(await collection().findOne({ subjectId: subject })).not.toHaveProperty('key');
  });

  it('keeps a unique index on subjectId', async () => {
    const indexes = await collection().indexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { subjectId: 1 }, unique: true })]));
  });
});
