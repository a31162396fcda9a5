import { MongoServerError, type Db } from 'mongodb';
import { newSubmitterKey, SUBMITTER_KEY_ID, submitterKeyFrom } from './submitter-key';

export const INTAKE_KEYS_COLLECTION = 'intake_keys';
const DUPLICATE_KEY = 11000;

export interface KeyDocument {
  _id: string;
  key: string;
  createdAt: Date;
}

/** The submitter-cases key in MongoDB (`intake_keys`), drawn by the first instance (submitter-key.ts). */
export async function submitterKey(db: Db): Promise<Buffer> {
  const keys = db.collection<KeyDocument>(INTAKE_KEYS_COLLECTION);
  const existing = await keys.findOne({ _id: SUBMITTER_KEY_ID });
  if (existing) return submitterKeyFrom(existing.key);
  try {
    await keys.insertOne({ _id: SUBMITTER_KEY_ID, key: newSubmitterKey(), createdAt: new Date() });
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
  }
  const settled = await keys.findOne({ _id: SUBMITTER_KEY_ID });
  if (!settled) throw new Error('the submitter-cases key could not be stored');
  return submitterKeyFrom(settled.key);
}
