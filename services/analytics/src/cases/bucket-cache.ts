import type { CaseRow } from '../projection/case-rows';

interface Entry {
  version: number;
  rows: CaseRow[];
}

/**
 * Buckets read and decoded, per generation and version, kept for the next request: a bucket is fetched
 * again only when its tenant's index names another version (generation-store.ts keeps the index at or
 * above every bucket's version, so a bucket cached at the version the index names is the bucket stored).
 * Bounded by rows; the least recently used buckets go first.
 */
export class BucketCache {
  private readonly entries = new Map<string, Entry>();
  private rows = 0;

  constructor(private readonly maxRows: number) {}

  get(key: string, version: number): CaseRow[] | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.rows;
  }

  set(key: string, version: number, rows: CaseRow[]): void {
    this.delete(key);
    if (rows.length > this.maxRows) return;
    this.entries.set(key, { version, rows });
    this.rows += rows.length;
    for (const [oldest, entry] of this.entries) {
      if (this.rows <= this.maxRows) break;
      this.entries.delete(oldest);
      this.rows -= entry.rows.length;
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.rows -= entry.rows.length;
  }
}
