import {
  checkCheckpoints,
  HASH_FIELD,
  verifyStream,
  type PublishedSigningKey,
  type RecordedEvent,
  type SignedCheckpoint,
} from '@civic/event-store';

/**
 * Whether the platform may put its signature on a stream's head now. Never on a chain that is broken or that
 * contradicts an earlier checkpoint: signing a forged head would launder the forgery. When the newest
 * checkpoint already names this very head, it is the signed word to hand out, and nothing new is signed.
 */
export type HeadVerdict =
  | { kind: 'covered'; checkpoint: SignedCheckpoint }
  | { kind: 'sign'; head: RecordedEvent }
  | { kind: 'refused'; reason: string; detail: string };

export function headVerdict(
  streamName: string,
  stored: readonly RecordedEvent[],
  checkpoints: readonly SignedCheckpoint[],
  keys: readonly PublishedSigningKey[],
): HeadVerdict {
  if (stored.length === 0) return { kind: 'refused', reason: 'no-events', detail: `${streamName} has no events` };
  const chain = verifyStream(stored);
  if (!chain.ok) {
    return { kind: 'refused', reason: `chain-${chain.reason}`, detail: `revision ${chain.brokenAt.revision}: ${chain.detail}` };
  }
  const signed = checkCheckpoints(streamName, stored, checkpoints, keys);
  if (!signed.ok) {
    return { kind: 'refused', reason: `checkpoint-${signed.reason}`, detail: `checkpoint ${signed.failed.index}: ${signed.detail}` };
  }
  const head = stored[stored.length - 1];
  const covering = [...checkpoints]
    .reverse()
    .find((checkpoint) => checkpoint.statement.revision === head.revision && checkpoint.statement.headHash === head.metadata[HASH_FIELD]);
  return covering ? { kind: 'covered', checkpoint: covering } : { kind: 'sign', head };
}
