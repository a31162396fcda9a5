import { generateKeyPairSync, verify, createPublicKey } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@civic/platform';
import { configSchema } from '../../config';
import { openKeyFileSigner, SigningKeyFileError } from './key-file-signer';

describe('the signing key file (the development adapter of the signing port)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'signing-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('in development: made on first start in a private directory (0700, file 0600), the same key on the next start', async () => {
    const path = join(dir, 'civic', 'checkpoint-signing', 'ed25519-private.pem');
    const first = openKeyFileSigner(path, { create: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'civic', 'checkpoint-signing')).mode & 0o777).toBe(0o700);
    const again = openKeyFileSigner(path, { create: true });
    expect(again.keyId).toBe(first.keyId);
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const bytes = Buffer.from('statement');
    const signature = await first.sign(bytes);
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: first.publicKey }, format: 'jwk' });
    expect(verify(null, bytes, publicKey, signature)).toBe(true);
  });

  it('in production: never makes one', () => {
    const path = join(dir, 'missing.pem');
    expect(() => openKeyFileSigner(path, { create: false })).toThrow(SigningKeyFileError);
    expect(() => openKeyFileSigner(path, { create: false })).toThrow(/production never makes one/);
  });

  it('refuses a key file others may read, and a key that is not Ed25519', () => {
    const open = join(dir, 'open.pem');
    writeFileSync(open, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o644 });
    chmodSync(open, 0o644);
    expect(() => openKeyFileSigner(open, { create: false })).toThrow(/is open to others \(mode 644\)/);

    const rsa = join(dir, 'rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(rsa, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    expect(() => openKeyFileSigner(rsa, { create: false })).toThrow(/holds a rsa key, not Ed25519/);
  });

  it('refuses to make a key in a directory open to others', () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    expect(() => openKeyFileSigner(join(shared, 'key.pem'), { create: true })).toThrow(/is open to others/);
  });
});

describe('the checkpoint settings', () => {
  const env = {
    HTTP_PORT: '3000',
    KAFKA_BROKERS: '127.0.0.1:9092',
    EVENT_STORE_URL: 'postgres://civic:Zq7-long-and-random@db.internal:5432/civic',
    MONGODB_URI: 'mongodb://db.internal:27017/civic',
    AUTH_JWKS_URL: 'https://id.example.bg/realms/civic/protocol/openid-connect/certs',
    AUTH_ISSUER: 'https://id.example.bg/realms/civic',
  };

  it('production must name its own key file; development has one under the home directory', () => {
    const problems = (() => {
      try {
        loadConfig(configSchema, { ...env, DEPLOYMENT: 'production' });
        return [];
      } catch (error) {
        return error instanceof ConfigError ? error.problems : [];
      }
    })();
    expect(problems).toContainEqual({
      variable: 'ANALYTICS_CHECKPOINT_KEY_FILE',
      reason: expect.stringContaining("production must set the deployment's own"),
    });
    const production = loadConfig(configSchema, {
      ...env,
      DEPLOYMENT: 'production',
      ANALYTICS_CHECKPOINT_KEY_FILE: '/run/secrets/checkpoint.pem',
      SUBJECT_KEK_FILE: '/run/secrets/subject-keks.json',
    });
    expect(production.ANALYTICS_CHECKPOINT_KEY_FILE).toBe('/run/secrets/checkpoint.pem');
    const development = loadConfig(configSchema, { ...env, DEPLOYMENT: 'development' });
    expect(development.ANALYTICS_CHECKPOINT_KEY_FILE).toMatch(/\.civic\/checkpoint-signing\/ed25519-private\.pem$/);
    expect(development.ANALYTICS_CHECKPOINT_INTERVAL_MS).toBe(600_000);
    expect(development.ANALYTICS_CHECKPOINT_RETIRED_KEYS).toEqual([]);
  });

  it('retired keys: comma-separated raw Ed25519 public keys, anything else refused', () => {
    const x = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
    expect(loadConfig(configSchema, { ...env, ANALYTICS_CHECKPOINT_RETIRED_KEYS: ` ${x} ,` }).ANALYTICS_CHECKPOINT_RETIRED_KEYS).toEqual([
      x,
    ]);
    expect(() => loadConfig(configSchema, { ...env, ANALYTICS_CHECKPOINT_RETIRED_KEYS: 'not-a-key' })).toThrow(/32 bytes base64url/);
    expect(() => loadConfig(configSchema, { ...env, ANALYTICS_CHECKPOINT_INTERVAL_MS: '10' })).toThrow(/at least 1000/);
  });
});
