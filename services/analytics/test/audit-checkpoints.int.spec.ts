import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { eventHash, GENESIS_HASH, signingKeyIdOf, type JsonObject } from '@civic/event-store';
import { caseCommand } from '@civic/platform';
import { pdfText } from '@civic/testing';
import { casePath, liveCase, startAuditApp, type AuditApp, type TestCase } from './audit/audit-app';

/**
 * Tamper evidence against the database's own administrators: whoever can write to PostgreSQL can edit an
 * event and recompute every hash after it, and the chain alone still verifies. A checkpoint signed with a key
 * the database never holds does not: verification names it. And an auditor checks a dossier's signed head
 * with the published key alone (scripts/verify-dossier.mjs).
 */
describe('signed checkpoints of the hash chain', () => {
  let audit: AuditApp;
  let auditor: string;
  let sql: Client;
  let dir: string;

  beforeAll(async () => {
    audit = await startAuditApp();
    auditor = await audit.token('peshtera', 'auditor');
    sql = new Client({ connectionString: audit.database.url });
    await sql.connect();
    dir = mkdtempSync(join(tmpdir(), 'audit-checkpoints-'));
  });

  afterAll(async () => {
    await sql?.end();
    await audit?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const read = (c: TestCase, endpoint: string) => audit.get(casePath(c, endpoint), auditor);

  /**
   * What a database administrator can do without the signing key: change an event's data with plain SQL and
   * recompute its hash and every hash after it exactly as the chain does, so the chain is whole again.
   */
  async function forgeAndRehash(streamName: string, revision: number, change: (data: JsonObject) => JsonObject): Promise<void> {
    const { rows } = await sql.query<{
      event_id: string;
      stream_revision: string;
      event_type: string;
      data: JsonObject;
      metadata: JsonObject;
    }>(
      `select event_id, stream_revision, event_type, data, metadata from event_store.events where stream_name = $1 order by stream_revision`,
      [streamName],
    );
    let previousHash = revision === 0 ? GENESIS_HASH : (rows[revision - 1].metadata.hash as string);
    for (const row of rows.slice(revision)) {
      const data = Number(row.stream_revision) === revision ? change(row.data) : row.data;
      const metadata: JsonObject = { ...row.metadata, previousHash };
      const hash = eventHash({ streamName, revision: Number(row.stream_revision), id: row.event_id, type: row.event_type, data, metadata });
      await sql.query(`update event_store.events set data = $1, metadata = $2 where stream_name = $3 and stream_revision = $4`, [
        data,
        { ...metadata, hash },
        streamName,
        row.stream_revision,
      ]);
      previousHash = hash;
    }
  }

  it('publishes the public key without a token: a JWK set whose key id is its thumbprint, the key file held by the service user alone', async () => {
    const { status, body, headers } = await audit.get('/public/signing-keys');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toContain('public');
    const publicKey = createPublicKey(createPrivateKey(readFileSync(audit.signingKeyFile))).export({ format: 'jwk' }).x as string;
    expect(body).toEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: publicKey, kid: signingKeyIdOf(publicKey), use: 'sig', alg: 'EdDSA', status: 'current' }],
    });
    expect(statSync(audit.signingKeyFile).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(audit.signingKeyFile)).mode & 0o777).toBe(0o700);
    // Nothing secret is published.
    expect(JSON.stringify(body)).not.toMatch(/"d"/);
  });

  it('an event changed in PostgreSQL and every later hash recomputed: the chain verifies, the checkpoint does not, and verification names it', async () => {
    const c = await liveCase(audit, 'peshtera', 'assigned');
    const streamName = `case-${c.caseId}`;
    const run = await audit.checkpointTimer.runOnce();
    expect(run.refused).toEqual([]);
    const intact = (await read(c, 'verification')).body;
    expect(intact).toMatchObject({ ok: true, chain: { ok: true, count: 4 }, checkpoints: { ok: true, count: 1, latest: { revision: 3 } } });
    const signedHash = intact.checkpoints.latest.headHash;
    expect(signedHash).toBe(intact.chain.head.hash);

    await forgeAndRehash(streamName, 0, (data) => ({ ...data, category: 'parks' }));

    const { status, body } = await read(c, 'verification');
    expect(status).toBe(200);
    // The chain alone is whole again: this is what answered `ok: true` before checkpoints were signed.
    expect(body.chain).toMatchObject({ ok: true, count: 4 });
    expect(body.ok).toBe(false);
    expect(body.checkpoints).toMatchObject({
      ok: false,
      count: 1,
      reason: 'head-hash-mismatch',
      failed: { index: 0, revision: 3, signedAt: intact.checkpoints.latest.signedAt, keyId: intact.checkpoints.latest.keyId },
      expected: signedHash,
      found: body.chain.head.hash,
    });
    expect(body.checkpoints.found).not.toBe(signedHash);
    // The history shows the forged value; the verdict says it cannot be trusted.
    expect((await read(c, 'history')).body.events[0].data.category).toBe('parks');

    // The platform never signs the forged head: not for a dossier, not in the periodic run after a new event.
    const dossier = (await read(c, 'dossier.json')).body;
    expect(dossier).toMatchObject({ ok: false, signedHead: { refused: 'checkpoint-head-hash-mismatch' }, checkpoints: { ok: false } });
    const answer = caseCommand(
      { type: 'AnswerCase', data: { text: 'Лампата е сменена.', attachments: [], channel: 'email' } },
      {
        tenant: c.tenant,
        caseId: c.caseId,
        actor: { id: 'peshtera:officer', role: 'officer' },
        commandId: randomUUID(),
        correlationId: c.correlationId,
        now: '2026-03-10T14:00:00.000Z',
        dataSubjectId: c.subjectId,
      },
    );
    expect((await audit.commands.handle(answer)).ok).toBe(true);
    const next = await audit.checkpointTimer.runOnce();
    expect(next.refused).toEqual([expect.objectContaining({ stream: streamName, reason: 'checkpoint-head-hash-mismatch' })]);
    expect((await read(c, 'verification')).body.checkpoints).toMatchObject({ ok: false, count: 1 });
  });

  it("an auditor verifies a dossier's signed head with the published key alone; a second dossier of the same head reuses the checkpoint", async () => {
    const c = await liveCase(audit, 'peshtera');
    audit.setNow('2026-04-02T08:30:00.000Z');
    const dossier = (await read(c, 'dossier.json')).body;
    expect(dossier).toMatchObject({
      ok: true,
      head: { revision: 6 },
      checkpoints: { ok: true, count: 1, latest: { revision: 6, signedAt: '2026-04-02T08:30:00.000Z' } },
      signedHead: {
        statement: {
          purpose: 'civic-cases/chain-checkpoint/v1',
          tenant: 'peshtera',
          stream: `case-${c.caseId}`,
          revision: 6,
          eventId: dossier.head.eventId,
          headHash: dossier.head.hash,
          signedAt: '2026-04-02T08:30:00.000Z',
        },
        signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
      },
    });

    const keys = (await audit.get('/public/signing-keys')).body;
    const dossierFile = join(dir, 'dossier.json');
    const keysFile = join(dir, 'signing-keys.json');
    writeFileSync(dossierFile, JSON.stringify(dossier));
    writeFileSync(keysFile, JSON.stringify(keys));
    const verdict = spawnSync(
      process.execPath,
      [join(__dirname, '..', '..', '..', 'scripts', 'verify-dossier.mjs'), dossierFile, keysFile],
      {
        encoding: 'utf8',
      },
    );
    expect(verdict.stdout).toMatch(/^valid: tenant peshtera, case .* revision 6 has hash [0-9a-f]{64}, signed 2026-04-02T08:30:00.000Z/);
    expect(verdict.status).toBe(0);

    // The PDF prints the statement and the signature too.
    const pdf = (await pdfText((await read(c, 'dossier.pdf')).bytes)).replace(/\s+/g, '');
    expect(pdf).toContain('Подписанаглава/Signedhead');
    expect(pdf).toContain(dossier.signedHead.signature);
    const again = (await read(c, 'dossier.json')).body;
    expect(again.signedHead).toEqual(dossier.signedHead);
    expect(again.checkpoints).toMatchObject({ ok: true, count: 1 });

    // The newest events removed: the signed revision is gone, and verification says which checkpoint named it.
    await sql.query(`delete from event_store.events where stream_name = $1 and stream_revision >= 5`, [`case-${c.caseId}`]);
    const { body } = await read(c, 'verification');
    expect(body).toMatchObject({
      ok: false,
      chain: { ok: true, count: 5 },
      checkpoints: { ok: false, reason: 'checkpointed-event-missing', failed: { index: 0, revision: 6 } },
    });
  });

  it('a checkpoint whose statement was edited in the database fails its signature', async () => {
    const c = await liveCase(audit, 'peshtera', 'accepted');
    await read(c, 'dossier.json');
    await sql.query(`update event_store.events set data = jsonb_set(data, '{statement,revision}', '0') where stream_name = $1`, [
      `checkpoint-case-${c.caseId}`,
    ]);
    expect((await read(c, 'verification')).body).toMatchObject({
      ok: false,
      chain: { ok: true },
      checkpoints: { ok: false, reason: 'bad-signature', failed: { index: 0, revision: 0 } },
    });
  });
});
