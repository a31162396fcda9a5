import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { InvalidSubjectKeyError, PersonalDataDecryptionError } from './errors';

export const ENCRYPTION_ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const KEY_BYTES = 32;

/** How an encrypted personal value is stored in an event's data (base64 fields). */
export interface EncryptedValue {
  $enc: typeof ENCRYPTION_ALGORITHM;
  iv: string;
  tag: string;
  ct: string;
}

/**
 * Bound into the authentication tag: a value copied to another subject's event or to another field does
 * not decrypt, even under a key that would otherwise fit.
 */
export interface ValueBinding {
  subjectId: string;
  path: string;
}

export function isEncryptedValue(value: unknown): value is EncryptedValue {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.$enc === ENCRYPTION_ALGORITHM && typeof v.iv === 'string' && typeof v.tag === 'string' && typeof v.ct === 'string';
}

/** Encrypts any JSON value (a string, or a whole object such as a submitter) with a fresh random IV. */
export function encryptValue(key: Buffer, value: unknown, binding: ValueBinding): EncryptedValue {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ENCRYPTION_ALGORITHM, key, iv);
  cipher.setAAD(additionalData(binding));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $enc: ENCRYPTION_ALGORITHM,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
}

/** Throws `PersonalDataDecryptionError` unless key, binding, IV, tag and ciphertext all match. */
export function decryptValue(key: Buffer, envelope: EncryptedValue, binding: ValueBinding): unknown {
  checkKey(key);
  try {
    const decipher = createDecipheriv(ENCRYPTION_ALGORITHM, key, Buffer.from(envelope.iv, 'base64'));
    decipher.setAAD(additionalData(binding));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(envelope.ct, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    throw new PersonalDataDecryptionError(binding.subjectId, binding.path);
  }
}

// A JSON array keeps subject and path apart unambiguously (no separator a subject id could contain).
function additionalData({ subjectId, path }: ValueBinding): Buffer {
  return Buffer.from(JSON.stringify([subjectId, path]), 'utf8');
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new InvalidSubjectKeyError(key.length);
}
