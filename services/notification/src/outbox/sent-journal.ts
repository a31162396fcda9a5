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
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.journal`);
  }

  /** Synchronous on purpose: nothing else runs between the server's "accepted" and this line. */
  note(notificationId: string): void {
    appendFileSync(this.path, `${notificationId}\n`);
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
