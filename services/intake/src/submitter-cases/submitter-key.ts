import { randomBytes } from 'node:crypto';
import { MongoServerError, type Db } from 'mongodb';

export const INTAKE_KEYS_COLLECTION = 'intake_keys';
const SUBMITTER_KEY_ID = 'submitter-cases-hmac';
const DUPLICATE_KEY = 11000;

interface KeyDocument {
  _id: string;
  key: string;
  createdAt: Date;
}

/**
 * The deployment's HMAC key for the submitter-cases read model: drawn at random by the first instance that
 * starts, then read by every other (the insert of a fixed id settles a race). Kept in intake's own database
 * rather than a setting, so a deployment needs no new secret; the read model is useless without it, and an
 * export of that one collection tells nothing. Losing the key only loses duplicate suggestions for cases
 * registered before: nothing else depends on it.
 */
export async function submitterKey(db: Db): Promise<Buffer> {
  const keys = db.collection<KeyDocument>(INTAKE_KEYS_COLLECTION);
  const existing = await keys.findOne({ _id: SUBMITTER_KEY_ID });
  if (existing) return Buffer.from(existing.key, 'base64');
  try {
    await keys.insertOne({ _id: SUBMITTER_KEY_ID, key: randomBytes(32).toString('base64'), createdAt: new Date() });
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
  }
  const settled = await keys.findOne({ _id: SUBMITTER_KEY_ID });
  if (!settled) throw new Error('the submitter-cases key could not be stored');
  return Buffer.from(settled.key, 'base64');
}
