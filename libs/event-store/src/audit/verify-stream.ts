import type { EventStore, RecordedEvent, StreamRevision } from '../port';
import { eventHash, GENESIS_HASH, HASH_FIELD, PREVIOUS_HASH_FIELD } from './event-hash';

export type BrokenLinkReason = 'hash-mismatch' | 'previous-hash-mismatch' | 'missing-event' | 'missing-hash';

export type ChainVerification =
  | { ok: true; count: number }
  | {
      ok: false;
      /** The first event whose link to what came before does not hold. */
      brokenAt: { revision: StreamRevision; eventId: string };
      reason: BrokenLinkReason;
      /** For people: what exactly did not match. */
      detail: string;
    };

/**
 * Walks a stream's events (forwards, as stored, from revision 0) and names the first broken link:
 * - `missing-event`: a revision is skipped or out of order (an event was removed or moved);
 * - `missing-hash`: the event carries no chain fields (written around the chain, or stripped);
 * - `previous-hash-mismatch`: it does not point at the hash of the event before it (something before it
 *   was removed or replaced, hash and all);
 * - `hash-mismatch`: its content is not what was hashed when it was written (it was edited).
 * Removing the newest events leaves a shorter valid chain: catching that needs the head's hash kept
 * elsewhere (an export, a published checkpoint), which is out of this function's reach.
 */
export function verifyStream(events: readonly RecordedEvent[]): ChainVerification {
  let previousHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const brokenAt = { revision: event.revision, eventId: event.id };
    if (event.revision !== index) {
      return {
        ok: false,
        brokenAt,
        reason: 'missing-event',
        detail: `expected revision ${index} next, found revision ${event.revision}`,
      };
    }
    const hash = event.metadata[HASH_FIELD];
    const claimedPrevious = event.metadata[PREVIOUS_HASH_FIELD];
    if (typeof hash !== 'string' || typeof claimedPrevious !== 'string') {
      return { ok: false, brokenAt, reason: 'missing-hash', detail: `metadata has no ${HASH_FIELD}/${PREVIOUS_HASH_FIELD}` };
    }
    if (claimedPrevious !== previousHash) {
      return {
        ok: false,
        brokenAt,
        reason: 'previous-hash-mismatch',
        detail: `points at ${claimedPrevious}, the event before it hashes to ${previousHash}`,
      };
    }
    const actual = eventHash(event);
    if (actual !== hash) {
      return { ok: false, brokenAt, reason: 'hash-mismatch', detail: `stored hash ${hash}, content hashes to ${actual}` };
    }
    previousHash = hash;
  }
  return { ok: true, count: events.length };
}

/**
 * Reads the whole stream and verifies it. Give it the store as written, below any decorator that
 * changes events on read (`withPersonalData` decrypts, and the chain covers the ciphertext).
 * Throws `StreamNotFoundError` when there is no such stream.
 */
export async function verifyStreamInStore(store: EventStore, streamName: string): Promise<ChainVerification> {
  return verifyStream(await store.readStream(streamName, { direction: 'forwards' }));
}
