import {
  eventHash,
  GENESIS_HASH,
  HASH_FIELD,
  PREVIOUS_HASH_FIELD,
  verifyStream,
  type BrokenLinkReason,
  type RecordedEvent,
} from '@civic/event-store';

/** The newest event of the stream and its hash: keep it, and a later truncation shows (see `knownHead`). */
export interface ChainHead {
  revision: number;
  eventId: string;
  hash: string | null;
}

export type ChainCheck =
  | { ok: true; count: number; head: ChainHead }
  | {
      ok: false;
      count: number;
      head: ChainHead;
      reason: BrokenLinkReason;
      /** The first event whose link to what came before does not hold. */
      brokenAt: { revision: number; eventId: string };
      /**
       * What the chain says should be there and what is: for `hash-mismatch` the hash stored with the
       * event and the hash of its content now; for `previous-hash-mismatch` the hash of the event before
       * and the one the event points at; for `missing-event` the revision expected next and the one found.
       */
      expected: string | number | null;
      found: string | number | null;
      detail: string;
    };

/** Whether an earlier head (from a dossier) is still in the stream: if not, events were removed or rewritten. */
export type KnownHeadCheck =
  | { hash: string; found: true; revision: number; eventsSince: number }
  | { hash: string; found: false; detail: string };

const hashOf = (event: RecordedEvent | undefined): string | null => {
  const hash = event?.metadata[HASH_FIELD];
  return typeof hash === 'string' ? hash : null;
};

export function headOf(events: readonly RecordedEvent[]): ChainHead {
  const last = events[events.length - 1];
  return { revision: last.revision, eventId: last.id, hash: hashOf(last) };
}

/**
 * The library's verifier (`verifyStream`, on the events AS STORED: the chain covers the ciphertext), with
 * the two values that disagree at the first broken link spelled out for the auditor.
 */
export function checkChain(events: readonly RecordedEvent[]): ChainCheck {
  const head = headOf(events);
  const result = verifyStream(events);
  if (result.ok) return { ok: true, count: result.count, head };
  const index = events.findIndex((event) => event.id === result.brokenAt.eventId && event.revision === result.brokenAt.revision);
  const event = events[index];
  const before = index > 0 ? events[index - 1] : undefined;
  let expected: string | number | null = null;
  let found: string | number | null = null;
  switch (result.reason) {
    case 'missing-event':
      expected = index;
      found = event.revision;
      break;
    case 'missing-hash':
      expected = index === 0 ? GENESIS_HASH : hashOf(before);
      found = typeof event.metadata[PREVIOUS_HASH_FIELD] === 'string' ? (event.metadata[PREVIOUS_HASH_FIELD] as string) : null;
      break;
    case 'previous-hash-mismatch':
      expected = index === 0 ? GENESIS_HASH : hashOf(before);
      found = event.metadata[PREVIOUS_HASH_FIELD] as string;
      break;
    case 'hash-mismatch':
      expected = hashOf(event);
      found = eventHash(event);
      break;
  }
  return {
    ok: false,
    count: events.length,
    head,
    reason: result.reason,
    brokenAt: result.brokenAt,
    expected,
    found,
    detail: result.detail,
  };
}

export function checkKnownHead(events: readonly RecordedEvent[], hash: string): KnownHeadCheck {
  const at = events.findIndex((event) => hashOf(event) === hash);
  if (at === -1) {
    return {
      hash,
      found: false,
      detail: 'no event of this case carries that hash now: events were removed or rewritten since it was taken',
    };
  }
  return { hash, found: true, revision: events[at].revision, eventsSince: events.length - 1 - at };
}
