import { decryptValue, ENCRYPTION_ALGORITHM, encryptValue, type SubjectKeys } from '@civic/event-store';

/**
 * A tracking code kept for idempotent replays, encrypted with the submitter's data-subject key (the same
 * key as their personal data in the case): erasing the person makes it unreadable too. Stored without the
 * envelope's `$enc` marker, because MongoDB field names must not start with `$`.
 */
export interface SealedTrackingCode {
  alg: typeof ENCRYPTION_ALGORITHM;
  iv: string;
  tag: string;
  ct: string;
}

const PATH = 'trackingCode';

export async function sealTrackingCode(keys: SubjectKeys, subjectId: string, code: string): Promise<SealedTrackingCode> {
  const { iv, tag, ct } = encryptValue(await keys.getOrCreate(subjectId), code, { subjectId, path: PATH });
  return { alg: ENCRYPTION_ALGORITHM, iv, tag, ct };
}

/** The code, or undefined once the person's key was erased. */
export async function unsealTrackingCode(keys: SubjectKeys, subjectId: string, sealed: SealedTrackingCode): Promise<string | undefined> {
  const key = await keys.find(subjectId);
  if (!key) return undefined;
  const code = decryptValue(key, { $enc: sealed.alg, iv: sealed.iv, tag: sealed.tag, ct: sealed.ct }, { subjectId, path: PATH });
  return typeof code === 'string' ? code : undefined;
}
