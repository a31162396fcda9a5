import { createHash, createPublicKey, verify } from 'node:crypto';
import type { RecordedEvent } from '../port';
import { canonicalJson } from './canonical-json';
import { HASH_FIELD } from './event-hash';

/**
 * Signed checkpoints of the hash chain. The chain alone has no key: whoever can write to the database can
 * edit an event and recompute every hash after it. A checkpoint is the platform's signed word that a stream's
 * event at `revision` had the hash `headHash`, made with an Ed25519 key the database never holds. A later
 * rewrite of anything up to that revision no longer matches a checkpoint it cannot re-sign.
 *
 * Everything here is pure (no I/O, no clock): the canonical bytes, the key id, the checks.
 */

/** Names what the signed bytes are, so a signature made for anything else can never pass as a checkpoint. */
export const CHECKPOINT_PURPOSE = 'civic-cases/chain-checkpoint/v1';

export interface CheckpointStatement {
  purpose: typeof CHECKPOINT_PURPOSE;
  tenant: string;
  /** The stream whose chain head is signed, e.g. `case-<uuid>`. */
  stream: string;
  revision: number;
  eventId: string;
  /** The `hash` of the event at `revision`: it covers every event before it through `previousHash`. */
  headHash: string;
  /** ISO-8601, the signer's clock. */
  signedAt: string;
  /** The signing key's id (RFC 7638 thumbprint of its public key), as published. */
  keyId: string;
}

export interface SignedCheckpoint {
  statement: CheckpointStatement;
  /** Ed25519 over `checkpointBytes(statement)`, base64url. */
  signature: string;
  keyId: string;
}

/** An Ed25519 public key as a JWK (RFC 8037), with its id; `retired` keys verify old checkpoints, sign none. */
export interface PublishedSigningKey {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The raw 32-byte public key, base64url. */
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
  status: 'current' | 'retired';
}

/**
 * The port to the signing key: a key file in development, a KMS or HSM in production (an adapter of the
 * same port). Whatever holds the private key, the database never does.
 */
export interface CheckpointSigner {
  readonly keyId: string;
  /** The raw 32-byte Ed25519 public key, base64url (a JWK's `x`). */
  readonly publicKey: string;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

/** The exact bytes signed: the statement's canonical JSON (sorted keys, no white space), UTF-8. */
export function checkpointBytes(statement: CheckpointStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}

/** RFC 7638 thumbprint of an Ed25519 public key: SHA-256 of `{"crv","kty","x"}` in that order, base64url. */
export function signingKeyIdOf(publicKey: string): string {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${publicKey}"}`, 'utf8').digest('base64url');
}

export function publishedSigningKey(publicKey: string, status: PublishedSigningKey['status']): PublishedSigningKey {
  return { kty: 'OKP', crv: 'Ed25519', x: publicKey, kid: signingKeyIdOf(publicKey), use: 'sig', alg: 'EdDSA', status };
}

/** A statement of the event at the head, ready to be signed. */
export function checkpointStatement(
  tenant: string,
  head: Pick<RecordedEvent, 'streamName' | 'revision' | 'id' | 'metadata'>,
  signedAt: string,
  keyId: string,
): CheckpointStatement {
  const headHash = head.metadata[HASH_FIELD];
  if (typeof headHash !== 'string') throw new Error(`event ${head.revision} of ${head.streamName} carries no ${HASH_FIELD}`);
  return {
    purpose: CHECKPOINT_PURPOSE,
    tenant,
    stream: head.streamName,
    revision: head.revision,
    eventId: head.id,
    headHash,
    signedAt,
    keyId,
  };
}

export async function signCheckpoint(signer: CheckpointSigner, statement: CheckpointStatement): Promise<SignedCheckpoint> {
  if (statement.keyId !== signer.keyId) throw new Error(`the statement names key ${statement.keyId}, the signer holds ${signer.keyId}`);
  const signature = Buffer.from(await signer.sign(checkpointBytes(statement))).toString('base64url');
  return { statement, signature, keyId: signer.keyId };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature'; detail: string };

/** Whether the checkpoint was signed by one of the published keys, over exactly its statement. */
export function checkSignature(checkpoint: SignedCheckpoint, keys: readonly PublishedSigningKey[]): SignatureCheck {
  const statement = checkpoint?.statement;
  if (!statement || statement.purpose !== CHECKPOINT_PURPOSE || typeof checkpoint.signature !== 'string') {
    return { ok: false, reason: 'malformed', detail: `not a ${CHECKPOINT_PURPOSE} statement with a signature` };
  }
  // The key is named inside the signed statement: the outer keyId is a convenience and must agree.
  if (checkpoint.keyId !== statement.keyId) {
    return { ok: false, reason: 'malformed', detail: `keyId ${checkpoint.keyId} differs from the statement's ${statement.keyId}` };
  }
  const key = keys.find((candidate) => candidate.kid === statement.keyId);
  if (!key) return { ok: false, reason: 'unknown-key', detail: `key ${statement.keyId} is not among the published keys` };
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' });
  const valid = verify(null, checkpointBytes(statement), publicKey, Buffer.from(checkpoint.signature, 'base64url'));
  return valid ? { ok: true } : { ok: false, reason: 'bad-signature', detail: `the signature does not verify with key ${key.kid}` };
}

export type CheckpointFailureReason =
  | 'malformed'
  | 'unknown-key'
  | 'bad-signature'
  | 'other-stream'
  | 'checkpointed-event-missing'
  | 'head-hash-mismatch';

export type CheckpointsCheck =
  | {
      ok: true;
      count: number;
      /** The newest checkpoint: everything up to its revision is the platform's signed word. */
      latest: { revision: number; headHash: string; signedAt: string; keyId: string } | null;
    }
  | {
      ok: false;
      count: number;
      reason: CheckpointFailureReason;
      /** The first checkpoint that no longer holds: its place in the checkpoint log and what it signed. */
      failed: { index: number; revision: number | null; signedAt: string | null; keyId: string | null };
      /** For a head mismatch: the hash signed and the hash stored there now. */
      expected: string | null;
      found: string | null;
      detail: string;
    };

/**
 * Every checkpoint of a stream against the stream as stored now: each must carry a valid signature by a
 * published key, be about this stream, and its revision must still hold the event and hash it signed.
 * Recomputing the hashes after an edited event leaves a self-consistent chain, but not one that matches a
 * checkpoint made before the edit: that is what this catches and `verifyStream` cannot.
 */
export function checkCheckpoints(
  streamName: string,
  events: readonly RecordedEvent[],
  checkpoints: readonly SignedCheckpoint[],
  keys: readonly PublishedSigningKey[],
): CheckpointsCheck {
  const byRevision = new Map(events.map((event) => [event.revision, event]));
  let latest: Extract<CheckpointsCheck, { ok: true }>['latest'] = null;
  for (const [index, checkpoint] of checkpoints.entries()) {
    const statement = checkpoint?.statement;
    const failed = {
      index,
      revision: typeof statement?.revision === 'number' ? statement.revision : null,
      signedAt: typeof statement?.signedAt === 'string' ? statement.signedAt : null,
      keyId: typeof statement?.keyId === 'string' ? statement.keyId : null,
    };
    const fail = (reason: CheckpointFailureReason, detail: string, expected: string | null = null, found: string | null = null) =>
      ({ ok: false, count: checkpoints.length, reason, failed, expected, found, detail }) as const;

    const signature = checkSignature(checkpoint, keys);
    if (!signature.ok) return fail(signature.reason, signature.detail);
    if (statement.stream !== streamName) return fail('other-stream', `signed for ${statement.stream}, not ${streamName}`);
    const event = byRevision.get(statement.revision);
    if (!event) {
      return fail(
        'checkpointed-event-missing',
        `revision ${statement.revision} was signed, the stream has no such event now`,
        statement.headHash,
      );
    }
    const hash = typeof event.metadata[HASH_FIELD] === 'string' ? (event.metadata[HASH_FIELD] as string) : null;
    if (event.id !== statement.eventId || hash !== statement.headHash) {
      return fail(
        'head-hash-mismatch',
        `revision ${statement.revision} was signed as event ${statement.eventId} with hash ${statement.headHash}; it is event ${event.id} with hash ${hash} now`,
        statement.headHash,
        hash,
      );
    }
    if (latest === null || statement.revision >= latest.revision) {
      latest = { revision: statement.revision, headHash: statement.headHash, signedAt: statement.signedAt, keyId: statement.keyId };
    }
  }
  return { ok: true, count: checkpoints.length, latest };
}
