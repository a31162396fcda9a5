import { createHash } from 'node:crypto';
import type { JsonObject, StreamRevision } from '../port';
import { canonicalJson } from './canonical-json';

/** What the first event of every stream chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The metadata fields the chain owns. */
export const HASH_FIELD = 'hash';
export const PREVIOUS_HASH_FIELD = 'previousHash';

export interface HashableEvent {
  streamName: string;
  revision: StreamRevision;
  id: string;
  type: string;
  data: JsonObject;
  /** Must already hold `previousHash`: that is what links the event to its predecessor. */
  metadata: JsonObject;
}

/**
 * SHA-256 (hex) of the event's canonical JSON, its own `hash` left out. Stream name and revision are in it,
 * so an event moved to another place (renumbered, reordered, copied to another stream) no longer matches.
 */
export function eventHash(event: HashableEvent): string {
  const { [HASH_FIELD]: _ownHash, ...metadata } = event.metadata;
  const hashed = {
    streamName: event.streamName,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}
