import type { CaseHistory, CaseHistoryEntry } from '../../api/cases';

/** The revision an ETag names (`"7"` → 7); undefined for anything else (a weak or foreign tag). */
export function revisionOfEtag(etag: string): number | undefined {
  const match = /^"(\d+)"$/.exec(etag.trim());
  return match ? Number(match[1]) : undefined;
}

/** The entries after the revision the person was looking at: what changed since (oldest first). */
export function entriesSince(history: CaseHistory | undefined, revision: number | undefined): CaseHistoryEntry[] {
  if (!history || revision === undefined) return [];
  return history.entries.filter((entry) => entry.revision > revision);
}

/** A detail the service sent, as text (a string, a number or a boolean); undefined when absent or of another shape. */
export function detail(entry: CaseHistoryEntry, name: string): string | undefined {
  const value = entry.details[name];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * For those who read what was written: the n-th reply and the n-th answer of the desk view's content belong to
 * the n-th InformationProvided and CaseAnswered entries (both come from the same events, in order).
 */
export function writingIndex(entries: readonly CaseHistoryEntry[]): Map<number, number> {
  const counters = { InformationProvided: 0, CaseAnswered: 0 };
  const index = new Map<number, number>();
  for (const entry of entries) {
    if (entry.type === 'InformationProvided' || entry.type === 'CaseAnswered') index.set(entry.revision, counters[entry.type]++);
  }
  return index;
}
