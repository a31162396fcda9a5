import { randomBytes } from 'node:crypto';
import { Binary, type Collection, MongoClient, MongoServerError } from 'mongodb';
import { SubjectErasedError } from './errors';
import type { SubjectKeys } from './subject-keys';

export const SUBJECT_KEYS_DATABASE = 'civic_subject_keys';
export const SUBJECT_KEYS_COLLECTION = 'subject_keys';
const DUPLICATE_KEY = 11000;

interface SubjectKeyDocument {
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
 * Subject keys in MongoDB (FerretDB here): one document per subject, a unique index on `subjectId`.
 * Creation is race-safe without transactions: the unique index lets one insert win, the loser reads it.
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
    const existing = await this.keys.findOne({ subjectId });
    if (existing) return keyOf(existing);
    const fresh: SubjectKeyDocument = { subjectId, key: new Binary(randomBytes(32)), createdAt: new Date() };
    try {
      await this.keys.insertOne(fresh);
      return keyOf(fresh);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Another writer created (or erased) it first: theirs is the one.
      const winner = await this.keys.findOne({ subjectId });
      if (!winner) throw error;
      return keyOf(winner);
    }
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    const found = await this.keys.findOne({ subjectId });
    return found?.key && !found.erasedAt ? Buffer.from(found.key.value()) : undefined;
  }

  async erase(subjectId: string): Promise<void> {
    const erase = () =>
      this.keys.updateOne(
        { subjectId },
        { $unset: { key: '' }, $min: { erasedAt: new Date() }, $setOnInsert: { createdAt: new Date() } },
        { upsert: true },
      );
    try {
      await erase();
    } catch (error) {
      // A concurrent first getOrCreate inserted the document between our lookup and insert: erase it now.
      if (!isDuplicateKey(error)) throw error;
      await erase();
    }
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
