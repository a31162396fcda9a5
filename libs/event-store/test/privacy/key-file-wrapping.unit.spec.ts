import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addKek, createKeyFile, KeyFileError, keyFileKeks, KeyFileWrapping, KeyUnwrapError, retireKek } from '../../src/privacy';

describe('KeyFileWrapping (the development adapter of KeyWrapping)', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'kek-unit-')), 'private');
    path = join(dir, 'keks.json');
  });

  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('makes the key file on first open when asked: a 0700 directory, a 0600 file, one 32-byte KEK', () => {
    const wrapping = KeyFileWrapping.open(path, { create: true });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.keks).toHaveLength(1);
    expect(Buffer.from(file.keks[0].key, 'base64')).toHaveLength(32);
    expect(wrapping.path).toBe(path);
  });

  it('never makes one unless asked (a configured file, production): a missing file is an error naming it', () => {
    expect(() => KeyFileWrapping.open(path)).toThrow(KeyFileError);
    expect(() => KeyFileWrapping.open(path)).toThrow(path);
  });

  it('of two opens at once, both use the one file made', async () => {
    const [a, b] = [KeyFileWrapping.open(path, { create: true }), KeyFileWrapping.open(path, { create: true })];
    expect(await a.currentKekId()).toBe(await b.currentKekId());
    expect(() => createKeyFile(path)).toThrow(/exists already/);
  });

  it('wraps a key into something else, and unwraps it for the same subject only', async () => {
    const wrapping = KeyFileWrapping.open(path, { create: true });
    const key = randomBytes(32);
    const wrapped = await wrapping.wrap('subject-a', key);
    expect(wrapped.kekId).toBe(await wrapping.currentKekId());
    expect(wrapped.wrappedKey.includes(key)).toBe(false);
    expect(await wrapping.unwrap('subject-a', wrapped)).toEqual(key);
    // Moved to another subject's record, it does not open.
    await expect(wrapping.unwrap('subject-b', wrapped)).rejects.toBeInstanceOf(KeyUnwrapError);
    const tampered = Buffer.from(wrapped.wrappedKey);
    tampered[tampered.length - 1] ^= 1;
    await expect(wrapping.unwrap('subject-a', { ...wrapped, wrappedKey: tampered })).rejects.toBeInstanceOf(KeyUnwrapError);
  });

  it('refuses a key file others may read, or one in a directory others may write to', () => {
    KeyFileWrapping.open(path, { create: true });
    chmodSync(path, 0o640);
    expect(() => KeyFileWrapping.open(path)).toThrow(/is open to others \(mode 640\)/);
    chmodSync(path, 0o600);
    chmodSync(dir, 0o777);
    expect(() => KeyFileWrapping.open(path)).toThrow(/which others may write to/);
  });

  it('rotation: a new KEK becomes current without a restart, the old one stays readable until retired', async () => {
    const wrapping = KeyFileWrapping.open(path, { create: true });
    const key = randomBytes(32);
    const old = await wrapping.wrap('subject', key);

    const added = addKek(path);
    expect(keyFileKeks(path)).toEqual({ current: added, ids: [old.kekId, added] });
    const fresh = await wrapping.wrap('subject', key);
    expect(fresh.kekId).toBe(added);
    expect(await wrapping.unwrap('subject', old)).toEqual(key);

    expect(() => retireKek(path, added)).toThrow(/current KEK/);
    retireKek(path, old.kekId);
    expect(keyFileKeks(path).ids).toEqual([added]);
    expect(await wrapping.unwrap('subject', fresh)).toEqual(key);
    await expect(wrapping.unwrap('subject', old)).rejects.toThrow(/not in/);
  });
});
