import { chmodSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePrivateFile } from './private-file';

// Issue 21, item 10: the development issuer's tokens (a 12-hour token for every role) went to output others could
// read. They go to a file of this user alone now.
describe('a file of development secrets', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'private-file-'));

  it('is readable by its owner alone, in a directory made for its owner alone, whatever the umask', () => {
    const previous = process.umask(0);
    try {
      const path = join(folder(), 'civic', 'tokens.tsv');
      writePrivateFile(path, 'ops\tpeshtera:ops\tОпс\teyJ…\n');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
      expect(readFileSync(path, 'utf8')).toBe('ops\tpeshtera:ops\tОпс\teyJ…\n');
    } finally {
      process.umask(previous);
    }
  });

  it('replaces a file others could read, rather than writing into it', () => {
    const path = join(folder(), 'tokens.tsv');
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    writePrivateFile(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('never writes through a link left in its place', () => {
    const dir = folder();
    const elsewhere = join(dir, 'elsewhere');
    writeFileSync(elsewhere, 'untouched');
    symlinkSync(elsewhere, join(dir, 'tokens.tsv'));
    writePrivateFile(join(dir, 'tokens.tsv'), 'secret');
    expect(readFileSync(elsewhere, 'utf8')).toBe('untouched');
    expect(readFileSync(join(dir, 'tokens.tsv'), 'utf8')).toBe('secret');
  });
});
