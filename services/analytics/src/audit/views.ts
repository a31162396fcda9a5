import { checkCheckpoints, type CheckpointsCheck, type PublishedSigningKey, type SignedCheckpoint } from '@civic/event-store';
import type { CaseRecord } from './case-record';
import { eventsAsOf, stateOf, type Moment, type StateAsOf } from './as-of';
import { checkChain, checkKnownHead, headOf, type ChainCheck, type ChainHead, type KnownHeadCheck } from './chain';
import { fieldDiff, type FieldChange } from './field-diff';
import { caseChannel, history, type HistoryEntry } from './history';
import type { DiffRange } from './params';

/** The case existed, but not yet (or not at that revision) at the moment asked for. */
export class MomentNotFoundError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'MomentNotFoundError';
  }
}

export interface CaseHeader {
  tenant: string;
  caseId: string;
  registryNumber: string | null;
  channel: string | null;
}

export function caseHeader(record: CaseRecord): CaseHeader {
  const registration = record.stored.find((event) => event.type === 'CaseRegistered');
  const registryNumber = registration?.data.registryNumber;
  return {
    tenant: record.tenant,
    caseId: record.caseId,
    registryNumber: typeof registryNumber === 'string' ? registryNumber : null,
    channel: caseChannel(record.stored),
  };
}

export interface HistoryView extends CaseHeader {
  head: ChainHead;
  events: HistoryEntry[];
}

export function historyView(record: CaseRecord): HistoryView {
  return { ...caseHeader(record), head: headOf(record.stored), events: history(record.read) };
}

export interface StateView extends CaseHeader, StateAsOf {
  asOf: Moment;
}

/** The fold runs on the events as stored: `evolve` reads no personal field, so decryption changes nothing. */
export function stateView(record: CaseRecord, moment: Moment): StateView {
  const events = eventsAsOf(record.stored, moment);
  if ('revision' in moment && moment.revision > headOf(record.stored).revision) {
    throw new MomentNotFoundError('revision', `the case has revisions 0 to ${headOf(record.stored).revision}`);
  }
  if (events.length === 0) {
    const field = 'revision' in moment ? 'revision' : 'at';
    throw new MomentNotFoundError(field, 'the case has no events at or before that moment');
  }
  return { ...caseHeader(record), asOf: moment, ...stateOf(events) };
}

export interface DiffView extends CaseHeader {
  basis: DiffRange['basis'];
  /** Before registration the `from` state is `NotRegistered` with revision null. */
  from: StateAsOf & { at: string };
  to: StateAsOf & { at: string };
  changes: FieldChange[];
  /** What happened in between: the events after `from`'s revision up to `to`'s. */
  events: HistoryEntry[];
}

export function diffView(record: CaseRecord, range: DiffRange): DiffView {
  const toEvents = eventsAsOf(record.stored, { at: range.to, basis: range.basis });
  if (toEvents.length === 0) throw new MomentNotFoundError('to', 'the case has no events at or before that moment');
  const from = { at: range.from, ...stateOf(eventsAsOf(record.stored, { at: range.from, basis: range.basis })) };
  const to = { at: range.to, ...stateOf(toEvents) };
  const after = from.revision ?? -1;
  const upTo = to.revision as number;
  return {
    ...caseHeader(record),
    basis: range.basis,
    from,
    to,
    changes: fieldDiff(from.state, to.state),
    events: history(record.read).filter((entry) => entry.revision > after && entry.revision <= upTo),
  };
}

export interface VerificationView extends CaseHeader {
  /** The chain holds AND every signed checkpoint still matches it (and `knownHead`, when asked, is there). */
  ok: boolean;
  chain: ChainCheck;
  /** Each checkpoint's signature (published keys) and whether the event and hash it signed are still there. */
  checkpoints: CheckpointsCheck;
  knownHead?: KnownHeadCheck;
}

/**
 * `chain` alone cannot catch an edit whose author recomputed every hash after it: the chain has no key.
 * `checkpoints` can, for everything up to the newest checkpoint (AUDIT.md, "Signed checkpoints").
 */
export function verificationView(
  record: CaseRecord,
  knownHead: string | undefined,
  keys: readonly PublishedSigningKey[],
): VerificationView {
  const chain = checkChain(record.stored);
  const checkpoints = checkCheckpoints(record.stored[0].streamName, record.stored, record.checkpoints, keys);
  const known = knownHead === undefined ? undefined : checkKnownHead(record.stored, knownHead);
  return {
    ...caseHeader(record),
    ok: chain.ok && checkpoints.ok && (known === undefined || known.found),
    chain,
    checkpoints,
    ...(known === undefined ? {} : { knownHead: known }),
  };
}

/** The dossier's signed head, or why the platform would not sign it (a chain or checkpoint that does not hold). */
export type SignedHead = SignedCheckpoint | { refused: string; detail: string };

export interface Dossier extends CaseHeader {
  /** When it was made (CLOCK), for whom, and under which correlation id the read was logged. */
  generatedAt: string;
  generatedFor: { auditorId: string; correlationId: string };
  /** Keep this: a later `verification?knownHead=<hash>` shows whether anything up to it was removed or rewritten. */
  head: ChainHead;
  /** `verification` and `checkpoints` both hold, and the head is signed. */
  ok: boolean;
  verification: ChainCheck;
  checkpoints: CheckpointsCheck;
  /**
   * The platform's signed word on `head` (the statement, its Ed25519 signature, the key id): verify it with
   * the published key alone (`GET /public/signing-keys`, scripts/verify-dossier.mjs).
   */
  signedHead: SignedHead;
  finalState: StateAsOf;
  history: HistoryEntry[];
}

export interface DossierSigning {
  signedHead: SignedHead;
  /** The checkpoints to check, the dossier's own new one included. */
  checkpoints: readonly SignedCheckpoint[];
  keys: readonly PublishedSigningKey[];
}

export function dossier(
  record: CaseRecord,
  made: { at: string; auditorId: string; correlationId: string },
  signing: DossierSigning,
): Dossier {
  const verification = checkChain(record.stored);
  const checkpoints = checkCheckpoints(record.stored[0].streamName, record.stored, signing.checkpoints, signing.keys);
  return {
    ...caseHeader(record),
    generatedAt: made.at,
    generatedFor: { auditorId: made.auditorId, correlationId: made.correlationId },
    head: headOf(record.stored),
    ok: verification.ok && checkpoints.ok && !('refused' in signing.signedHead),
    verification,
    checkpoints,
    signedHead: signing.signedHead,
    finalState: stateOf(record.stored),
    history: history(record.read),
  };
}
