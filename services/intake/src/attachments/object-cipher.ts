import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ENCRYPTION_ALGORITHM } from '@civic/event-store';

/**
 * A file as stored: encrypted with the submitter's data-subject key (AES-256-GCM, the key their personal
 * data in the events is encrypted with), so erasing that key leaves only unreadable bytes in the bucket,
 * in every copy and backup of it (crypto-shredding). Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 * The object's key is bound as additional data: an object copied to another key, case or tenant does not open.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export class SealedObjectError extends Error {
  constructor(readonly objectKey: string) {
    super(`The stored object ${objectKey} does not open with this key (tampered, moved, or another subject's)`);
    this.name = 'SealedObjectError';
  }
}

const additionalData = (objectKey: string): Buffer => Buffer.from(`civic-attachment:v${VERSION}:${objectKey}`, 'utf8');

export function sealObject(key: Buffer, objectKey: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ENCRYPTION_ALGORITHM, key, iv);
  cipher.setAAD(additionalData(objectKey));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** The plain bytes, or SealedObjectError unless key, object key, IV, tag and ciphertext all match. */
export function openObject(key: Buffer, objectKey: string, sealed: Buffer): Buffer {
  if (sealed.length < HEADER_BYTES || sealed[0] !== VERSION) throw new SealedObjectError(objectKey);
  try {
    const decipher = createDecipheriv(ENCRYPTION_ALGORITHM, key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(additionalData(objectKey));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new SealedObjectError(objectKey);
  }
}
