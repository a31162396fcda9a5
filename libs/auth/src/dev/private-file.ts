import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `content` to a file only this user may read (0600), in a directory made for this user alone (0700) when
 * it does not exist yet. The old file is removed first and the new one created exclusively: a file or a link
 * someone else left there is never written through, and the mode is the one given here, whatever the umask.
 */
export function writePrivateFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  rmSync(path, { force: true });
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}
