import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalDirectoryError, SentJournal } from './sent-journal';

describe("the notification sender's journal", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'journal-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("makes its directory the service user's alone and its file readable by it alone", () => {
    const journal = new SentJournal(join(root, 'journal'), 'notification');
    journal.note('n-1');
    expect(statSync(join(root, 'journal')).mode & 0o777).toBe(0o700);
    expect(statSync(journal.path).mode & 0o777).toBe(0o600);
    expect(journal.read()).toEqual(['n-1']);
  });

  it('refuses a directory others may write into, where ids could be planted so that messages count as sent', () => {
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(() => new SentJournal(shared, 'notification')).toThrow(JournalDirectoryError);
    expect(() => new SentJournal(shared, 'notification')).toThrow(/is open to others \(mode 777\)/);
  });
});
