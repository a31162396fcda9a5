import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * scripts/verify-dossier.mjs as an auditor runs it: `node` on a dossier file and a key file, nothing else of
 * the platform. The dossiers here are made the way the platform makes them: hash-chained events, the head
 * signed over the statement's canonical JSON.
 */
const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'verify-dossier.mjs');

function testSigner(): CheckpointSigner & { publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return {
    keyId: signingKeyIdOf(x),
    publicKey: x,
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: async (bytes) => sign(null, bytes, privateKey),
  };
}

const CASE_ID = randomUUID();

function chainedEvents(count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision++) {
    const base = { id: randomUUID(), streamName: `case-${CASE_ID}`, revision, type: 'Noted', data: { n: revision } };
    const metadata = { tenant: 'peshtera', previousHash };
    const hash = eventHash({ ...base, metadata });
    events.push({ ...base, metadata: { ...metadata, hash }, position: String(revision), recordedAt: '2026-03-02T09:00:00.000Z' });
    previousHash = hash;
  }
  return events;
}

async function signedDossier(signer: CheckpointSigner) {
  const events = chainedEvents(3);
  const head = events[2];
  const signedHead = await signCheckpoint(signer, checkpointStatement('peshtera', head, '2026-04-01T10:00:00.000Z', signer.keyId));
  return {
    tenant: 'peshtera',
    caseId: CASE_ID,
    head: { revision: 2, eventId: head.id, hash: head.metadata.hash },
    signedHead,
    history: events.map((event) => ({
      revision: event.revision,
      eventId: event.id,
      hash: event.metadata.hash,
      previousHash: event.metadata.previousHash,
    })),
  };
}

describe('scripts/verify-dossier.mjs: a dossier checked with the published key alone', () => {
  let dir: string;
  let signer: ReturnType<typeof testSigner>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'verify-dossier-'));
    signer = testSigner();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const run = (dossier: unknown, key: unknown = { keys: [publishedSigningKey(signer.publicKey, 'current')] }) => {
    const result = spawnSync(process.execPath, [SCRIPT, file('dossier.json', dossier), file('key', key)], { encoding: 'utf8' });
    return { status: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
  };

  it('valid with the published key set, with one JWK, and with the PEM public key', async () => {
    const dossier = await signedDossier(signer);
    const withSet = run(dossier);
    expect(withSet).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^valid: tenant peshtera, case .*revision 2 has hash [0-9a-f]{64}/),
    });
    expect(run(dossier, publishedSigningKey(signer.publicKey, 'current'))).toMatchObject({ status: 0 });
    expect(run(dossier, signer.publicPem)).toMatchObject({ status: 0 });
    // A retired key still verifies what it signed.
    expect(
      run(dossier, { keys: [publishedSigningKey(testSigner().publicKey, 'current'), publishedSigningKey(signer.publicKey, 'retired')] }),
    ).toMatchObject({
      status: 0,
    });
  });

  it('invalid, with the reason, when the statement, the head or the history was changed, or another key is given', async () => {
    const dossier = await signedDossier(signer);
    const otherHash = 'e'.repeat(64);

    const statementEdited = {
      ...dossier,
      signedHead: { ...dossier.signedHead, statement: { ...dossier.signedHead.statement, headHash: otherHash } },
    };
    expect(run(statementEdited)).toMatchObject({ status: 1, out: expect.stringMatching(/^invalid: the signature does not verify/) });

    const headEdited = { ...dossier, head: { ...dossier.head, hash: otherHash } };
    expect(run(headEdited)).toMatchObject({
      status: 1,
      out: expect.stringMatching(/^invalid: the signed head .* is not the dossier's head/),
    });

    const history = dossier.history.map((entry) => ({ ...entry }));
    history[1].previousHash = otherHash;
    expect(run({ ...dossier, history })).toMatchObject({
      status: 1,
      out: expect.stringMatching(/^invalid: history: revision 1 points at/),
    });

    expect(run({ ...dossier, caseId: randomUUID() })).toMatchObject({
      status: 1,
      out: expect.stringMatching(/^invalid: signed for stream/),
    });
    expect(run(dossier, testSigner().publicPem)).toMatchObject({
      status: 1,
      out: expect.stringMatching(/^invalid: signed with key .* not among the keys given/),
    });
    expect(run({ ...dossier, signedHead: { refused: 'chain-hash-mismatch', detail: 'revision 1: …' } })).toMatchObject({
      status: 1,
      out: expect.stringContaining('invalid: the platform refused to sign this head (chain-hash-mismatch)'),
    });
  });

  it('says how to run it when an argument is missing, and cannot-read for a file that is not JSON', () => {
    expect(spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' })).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('usage'),
    });
    expect(run('not json')).toMatchObject({ status: 2, err: expect.stringContaining('cannot read the input') });
  });
});
