import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFileWrapping } from '../../src/privacy';

/** A key file of the test's own, in a fresh private directory (mkdtemp makes it 0700), removed by `remove`. */
export interface TestKeyFile {
  path: string;
  wrapping: KeyFileWrapping;
  remove(): void;
}

export function testKeyFile(): TestKeyFile {
  const dir = mkdtempSync(join(tmpdir(), 'subject-keks-'));
  const path = join(dir, 'keks.json');
  return { path, wrapping: KeyFileWrapping.open(path, { create: true }), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
