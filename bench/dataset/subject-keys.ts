/**
 * Subject keys for a bulk load: the same documents `MongoSubjectKeys` keeps (collection `subject_keys`,
 * `{ _id: subjectId, subjectId, key: Binary(32 random bytes), createdAt }`, unique on `subjectId`), made in memory for a
 * batch of new subjects and inserted with one `insertMany`, instead of a find and an insert per person.
 * `MongoSubjectKeys.connect({ uri, database })` on the same database reads them back, so a service pointed
 * at it decrypts the data set. Keys come from node:crypto, never from the seed.
 */
import { randomBytes } from 'node:crypto';
import { SUBJECT_KEYS_COLLECTION, type SubjectKeys } from '@civic/event-store';
import { Binary, MongoClient, type Collection } from 'mongodb';

interface SubjectKeyDocument {
  /** The subject id: MongoSubjectKeys looks keys up by `_id` (the one filter FerretDB's SQLite backend hands to SQLite). */
  _id: string;
  subjectId: string;
  key: Binary;
  createdAt: Date;
}

export class BulkSubjectKeys implements SubjectKeys {
  private readonly keys = new Map<string, Buffer>();
  private pending: SubjectKeyDocument[] = [];
  private inserted = 0;

  private constructor(
    private readonly client: MongoClient,
    private readonly collection: Collection<SubjectKeyDocument>,
  ) {}

  static async connect(uri: string, database: string): Promise<BulkSubjectKeys> {
    const client = new MongoClient(uri);
    await client.connect();
    const collection = client.db(database).collection<SubjectKeyDocument>(SUBJECT_KEYS_COLLECTION);
    // The index MongoSubjectKeys asks for, by the same name, so either may open the collection first.
    await collection.createIndex({ subjectId: 1 }, { unique: true, name: 'subjectId_unique' });
    return new BulkSubjectKeys(client, collection);
  }

  /** A new key for a new subject, dated when the platform would have made it (their first event). */
  create(subjectId: string, createdAt: Date): void {
    if (this.keys.has(subjectId)) return;
    const key = randomBytes(32);
    this.keys.set(subjectId, key);
    this.pending.push({ _id: subjectId, subjectId, key: new Binary(key), createdAt });
  }

  /** Inserts the keys made since the last flush. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.inserted += (await this.collection.insertMany(batch, { ordered: false })).insertedCount;
  }

  /** Forgets keys whose events are written, so a national run does not hold 200,000 keys in memory. */
  forget(subjectIds: readonly string[]): void {
    for (const id of subjectIds) this.keys.delete(id);
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const key = this.keys.get(subjectId);
    if (!key) throw new Error(`no key prepared for subject ${subjectId}: create() it with its batch`);
    return key;
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    return this.keys.get(subjectId);
  }

  erase(): Promise<void> {
    return Promise.reject(new Error('a data set load erases nobody'));
  }

  /** Keys inserted by this loader (counting the collection on FerretDB's SQLite backend scans it whole). */
  get count(): number {
    return this.inserted;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
