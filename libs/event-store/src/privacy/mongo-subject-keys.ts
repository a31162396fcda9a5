import { randomBytes } from 'node:crypto';
import { Binary, type Collection, MongoClient, MongoServerError, type ObjectId } from 'mongodb';
import { SubjectErasedError } from './errors';
import type { KeyWrapping, SubjectKeyRotation } from './key-wrapping';
import type { SubjectKeys } from './subject-keys';

export const SUBJECT_KEYS_DATABASE = 'civic_subject_keys';
export const SUBJECT_KEYS_COLLECTION = 'subject_keys';
const DUPLICATE_KEY = 11000;
const BATCH = 500;

export interface SubjectKeyDocument {
  /** The subject id (documents made before keys were kept by id have an ObjectId here). */
  _id: string | ObjectId;
  subjectId: string;
  /** The key wrapped under the KEK `kekId` (KeyWrapping); both removed on erasure. */
  wrappedKey?: Binary;
  kekId?: string;
  /** The raw key, in documents from before keys were wrapped: wrapped on the next start, never written any more. */
  key?: Binary;
  createdAt: Date;
  /** The tombstone: set once, never cleared. */
  erasedAt?: Date;
}

export interface MongoSubjectKeysOptions {
  uri: string;
  /** A database of its own, apart from read models, so its access and backups can be ruled separately. */
  database?: string;
  /** What wraps the keys: the raw key is never stored. */
  wrapping: KeyWrapping;
}

/**
 * Subject keys in MongoDB (FerretDB here): one document per subject, kept under the subject's id (`_id`)
 * and with a unique index on `subjectId`. Creation is race-safe without transactions: the unique indexes
 * let one insert win, the loser reads it.
 *
 * Why by `_id`: this collection holds one document per data subject the platform ever saw, of every
 * service, and FerretDB 1.x's SQLite backend hands only a filter on `_id` alone to SQLite; any other it
 * evaluates itself on every document (bench/README.md, "registration"). On its PostgreSQL backend with the
 * index twins of infra/local, and on MongoDB, both are index lookups. Documents made before keys were kept
 * by id are still found, by `subjectId`, and never get a second document: their subject's unique
 * `subjectId` makes a new insert fail.
 *
 * Each key is wrapped by `KeyWrapping` (envelope encryption: what this database holds opens nothing without
 * the KEK, which lives elsewhere). Documents from before keys were wrapped hold the raw key: `connect` wraps
 * them all (and a read wraps one it meets, should an older instance still write them during an upgrade).
 */
export class MongoSubjectKeys implements SubjectKeys, SubjectKeyRotation {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<SubjectKeyDocument>,
    private readonly wrapping: KeyWrapping,
  ) {}

  static async connect({ uri, database = SUBJECT_KEYS_DATABASE, wrapping }: MongoSubjectKeysOptions): Promise<MongoSubjectKeys> {
    const client = new MongoClient(uri);
    await client.connect();
    try {
      const keys = client.db(database).collection<SubjectKeyDocument>(SUBJECT_KEYS_COLLECTION);
      await keys.createIndex({ subjectId: 1 }, { unique: true, name: 'subjectId_unique' });
      const store = new MongoSubjectKeys(client, keys, wrapping);
      await store.wrapLegacyKeys();
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const existing = await this.keys.findOne({ _id: subjectId });
    if (existing) return this.keyOf(existing);
    const key = randomBytes(32);
    const { kekId, wrappedKey } = await this.wrapping.wrap(subjectId, key);
    const fresh: SubjectKeyDocument = { _id: subjectId, subjectId, wrappedKey: new Binary(wrappedKey), kekId, createdAt: new Date() };
    try {
      await this.keys.insertOne(fresh);
      return key;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Another writer created (or erased) it first, or it is a document from before keys were kept by id.
      const winner = await this.lookUp(subjectId);
      if (!winner) throw error;
      return this.keyOf(winner);
    }
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    const found = await this.lookUp(subjectId);
    return found && !found.erasedAt && (found.wrappedKey || found.key) ? this.keyOf(found) : undefined;
  }

  /** Wraps every raw key left from before keys were wrapped (run by `connect`); how many. */
  async wrapLegacyKeys(): Promise<number> {
    let wrapped = 0;
    for (;;) {
      const legacy = await this.keys.find({ key: { $exists: true } }, { limit: BATCH }).toArray();
      for (const document of legacy) {
        await this.wrapLegacy(document);
        wrapped += 1;
      }
      if (legacy.length < BATCH) return wrapped;
    }
  }

  async rewrapAll(): Promise<number> {
    let rewrapped = await this.wrapLegacyKeys();
    for (;;) {
      // Read again each batch: a KEK added meanwhile becomes the target, and keys already under it are left alone.
      const current = await this.wrapping.currentKekId();
      const old = await this.keys.find({ kekId: { $exists: true, $ne: current } }, { limit: BATCH }).toArray();
      for (const document of old) {
        const { kekId, wrappedKey } = document as Required<Pick<SubjectKeyDocument, 'kekId' | 'wrappedKey'>>;
        const key = await this.wrapping.unwrap(document.subjectId, { kekId, wrappedKey: Buffer.from(wrappedKey.value()) });
        const fresh = await this.wrapping.wrap(document.subjectId, key);
        // Compare-and-set on the KEK id: an erasure in between (which removes it) stays an erasure.
        await this.keys.updateOne({ _id: document._id, kekId }, { $set: { wrappedKey: new Binary(fresh.wrappedKey), kekId: fresh.kekId } });
        rewrapped += 1;
      }
      if (old.length < BATCH) return rewrapped;
    }
  }

  async keysPerKek(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for await (const { kekId } of this.keys.find({ kekId: { $exists: true } }, { projection: { kekId: 1 }, batchSize: 1_000 })) {
      if (kekId) counts[kekId] = (counts[kekId] ?? 0) + 1;
    }
    return counts;
  }

  async erase(subjectId: string): Promise<void> {
    const erasure = { $unset: { key: '' as const, wrappedKey: '' as const, kekId: '' as const }, $min: { erasedAt: new Date() } };
    const eraseById = () =>
      this.keys.updateOne({ _id: subjectId }, { ...erasure, $setOnInsert: { subjectId, createdAt: new Date() } }, { upsert: true });
    try {
      await eraseById();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // The subject's document is one from before keys were kept by id (its `subjectId` is taken), or a
      // concurrent first getOrCreate inserted it between our update and insert: erase whichever it is.
      const legacy = await this.keys.updateOne({ subjectId, _id: { $ne: subjectId } }, erasure);
      if (legacy.matchedCount === 0) await eraseById();
    }
  }

  /** The subject's document: by id, else (documents from before keys were kept by id) by `subjectId`. */
  private async lookUp(subjectId: string): Promise<SubjectKeyDocument | null> {
    return (await this.keys.findOne({ _id: subjectId })) ?? (await this.keys.findOne({ subjectId }));
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private async keyOf(document: SubjectKeyDocument): Promise<Buffer> {
    if (document.erasedAt) throw new SubjectErasedError(document.subjectId);
    if (document.wrappedKey && document.kekId)
      return this.wrapping.unwrap(document.subjectId, { kekId: document.kekId, wrappedKey: Buffer.from(document.wrappedKey.value()) });
    if (document.key) return this.wrapLegacy(document);
    throw new SubjectErasedError(document.subjectId);
  }

  private async wrapLegacy(document: SubjectKeyDocument): Promise<Buffer> {
    const key = Buffer.from((document.key as Binary).value());
    const { kekId, wrappedKey } = await this.wrapping.wrap(document.subjectId, key);
    // Only while the raw key is still there: an erasure in between (which removes it) stays an erasure.
    await this.keys.updateOne(
      { _id: document._id, key: { $exists: true } },
      { $set: { wrappedKey: new Binary(wrappedKey), kekId }, $unset: { key: '' } },
    );
    return key;
  }
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}
