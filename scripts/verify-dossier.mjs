#!/usr/bin/env node
// Verifies a case dossier's signed head with the published key alone, without the platform and with Node's
// built-ins only (Node 20+). An auditor runs it on a dossier.json they received and a key they keep:
//
//   node scripts/verify-dossier.mjs dossier.json signing-keys.json
//
// The key is the platform's published key set (GET /public/signing-keys on analytics), one JWK from it, or an
// Ed25519 public key in PEM. Prints `valid: …` and exits 0, or `invalid: <reason>` and exits 1 (2: cannot run).
//
// What it proves: the platform signed, with that key, that event `revision` of this case had hash `headHash`,
// and the dossier's head and the links of its history agree with that. Each event's hash covers the one
// before it, so the signed hash stands for the whole history up to it as the platform recorded it. It does not
// recompute the events' hashes: the dossier shows events decrypted and in today's shape, the hashes cover them
// as stored. A later `verification` answer, or a later dossier of the same case, must show the same hash at
// that revision; if not, the record was changed after this dossier was signed.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const PURPOSE = 'civic-cases/chain-checkpoint/v1';
const GENESIS_HASH = '0'.repeat(64);

/** The same canonical JSON as the platform's (libs/event-store/src/audit/canonical-json.ts): sorted keys, no white space. */
export function canonicalJson(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('a non-finite number has no JSON form');
  return JSON.stringify(value);
}

/** RFC 7638 thumbprint of an Ed25519 public key (`x`, base64url): the platform's key id. */
export function keyIdOf(x) {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`, 'utf8').digest('base64url');
}

/** Public keys from a JWK set, one JWK, or a PEM public key: [{ kid, x }]. */
export function readKeys(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const jwk = createPublicKey(trimmed).export({ format: 'jwk' });
    if (jwk.crv !== 'Ed25519') throw new Error(`the PEM key is not an Ed25519 key (${jwk.crv ?? jwk.kty})`);
    return [{ kid: keyIdOf(jwk.x), x: jwk.x }];
  }
  const parsed = JSON.parse(trimmed);
  const jwks = Array.isArray(parsed.keys) ? parsed.keys : [parsed];
  // The key id is computed here from the key itself, never taken on trust from the file.
  return jwks
    .filter((jwk) => jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string')
    .map((jwk) => ({ kid: keyIdOf(jwk.x), x: jwk.x }));
}

/** The verdict on one dossier: { valid: true, detail } or { valid: false, reason }. Pure: no files, no clock. */
export function verifyDossier(dossier, keys) {
  const invalid = (reason) => ({ valid: false, reason });
  const signed = dossier?.signedHead;
  if (!signed || typeof signed !== 'object') return invalid('the dossier carries no signed head');
  if (typeof signed.refused === 'string')
    return invalid(`the platform refused to sign this head (${signed.refused}): ${signed.detail ?? ''}`.trim());
  const { statement, signature, keyId } = signed;
  if (!statement || typeof signature !== 'string') return invalid('the signed head has no statement or no signature');
  if (statement.purpose !== PURPOSE) return invalid(`the statement is not a ${PURPOSE} statement`);
  if (keyId !== statement.keyId) return invalid(`the signed head names key ${keyId}, its statement key ${statement.keyId}`);
  const key = keys.find((candidate) => candidate.kid === statement.keyId);
  if (!key)
    return invalid(
      `signed with key ${statement.keyId}, which is not among the keys given (${keys.map((k) => k.kid).join(', ') || 'none'})`,
    );
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' });
  if (!verify(null, Buffer.from(canonicalJson(statement), 'utf8'), publicKey, Buffer.from(signature, 'base64url'))) {
    return invalid(`the signature does not verify with key ${key.kid}: the statement was changed, or signed with another key`);
  }
  // The signature holds; now the dossier must be about what was signed.
  if (statement.tenant !== dossier.tenant) return invalid(`signed for tenant ${statement.tenant}, the dossier is of ${dossier.tenant}`);
  if (statement.stream !== `case-${dossier.caseId}`)
    return invalid(`signed for stream ${statement.stream}, the dossier is of case ${dossier.caseId}`);
  const head = dossier.head ?? {};
  if (statement.revision !== head.revision || statement.eventId !== head.eventId || statement.headHash !== head.hash) {
    return invalid(
      `the signed head (revision ${statement.revision}, event ${statement.eventId}, hash ${statement.headHash}) is not the dossier's head (revision ${head.revision}, event ${head.eventId}, hash ${head.hash})`,
    );
  }
  const history = Array.isArray(dossier.history) ? dossier.history : [];
  let previous = GENESIS_HASH;
  for (const [index, entry] of history.entries()) {
    if (entry.revision !== index) return invalid(`history: expected revision ${index}, found ${entry.revision}`);
    if (entry.previousHash !== previous)
      return invalid(`history: revision ${index} points at ${entry.previousHash}, the event before it has ${previous}`);
    previous = entry.hash;
  }
  const last = history[history.length - 1];
  if (!last || last.revision !== statement.revision || last.hash !== statement.headHash) {
    return invalid(`history: its last event is not the signed head (revision ${statement.revision})`);
  }
  return {
    valid: true,
    detail: `tenant ${statement.tenant}, case ${dossier.caseId}: revision ${statement.revision} has hash ${statement.headHash}, signed ${statement.signedAt} with key ${key.kid}; the history's ${history.length} links lead to it`,
  };
}

function main(argv) {
  const [dossierFile, keyFile] = argv;
  if (!dossierFile || !keyFile) {
    process.stderr.write('usage: node scripts/verify-dossier.mjs <dossier.json> <signing-keys.json | key.jwk | key.pem>\n');
    return 2;
  }
  let dossier;
  let keys;
  try {
    dossier = JSON.parse(readFileSync(dossierFile, 'utf8'));
    keys = readKeys(readFileSync(keyFile, 'utf8'));
  } catch (error) {
    process.stderr.write(`cannot read the input: ${error.message}\n`);
    return 2;
  }
  const verdict = verifyDossier(dossier, keys);
  process.stdout.write(verdict.valid ? `valid: ${verdict.detail}\n` : `invalid: ${verdict.reason}\n`);
  return verdict.valid ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
