import { randomBytes } from 'node:crypto';

/**
 * The deployment's HMAC key for the submitter-cases read model: drawn at random by the first instance that
 * starts, then read by every other (the insert of a fixed id settles a race). Kept beside the read model
 * (`mongo-submitter-key.ts`, `postgres-submitter-key.ts`) rather than a setting, so a deployment needs no new
 * secret; the read model is useless without it, and an export of that one table tells nothing. Losing the
 * key only loses duplicate suggestions for cases registered before: nothing else depends on it.
 */
export const SUBMITTER_KEY_ID = 'submitter-cases-hmac';

/** A fresh key, as stored: base64 of 32 random bytes. */
export const newSubmitterKey = (): string => randomBytes(32).toString('base64');

export const submitterKeyFrom = (stored: string): Buffer => Buffer.from(stored, 'base64');
