import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import {
  checkpointStatement,
  eventHash,
  GENESIS_HASH,
  signingKeyIdOf,
  publishedSigningKey,
  signCheckpoint,
  type CheckpointSigner,
  type RecordedEvent,
} from '@civic/event-store';
import { headVerdict } from './head-verdict';

const STREAM = 'case-6d0b';

function signer(): CheckpointSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return { keyId: signingKeyIdOf(x), publicKey: x, sign: async (bytes) => sign(null, bytes, privateKey) };
}

function chained(count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision++) {
    const base = { id: randomUUID(), streamName: STREAM, revision, type: 'Noted', data: { revision } };
    const metadata = { tenant: 'peshtera', previousHash };
    const hash = eventHash({ ...base, metadata });
    events.push({ ...base, metadata: { ...metadata, hash }, position: String(revision), recordedAt: '2026-03-02T09:00:00.000Z' });
    previousHash = hash;
  }
  return events;
}

describe('whether the platform signs a head now', () => {
  const key = signer();
  const keys = [publishedSigningKey(key.publicKey, 'current')];
  const at = '2026-04-01T10:00:00.000Z';

  it('signs a head no checkpoint names yet; hands out the newest checkpoint when it names this very head', async () => {
    const events = chained(3);
    expect(headVerdict(STREAM, events, [], keys)).toEqual({ kind: 'sign', head: events[2] });
    const older = await signCheckpoint(key, checkpointStatement('peshtera', events[1], at, key.keyId));
    expect(headVerdict(STREAM, events, [older], keys)).toEqual({ kind: 'sign', head: events[2] });
    const current = await signCheckpoint(key, checkpointStatement('peshtera', events[2], at, key.keyId));
    expect(headVerdict(STREAM, events, [older, current], keys)).toEqual({ kind: 'covered', checkpoint: current });
  });

  it('refuses a broken chain, and a chain an earlier checkpoint contradicts (signing it would launder a forgery)', async () => {
    const events = chained(3);
    const edited = events.map((event, i) => (i === 1 ? { ...event, data: { revision: 99 } } : event));
    expect(headVerdict(STREAM, edited, [], keys)).toMatchObject({ kind: 'refused', reason: 'chain-hash-mismatch' });

    const checkpoint = await signCheckpoint(key, checkpointStatement('peshtera', events[2], at, key.keyId));
    const rewritten = chained(4); // another, self-consistent history of the same stream
    expect(headVerdict(STREAM, rewritten, [checkpoint], keys)).toMatchObject({ kind: 'refused', reason: 'checkpoint-head-hash-mismatch' });
    expect(headVerdict(STREAM, [], [], keys)).toMatchObject({ kind: 'refused', reason: 'no-events' });
  });
});
