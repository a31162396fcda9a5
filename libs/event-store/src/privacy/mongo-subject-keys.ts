import { randomBytes } from 'node:crypto';
import { Binary, type Collection, MongoClient, MongoServerError, type ObjectId } from 'mongodb';
import { SubjectErasedError } from './errors';
import type { SubjectKeys } from './subject-keys';

export const SUBJECT_KEYS_DATABASE = 'civic_subject_keys';
export const SUBJECT_KEYS_COLLECTION = 'subject_keys';
const DUPLICATE_KEY = 11000;

export interface SubjectKeyDocument {
  /** The subject id (documents made before keys were kept by id have an ObjectId here). */
  _id: string | ObjectId;
  subjectId: string;
  /** Removed on erasure. */
  key?: Binary;
  createdAt: Date;
  /** The tombstone: set once, never cleared. */
  erasedAt?: Date;
}

export interface MongoSubjectKeysOptions {
  uri: string;
  /** A database of its own, apart from read models, so its access and backups can be ruled separately. */
  database?: string;
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
 */
export class MongoSubjectKeys implements SubjectKeys {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<SubjectKeyDocument>,
  ) {}

  static async connect({ uri, database = SUBJECT_KEYS_DATABASE }: MongoSubjectKeysOptions): Promise<MongoSubjectKeys> {
    const client = new MongoClient(uri);
    await client.connect();
    try {
      const keys = client.db(database).collection<SubjectKeyDocument>(SUBJECT_KEYS_COLLECTION);
      await keys.createIndex({ subjectId: 1 }, { unique: true, name: 'subjectId_unique' });
      return new MongoSubjectKeys(client, keys);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const existing = await this.keys.findOne({ _id: subjectId });
    if (existing) return keyOf(existing);
    const fresh: SubjectKeyDocument = { _id: subjectId, subjectId, key: new Binary(randomBytes(32)), createdAt: new Date() };
    try {
      await this.keys.insertOne(fresh);
      return keyOf(fresh);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Another writer created (or erased) it first, or it is a document from before keys were kept by id.
      const winner = await this.lookUp(subjectId);
      if (!winner) throw error;
      return keyOf(winner);
    }
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    const found = await this.lookUp(subjectId);
    return found?.key && !found.erasedAt ? Buffer.from(found.key.value()) : undefined;
  }

  async erase(subjectId: string): Promise<void> {
    const erasure = { $unset: { key: '' as const }, $min: { erasedAt: new Date() } };
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
}

function keyOf(document: SubjectKeyDocument): Buffer {
  if (document.erasedAt || !document.key) throw new SubjectErasedError(document.subjectId);
  return Buffer.from(document.key.value());
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}
