/**
 * A subject key as the key store keeps it: encrypted ("wrapped") under a key-encryption key (KEK) that lives
 * outside the key store's database, with the id of that KEK. The raw 32 bytes are never stored.
 */
export interface WrappedKey {
  /** The KEK this key is wrapped under: after a rotation, old ids stay readable until rewrapped and retired. */
  kekId: string;
  wrappedKey: Buffer;
}

/**
 * Envelope encryption of subject keys, behind a port: a key file in development (KeyFileWrapping), a KMS in
 * production (a later adapter of the same port: wrap and unwrap become KMS calls naming the KMS key, and the
 * KEK never leaves it). Wrapping binds the subject id in, so a wrapped key moved to another subject's record
 * does not unwrap.
 */
export interface KeyWrapping {
  /** Wraps under the current KEK. */
  wrap(subjectId: string, key: Buffer): Promise<WrappedKey>;
  /** Throws `KeyUnwrapError` when the KEK is unknown (retired) or the wrapped key does not authenticate for this subject. */
  unwrap(subjectId: string, wrapped: WrappedKey): Promise<Buffer>;
  /** The KEK new wraps use; a key under any other is rewrapped by rotation (`SubjectKeyRotation`). */
  currentKekId(): Promise<string>;
}

/**
 * What a key store does for a rotation of the KEK, beyond `SubjectKeys`: only the wrapped subject keys are
 * rewritten, never an event (their personal data stays encrypted under the same subject keys).
 */
export interface SubjectKeyRotation {
  /** Rewraps every stored subject key not under the current KEK with it (and wraps any left unwrapped); how many. */
  rewrapAll(): Promise<number>;
  /** How many subject keys each KEK wraps; a KEK not listed wraps none and may be retired. */
  keysPerKek(): Promise<Record<string, number>>;
}

export class KeyUnwrapError extends Error {
  constructor(
    readonly subjectId: string,
    readonly kekId: string,
    why: string,
  ) {
    super(`The key of data subject ${subjectId} (wrapped under KEK ${kekId}) cannot be unwrapped: ${why}`);
    this.name = 'KeyUnwrapError';
  }
}
