import { Binary, MongoClient, ObjectId } from 'mongodb';
import { Client, Pool } from 'pg';
import { createTestDatabase, mongoServerUri, uniqueName, type TestDatabase } from '@civic/testing';
import {
  addKek,
  KeyUnwrapError,
  MongoSubjectKeys,
  PostgresSubjectKeys,
  retireKek,
  SUBJECT_KEYS_COLLECTION,
  SUBJECT_KEYS_TABLE,
  SubjectErasedError,
  type KeyWrapping,
  type SubjectKeyRotation,
  type SubjectKeys,
} from '../../src/privacy';
import { testKeyFile, type TestKeyFile } from './key-files';

type ClosableKeys = SubjectKeys & SubjectKeyRotation & { close(): Promise<void> };

/** What a backend stores for one subject, as the tests inspect it. */
interface Stored {
  records: number;
  hasKey: boolean;
  erasedAt?: Date;
  kekId?: string;
  /** Every byte string of the record, read with the database's own driver: what someone with the database alone gets. */
  bytes: Buffer[];
}

/** A key store on a real server, with a fresh database of its own, and a look at what it stores. */
interface OpenBackend {
  /** Another store on the same data, over connections of its own, wrapping with the test's key file (or the one given). */
  connect(wrapping?: KeyWrapping): Promise<ClosableKeys>;
  stored(subjectId: string): Promise<Stored>;
  /** Writes the subject's record as deployments before keys were wrapped did: the raw key. */
  storeRawKey(subjectId: string, key: Buffer): Promise<void>;
  close(): Promise<void>;
}

const bytesOf = (values: unknown[]): Buffer[] =>
  values.flatMap((value) => (Buffer.isBuffer(value) ? [value] : value instanceof Binary ? [Buffer.from(value.value())] : []));

const backends: Array<[string, (keyFile: TestKeyFile) => Promise<OpenBackend>]> = [
  [
    'MongoDB (FerretDB here)',
    async (keyFile) => {
      const uri = await mongoServerUri();
      const database = uniqueName('subject_keys').replace(/-/g, '_');
      const raw = await new MongoClient(uri).connect();
      const collection = raw.db(database).collection(SUBJECT_KEYS_COLLECTION);
      return {
        connect: (wrapping = keyFile.wrapping) => MongoSubjectKeys.connect({ uri, database, wrapping }),
        async stored(subjectId) {
          const documents = await collection.find({ subjectId }).toArray();
          const [document] = documents;
          return {
            records: documents.length,
            hasKey: document?.key !== undefined || document?.wrappedKey !== undefined,
            erasedAt: document?.erasedAt,
            kekId: document?.kekId,
            bytes: bytesOf(Object.values(document ?? {})),
          };
        },
        async storeRawKey(subjectId, key) {
          await collection.insertOne({ _id: subjectId as never, subjectId, key: new Binary(key), createdAt: new Date() });
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
    async (keyFile) => {
      const database = await createTestDatabase('subject_keys');
      const raw = new Client({ connectionString: database.url });
      await raw.connect();
      return {
        connect: (wrapping = keyFile.wrapping) => PostgresSubjectKeys.connect({ url: database.url, wrapping }),
        async stored(subjectId) {
          const { rows } = await raw.query<Record<string, unknown>>(`select * from ${SUBJECT_KEYS_TABLE} where subject_id = $1`, [
            subjectId,
          ]);
          const [row] = rows;
          return {
            records: rows.length,
            hasKey: row?.key != null || row?.wrapped_key != null,
            erasedAt: (row?.erased_at as Date | null) ?? undefined,
            kekId: (row?.kek_id as string | null) ?? undefined,
            bytes: bytesOf(Object.values(row ?? {})),
          };
        },
        async storeRawKey(subjectId, key) {
          await raw.query(`insert into ${SUBJECT_KEYS_TABLE} (subject_id, key) values ($1, $2)`, [subjectId, key]);
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
  let keyFile: TestKeyFile;
  let backend: OpenBackend;
  let keys: ClosableKeys;

  beforeAll(async () => {
    keyFile = testKeyFile();
    backend = await open(keyFile);
    keys = await backend.connect();
  });

  afterAll(async () => {
    await keys?.close();
    await backend?.close();
    keyFile?.remove();
  });

  it('stores the key wrapped: no byte string of the stored record is the key or holds it, read with the database driver', async () => {
    const subject = uniqueName('subject');
    const key = await keys.getOrCreate(subject);
    const stored = await backend.stored(subject);
    expect(stored.bytes.length).toBeGreaterThan(0);
    expect(stored.bytes.filter((bytes) => bytes.equals(key) || bytes.includes(key))).toEqual([]);
    expect(stored.kekId).toBe(await keyFile.wrapping.currentKekId());
  });

  it('the database without the key file opens nothing: another KEK does not unwrap the stored key', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    const stranger = testKeyFile();
    const elsewhere = await backend.connect(stranger.wrapping);
    try {
      await expect(elsewhere.find(subject)).rejects.toBeInstanceOf(KeyUnwrapError);
    } finally {
      await elsewhere.close();
      stranger.remove();
    }
  });

  it('wraps the raw keys of deployments before this change on connect, and they keep opening the same data', async () => {
    const subject = uniqueName('legacy');
    const legacyKey = Buffer.alloc(32, 9);
    await backend.storeRawKey(subject, legacyKey);
    const upgraded = await backend.connect();
    try {
      const stored = await backend.stored(subject);
      expect(stored.bytes.filter((bytes) => bytes.includes(legacyKey))).toEqual([]);
      expect(stored.kekId).toBe(await keyFile.wrapping.currentKekId());
      expect(await upgraded.find(subject)).toEqual(legacyKey);
      expect(await upgraded.getOrCreate(subject)).toEqual(legacyKey);
    } finally {
      await upgraded.close();
    }
  });

  it('rotation: a new KEK, every key rewrapped under it (the keys themselves unchanged), then the old KEK retired', async () => {
    const [kept, erased] = [uniqueName('subject'), uniqueName('subject')];
    const key = await keys.getOrCreate(kept);
    await keys.getOrCreate(erased);
    await keys.erase(erased);
    const old = await keyFile.wrapping.currentKekId();

    const added = addKek(keyFile.path);
    expect(await keys.find(kept)).toEqual(key);
    expect(await keys.rewrapAll()).toBeGreaterThan(0);
    expect(await keys.keysPerKek()).toEqual({ [added]: expect.any(Number) });
    expect((await backend.stored(kept)).kekId).toBe(added);

    retireKek(keyFile.path, old);
    // A running process reads the changed file: no restart needed.
    expect(await keys.find(kept)).toEqual(key);
    expect(await keys.rewrapAll()).toBe(0);
    expect(await keys.find(erased)).toBeUndefined();
    expect(await backend.stored(erased)).toMatchObject({ records: 1, hasKey: false, bytes: [] });
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

  it('erasure deletes the wrapped key and its KEK id and leaves a tombstone; no new key is ever made', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    await keys.erase(subject);

    expect(await keys.find(subject)).toBeUndefined();
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    const stored = await backend.stored(subject);
    expect(stored).toMatchObject({ records: 1, hasKey: false, kekId: undefined, bytes: [] });
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
  let keyFile: TestKeyFile;

  beforeAll(async () => {
    database = await createTestDatabase('subject_keys_pool');
    pool = new Pool({ connectionString: database.url });
    keyFile = testKeyFile();
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
    keyFile?.remove();
  });

  it('turns a table from before keys were wrapped into the new shape, wrapping its keys and keeping its tombstones', async () => {
    await pool.query(`create schema civic_keys`);
    await pool.query(`create table ${SUBJECT_KEYS_TABLE} (
      subject_id text primary key, key bytea, created_at timestamptz not null default now(), erased_at timestamptz,
      constraint subject_keys_key_or_tombstone check ((key is null) = (erased_at is not null)))`);
    const key = Buffer.alloc(32, 3);
    await pool.query(`insert into ${SUBJECT_KEYS_TABLE} (subject_id, key, erased_at) values ('kept', $1, null), ('gone', null, now())`, [
      key,
    ]);

    const keys = await PostgresSubjectKeys.connect({ pool, wrapping: keyFile.wrapping });
    expect(await keys.find('kept')).toEqual(key);
    expect(await keys.find('gone')).toBeUndefined();
    const { rows } = await pool.query(`select subject_id, key, kek_id from ${SUBJECT_KEYS_TABLE} order by subject_id`);
    expect(rows).toEqual([
      { subject_id: 'gone', key: null, kek_id: null },
      { subject_id: 'kept', key: null, kek_id: await keyFile.wrapping.currentKekId() },
    ]);
    // The new rule holds: a row is a wrapped key with its KEK, or a tombstone.
    await expect(pool.query(`insert into ${SUBJECT_KEYS_TABLE} (subject_id, wrapped_key) values ('half', $1)`, [key])).rejects.toThrow(
      /check constraint/,
    );
  });

  it('creates its table on the pool (again and again, harmlessly) and leaves the pool open on close', async () => {
    const wrapping = keyFile.wrapping;
    const [a, b] = await Promise.all([PostgresSubjectKeys.connect({ pool, wrapping }), PostgresSubjectKeys.connect({ pool, wrapping })]);
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
  let keyFile: TestKeyFile;

  beforeAll(async () => {
    const uri = await mongoServerUri();
    keyFile = testKeyFile();
    keys = await MongoSubjectKeys.connect({ uri, database, wrapping: keyFile.wrapping });
    raw = await new MongoClient(uri).connect();
  });

  afterAll(async () => {
    await keys?.close();
    await raw?.db(database).dropDatabase();
    await raw?.close();
    keyFile?.remove();
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
    const tombstone = await collection().findOne({ subjectId: subject });
    expect(tombstone).not.toHaveProperty('key');
    expect(tombstone).not.toHaveProperty('wrappedKey');
  });

  it('keeps a unique index on subjectId', async () => {
    const indexes = await collection().indexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { subjectId: 1 }, unique: true })]));
  });
});
