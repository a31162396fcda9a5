import { appendFileSync, mkdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A local, append-only note of every message a server accepted, written in the same event-loop turn as the
 * acceptance arrives and before the outbox is told (a MongoDB round trip later). A process that is killed
 * in between leaves the line in the file: the kernel keeps it, only a machine crash loses it. On start the
 * sender marks those messages sent before it looks for work, so they are not sent again. This narrows the
 * one window in which a crash could send a message twice from a database round trip to microseconds
 * (NOTIFICATION.md, "Exactly once").
 */
export class SentJournal {
  readonly path: string;

  constructor(dir: string, name: string) {
    privateDirectory(dir);
    this.path = join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.journal`);
  }

  /** Synchronous on purpose: nothing else runs between the server's "accepted" and this line. */
  note(notificationId: string): void {
    appendFileSync(this.path, `${notificationId}\n`, { mode: 0o600 });
  }

  /** The ids noted and not yet cleared. */
  read(): string[] {
    try {
      return readFileSync(this.path, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Only when every noted id is also marked in the outbox (after recovery, or when the sender is idle). */
  clear(): void {
    try {
      if (statSync(this.path).size > 0) truncateSync(this.path, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** The journal's directory is not the service user's own and private: someone else could pre-fill it. */
export class JournalDirectoryError extends Error {
  constructor(dir: string, why: string) {
    super(
      `the notification journal's directory ${dir} ${why}; use a directory of the service's user alone (mode 0700), NOTIFICATION_JOURNAL_DIR`,
    );
    this.name = 'JournalDirectoryError';
  }
}

/**
 * Creates the directory for this user alone (0700), or checks that an existing one is: an id written into the
 * journal by anyone else would make the sender count a message as sent that never was.
 */
function privateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const found = statSync(dir);
  const uid = process.getuid?.();
  if (uid !== undefined && found.uid !== uid)
    throw new JournalDirectoryError(dir, `belongs to user ${found.uid}, not to this one (${uid})`);
  if ((found.mode & 0o077) !== 0) throw new JournalDirectoryError(dir, `is open to others (mode ${(found.mode & 0o777).toString(8)})`);
}
