import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { signingKeyIdOf, type CheckpointSigner } from '@civic/event-store';

/** The key file cannot be used: missing where none may be made, open to others, or not an Ed25519 key. */
export class SigningKeyFileError extends Error {
  constructor(path: string, why: string) {
    super(`the checkpoint signing key ${path} ${why} (ANALYTICS_CHECKPOINT_KEY_FILE)`);
    this.name = 'SigningKeyFileError';
  }
}

/**
 * The development adapter of the signing port: an Ed25519 private key in a PEM file of the service's user
 * alone. `create` (development only) makes one on first start in a private directory (0700, file 0600), as
 * the notification journal does; production never makes one: a key made by the process would live wherever
 * the process happens to run, with no backup and no published history. A KMS or HSM is a later adapter of
 * the same port (`CheckpointSigner`): `sign` becomes a call to it, and the private key never reaches here.
 */
export function openKeyFileSigner(path: string, options: { create: boolean }): CheckpointSigner {
  if (!existsSync(path)) {
    if (!options.create) throw new SigningKeyFileError(path, 'does not exist, and production never makes one; provision the key');
    makeKeyFile(path);
  }
  checkPrivate(path);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(path));
  } catch (error) {
    throw new SigningKeyFileError(path, `cannot be read as a private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyFileError(path, `holds a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  }
  const publicKey = createPublicKey(privateKey).export({ format: 'jwk' }).x as string;
  return {
    keyId: signingKeyIdOf(publicKey),
    publicKey,
    sign: async (bytes) => sign(null, bytes, privateKey),
  };
}

function makeKeyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  checkPrivate(dirname(path));
  const { privateKey } = generateKeyPairSync('ed25519');
  // `wx`: never overwrite a key another process made meanwhile; its checkpoints would no longer verify.
  try {
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** The file (and a made directory) must be this user's and closed to others: anyone who reads the key can sign. */
function checkPrivate(path: string): void {
  const found = statSync(path);
  const uid = process.getuid?.();
  if (uid !== undefined && found.uid !== uid) throw new SigningKeyFileError(path, `belongs to user ${found.uid}, not to this one (${uid})`);
  if ((found.mode & 0o077) !== 0) throw new SigningKeyFileError(path, `is open to others (mode ${(found.mode & 0o777).toString(8)})`);
}
