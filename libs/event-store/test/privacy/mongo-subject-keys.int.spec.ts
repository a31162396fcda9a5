import { Binary, MongoClient, ObjectId } from 'mongodb';
import { mongoServerUri, uniqueName } from '@civic/testing';
import { MongoSubjectKeys, SUBJECT_KEYS_COLLECTION, SubjectErasedError } from '../../src/privacy';

/** The key store on the real MongoDB wire protocol (FerretDB here, MongoDB in docker-compose). */
describe('MongoSubjectKeys', () => {
  const database = uniqueName('subject_keys').replace(/-/g, '_');
  let uri: string;
  let keys: MongoSubjectKeys;
  let raw: MongoClient;

  beforeAll(async () => {
    uri = await mongoServerUri();
    keys = await MongoSubjectKeys.connect({ uri, database });
    raw = await new MongoClient(uri).connect();
  });

  afterAll(async () => {
    await keys?.close();
    await raw?.db(database).dropDatabase();
    await raw?.close();
  });

  const documentOf = (subjectId: string) => raw.db(database).collection(SUBJECT_KEYS_COLLECTION).findOne({ subjectId });

  it('makes a 32-byte key on first use and returns the same one afterwards', async () => {
    const subject = uniqueName('subject');
    const key = await keys.getOrCreate(subject);
    expect(key).toHaveLength(32);
    expect(await keys.getOrCreate(subject)).toEqual(key);
    expect(await keys.find(subject)).toEqual(key);
    expect(await keys.find(uniqueName('nobody'))).toBeUndefined();
  });

  it('is race-safe: twenty concurrent first uses, from two connections, agree on one key', async () => {
    const other = await MongoSubjectKeys.connect({ uri, database });
    try {
      const subject = uniqueName('subject');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? keys : other).getOrCreate(subject)));
      expect(new Set(results.map((k) => k.toString('hex'))).size).toBe(1);
      expect(await raw.db(database).collection(SUBJECT_KEYS_COLLECTION).countDocuments({ subjectId: subject })).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('erasure deletes the key from the document and leaves a tombstone; no new key is ever made', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    await keys.erase(subject);

    expect(await keys.find(subject)).toBeUndefined();
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    const document = await documentOf(subject);
    expect(document).not.toHaveProperty('key');
    expect(document?.erasedAt).toBeInstanceOf(Date);
  });

  it('erasure is idempotent and keeps the first erasure time', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    await keys.erase(subject);
    const first = (await documentOf(subject))?.erasedAt as Date;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await keys.erase(subject);
    expect((await documentOf(subject))?.erasedAt).toEqual(first);
  });

  it('erasing a subject never seen leaves a tombstone that blocks a key later', async () => {
    const subject = uniqueName('subject');
    await keys.erase(subject);
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it('keeps each key under its subject id', async () => {
    const subject = uniqueName('subject');
    await keys.getOrCreate(subject);
    expect(
      await raw
        .db(database)
        .collection(SUBJECT_KEYS_COLLECTION)
        .findOne({ _id: subject as never }),
    ).toMatchObject({ subjectId: subject });
  });

  it('still finds, reuses and erases a key stored before keys were kept by subject id, never making a second one', async () => {
    const subject = uniqueName('subject');
    const collection = raw.db(database).collection(SUBJECT_KEYS_COLLECTION);
    const legacyKey = Buffer.alloc(32, 7);
    await collection.insertOne({ _id: new ObjectId(), subjectId: subject, key: new Binary(legacyKey), createdAt: new Date() });

    expect(await keys.find(subject)).toEqual(legacyKey);
    expect(await keys.getOrCreate(subject)).toEqual(legacyKey);
    expect(await collection.countDocuments({ subjectId: subject })).toBe(1);

    await keys.erase(subject);
    expect(await keys.find(subject)).toBeUndefined();
    await expect(keys.getOrCreate(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await collection.countDocuments({ subjectId: subject })).toBe(1);
    expect(await documentOf(subject)).not.toHaveProperty('key');
  });

  it('keeps a unique index on subjectId', async () => {
    const indexes = await raw.db(database).collection(SUBJECT_KEYS_COLLECTION).indexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { subjectId: 1 }, unique: true })]));
  });
});
