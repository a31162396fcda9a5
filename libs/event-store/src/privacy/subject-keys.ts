/**
 * Where the per-subject keys live: a store of their own, never the event store and never Kafka, so that
 * deleting a key (crypto-shredding) makes that person's data in every event, copy and backup unreadable.
 */
export interface SubjectKeys {
  /** The subject's 32-byte key, made on first use. Throws `SubjectErasedError` once the subject was erased. */
  getOrCreate(subjectId: string): Promise<Buffer>;
  /** The key, or undefined when the subject was erased (or never had one): their data reads as erased. */
  find(subjectId: string): Promise<Buffer | undefined>;
  /** Deletes the key for good and leaves a tombstone, so no new key is ever made for them. Idempotent. */
  erase(subjectId: string): Promise<void>;
}
