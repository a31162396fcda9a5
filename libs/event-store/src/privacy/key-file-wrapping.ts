import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { KeyUnwrapError, type KeyWrapping, type WrappedKey } from './key-wrapping';

const ALGORITHM = 'aes-256-gcm';
const KEK_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key file: every KEK still readable, and which one wraps new keys. */
interface KeyFile {
  version: 1;
  current: string;
  keks: { id: string; key: string; createdAt: string }[];
}

/** Where development keeps its key file when SUBJECT_KEK_FILE is unset: under the user's home, made on first start. */
export function defaultKeyFile(): string {
  return join(homedir(), '.civic', 'subject-keks', 'keks.json');
}

/** The key file is missing, malformed, or not private to the service's user. */
export class KeyFileError extends Error {
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(`The subject keys' key-encryption key file ${path} ${why}`);
    this.name = 'KeyFileError';
  }
}

/**
 * The development adapter of `KeyWrapping`: AES-256 KEKs in a JSON file readable by the service's user alone
 * (0600, in a directory no one else may write to), AES-256-GCM with the KEK id and the subject id as
 * associated data. It notices a rotation without a restart (every call compares the file's inode, size and
 * time with the last read, one stat): new keys are wrapped under the new current KEK, and a retired KEK opens
 * nothing any more.
 *
 * `create`: make the file (with one KEK, in a new 0700 directory) when it does not exist. Only for the
 * development default path: a configured file, and any file in production, must exist already
 * (`createKeyFile`, or the secret store's mount).
 */
export class KeyFileWrapping implements KeyWrapping {
  private keks = new Map<string, Buffer>();
  private current = '';
  private seen: Pick<Stats, 'ino' | 'size' | 'mtimeMs'> | undefined;

  private constructor(readonly path: string) {}

  static open(path: string, { create = false }: { create?: boolean } = {}): KeyFileWrapping {
    if (create) {
      try {
        createKeyFile(path);
      } catch (error) {
        if (!(error instanceof KeyFileExistsError)) throw error;
      }
    }
    const wrapping = new KeyFileWrapping(path);
    wrapping.refresh();
    return wrapping;
  }

  async wrap(subjectId: string, key: Buffer): Promise<WrappedKey> {
    this.refresh();
    const kekId = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.kek(kekId, subjectId), iv);
    cipher.setAAD(associatedData(kekId, subjectId));
    const ct = Buffer.concat([cipher.update(key), cipher.final()]);
    return { kekId, wrappedKey: Buffer.concat([iv, cipher.getAuthTag(), ct]) };
  }

  async unwrap(subjectId: string, { kekId, wrappedKey }: WrappedKey): Promise<Buffer> {
    this.refresh();
    const kek = this.kek(kekId, subjectId);
    try {
      const decipher = createDecipheriv(ALGORITHM, kek, wrappedKey.subarray(0, IV_BYTES));
      decipher.setAAD(associatedData(kekId, subjectId));
      decipher.setAuthTag(wrappedKey.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(wrappedKey.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new KeyUnwrapError(subjectId, kekId, 'it does not authenticate (tampered, or wrapped for another subject)');
    }
  }

  async currentKekId(): Promise<string> {
    this.refresh();
    return this.current;
  }

  private kek(kekId: string, subjectId: string): Buffer {
    const kek = this.keks.get(kekId);
    if (!kek) throw new KeyUnwrapError(subjectId, kekId, `the KEK is not in ${this.path} (retired before every key was rewrapped?)`);
    return kek;
  }

  /** Reads the file again when it changed since the last read. */
  private refresh(): void {
    const stats = statSync(this.path, { throwIfNoEntry: false });
    if (!stats) throw new KeyFileError(this.path, 'does not exist');
    if (this.seen && stats.ino === this.seen.ino && stats.size === this.seen.size && stats.mtimeMs === this.seen.mtimeMs) return;
    const file = readKeyFile(this.path);
    this.keks = new Map(file.keks.map(({ id, key }) => [id, Buffer.from(key, 'base64')]));
    this.current = file.current;
    this.seen = stats;
  }
}

class KeyFileExistsError extends KeyFileError {
  constructor(path: string) {
    super(path, 'exists already');
  }
}

/** Makes a key file with one fresh KEK (its directory 0700 if new, the file 0600); refuses to overwrite one. Returns the KEK id. */
export function createKeyFile(path: string): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  checkDirectory(path);
  const kek = freshKek();
  // Written aside, then linked into place: of services starting at once, one file wins and all read it.
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, serialize({ version: 1, current: kek.id, keks: [kek] }), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KeyFileExistsError(path);
    throw error;
  } finally {
    unlinkSync(aside);
  }
  return kek.id;
}

/** Rotation, step one: a new KEK becomes current; the old ones stay readable. Returns the new KEK's id. */
export function addKek(path: string): string {
  const file = readKeyFile(path);
  const kek = freshKek();
  replaceKeyFile(path, { version: 1, current: kek.id, keks: [...file.keks, kek] });
  return kek.id;
}

/** Rotation, last step: removes a KEK no subject key is wrapped under any more (the caller checks that). Never the current one. */
export function retireKek(path: string, kekId: string): void {
  const file = readKeyFile(path);
  if (kekId === file.current) throw new KeyFileError(path, `has ${kekId} as its current KEK: add a new one first`);
  if (!file.keks.some((kek) => kek.id === kekId)) throw new KeyFileError(path, `holds no KEK ${kekId}`);
  replaceKeyFile(path, { ...file, keks: file.keks.filter((kek) => kek.id !== kekId) });
}

/** The KEK ids in the file and the current one. */
export function keyFileKeks(path: string): { current: string; ids: string[] } {
  const file = readKeyFile(path);
  return { current: file.current, ids: file.keks.map((kek) => kek.id) };
}

function readKeyFile(path: string): KeyFile {
  checkDirectory(path);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new KeyFileError(path, 'does not exist');
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) throw new KeyFileError(path, `belongs to user ${stats.uid}, not to this one (${uid})`);
  if ((stats.mode & 0o077) !== 0)
    throw new KeyFileError(path, `is open to others (mode ${(stats.mode & 0o777).toString(8)}); make it 0600`);
  let file: KeyFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch {
    throw new KeyFileError(path, 'is not JSON');
  }
  const valid =
    file?.version === 1 &&
    Array.isArray(file.keks) &&
    file.keks.every((kek) => typeof kek.id === 'string' && Buffer.from(String(kek.key), 'base64').length === KEK_BYTES) &&
    file.keks.some((kek) => kek.id === file.current);
  if (!valid) throw new KeyFileError(path, 'is not a key file (version 1, a current KEK among keks of 32 bytes each)');
  return file;
}

/** Someone else who may write into the directory could swap the file for one of their own. */
function checkDirectory(path: string): void {
  const dir = dirname(path);
  const stats = statSync(dir);
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid && stats.uid !== 0)
    throw new KeyFileError(path, `is in ${dir}, which belongs to user ${stats.uid}`);
  if ((stats.mode & 0o022) !== 0)
    throw new KeyFileError(path, `is in ${dir}, which others may write to (mode ${(stats.mode & 0o777).toString(8)})`);
}

function replaceKeyFile(path: string, file: KeyFile): void {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, serialize(file), { mode: 0o600, flag: 'wx' });
  renameSync(aside, path);
}

function freshKek(): KeyFile['keks'][number] {
  return {
    id: `kek-${randomBytes(8).toString('hex')}`,
    key: randomBytes(KEK_BYTES).toString('base64'),
    createdAt: new Date().toISOString(),
  };
}

function serialize(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

// A JSON array keeps the parts apart unambiguously; the label keeps these tags apart from any other use of the KEK.
function associatedData(kekId: string, subjectId: string): Buffer {
  return Buffer.from(JSON.stringify(['civic-subject-key', kekId, subjectId]), 'utf8');
}
