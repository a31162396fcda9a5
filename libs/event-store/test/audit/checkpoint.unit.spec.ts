import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import {
  checkCheckpoints,
  checkpointBytes,
  checkpointStatement,
  checkSignature,
  eventHash,
  signingKeyIdOf,
  publishedSigningKey,
  signCheckpoint,
  verifyStream,
  withHashChain,
  type CheckpointSigner,
  type RecordedEvent,
  type SignedCheckpoint,
} from '../../src';
import { InMemoryEventStore } from '../../src/memory/in-memory-event-store';

const STREAM = 'case-7a2e';

function testSigner(): CheckpointSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return { keyId: signingKeyIdOf(x), publicKey: x, sign: async (bytes) => sign(null, bytes, privateKey) };
}

async function chainedStream(count: number): Promise<RecordedEvent[]> {
  const raw = new InMemoryEventStore();
  const store = withHashChain(raw);
  for (let n = 0; n < count; n++) {
    await store.appendToStream(
      STREAM,
      [{ id: randomUUID(), type: 'Noted', data: { n, category: 'roads' }, metadata: { tenant: 'peshtera' } }],
      {
        expectedRevision: 'any',
      },
    );
  }
  return raw.readStream(STREAM);
}

/** What a database administrator can do without the key: edit one event and recompute every hash after it exactly as the chain does. */
function forge(events: RecordedEvent[], revision: number, data: Record<string, unknown>): RecordedEvent[] {
  const forged = events.map((event) => ({ ...event, data: { ...event.data }, metadata: { ...event.metadata } }));
  forged[revision].data = { ...forged[revision].data, ...data };
  for (let i = revision; i < forged.length; i++) {
    if (i > 0) forged[i].metadata.previousHash = forged[i - 1].metadata.hash;
    forged[i].metadata.hash = eventHash(forged[i]);
  }
  return forged;
}

const at = '2026-04-01T10:00:00.000Z';

describe('signed checkpoints of the hash chain', () => {
  it('the key id is the RFC 7638 thumbprint (the RFC 8037 example key)', () => {
    expect(signingKeyIdOf('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo')).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('a statement signed by a published key verifies; one byte changed, another key or no published key does not', async () => {
    const signer = testSigner();
    const [head] = (await chainedStream(1)).slice(-1);
    const signed = await signCheckpoint(signer, checkpointStatement('peshtera', head, at, signer.keyId));
    const keys = [publishedSigningKey(signer.publicKey, 'current')];

    expect(signed.statement).toMatchObject({
      tenant: 'peshtera',
      stream: STREAM,
      revision: 0,
      eventId: head.id,
      headHash: head.metadata.hash,
    });
    expect(checkSignature(signed, keys)).toEqual({ ok: true });
    expect(checkSignature({ ...signed, statement: { ...signed.statement, revision: 1 } }, keys)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(checkSignature(signed, [publishedSigningKey(testSigner().publicKey, 'current')])).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
    expect(checkSignature({ ...signed, keyId: 'other' }, keys)).toMatchObject({ ok: false, reason: 'malformed' });
    // A retired key still verifies what it signed.
    expect(checkSignature(signed, [publishedSigningKey(signer.publicKey, 'retired')])).toEqual({ ok: true });
  });

  it('the signed bytes are the canonical JSON, whatever order the statement was stored in', async () => {
    const signer = testSigner();
    const [head] = await chainedStream(1);
    const statement = checkpointStatement('peshtera', head, at, signer.keyId);
    const reordered = Object.fromEntries(Object.entries(statement).reverse()) as typeof statement;
    expect(checkpointBytes(reordered).equals(checkpointBytes(statement))).toBe(true);
    expect(checkpointBytes(statement).toString('utf8')).toMatch(/^\{"eventId":.*"purpose":"civic-cases\/chain-checkpoint\/v1".*\}$/);
  });

  describe('against the stream as stored', () => {
    let events: RecordedEvent[];
    let signer: CheckpointSigner;
    let checkpoints: SignedCheckpoint[];
    const keys = () => [publishedSigningKey(signer.publicKey, 'current')];

    beforeEach(async () => {
      events = await chainedStream(5);
      signer = testSigner();
      checkpoints = [
        await signCheckpoint(signer, checkpointStatement('peshtera', events[2], at, signer.keyId)),
        await signCheckpoint(signer, checkpointStatement('peshtera', events[4], at, signer.keyId)),
      ];
    });

    it('intact: ok, with the newest checkpoint', () => {
      expect(checkCheckpoints(STREAM, events, checkpoints, keys())).toEqual({
        ok: true,
        count: 2,
        latest: { revision: 4, headHash: events[4].metadata.hash, signedAt: at, keyId: signer.keyId },
      });
    });

    it('an event edited and every hash after it recomputed: the chain verifies, the first checkpoint covering it does not', () => {
      const forged = forge(events, 1, { category: 'parks' });
      expect(verifyStream(forged)).toEqual({ ok: true, count: 5 });
      expect(checkCheckpoints(STREAM, forged, checkpoints, keys())).toMatchObject({
        ok: false,
        reason: 'head-hash-mismatch',
        failed: { index: 0, revision: 2, keyId: signer.keyId },
        expected: events[2].metadata.hash,
        found: forged[2].metadata.hash,
      });
    });

    it('an edit after the newest checkpoint is not caught (the window the README names)', () => {
      expect(checkCheckpoints(STREAM, forge(events, 3, { category: 'parks' }), checkpoints.slice(0, 1), keys())).toMatchObject({
        ok: true,
      });
    });

    it('the newest events removed: the checkpoint of a removed revision names it', () => {
      expect(checkCheckpoints(STREAM, events.slice(0, 3), checkpoints, keys())).toMatchObject({
        ok: false,
        reason: 'checkpointed-event-missing',
        failed: { index: 1, revision: 4 },
      });
    });

    it('a checkpoint re-signed by any key but a published one, or moved from another stream, fails', async () => {
      const intruder = testSigner();
      const forgedCheckpoint = await signCheckpoint(intruder, checkpointStatement('peshtera', events[4], at, intruder.keyId));
      expect(checkCheckpoints(STREAM, events, [forgedCheckpoint], keys())).toMatchObject({ ok: false, reason: 'unknown-key' });
      expect(checkCheckpoints('case-other', events, checkpoints, keys())).toMatchObject({ ok: false, reason: 'other-stream' });
      const edited = { ...checkpoints[1], statement: { ...checkpoints[1].statement, headHash: 'f'.repeat(64) } };
      expect(checkCheckpoints(STREAM, events, [edited], keys())).toMatchObject({
        ok: false,
        reason: 'bad-signature',
        failed: { index: 0 },
      });
    });

    it('no checkpoints: ok with none (nothing is signed yet)', () => {
      expect(checkCheckpoints(STREAM, events, [], keys())).toEqual({ ok: true, count: 0, latest: null });
    });
  });
});
