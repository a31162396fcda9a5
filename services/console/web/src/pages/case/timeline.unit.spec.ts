import type { CaseHistory, CaseHistoryEntry } from '../../api/cases';
import { detail, entriesSince, revisionOfEtag, writingIndex } from './timeline';

const entry = (revision: number, type: CaseHistoryEntry['type'], details: Record<string, unknown> = {}): CaseHistoryEntry => ({
  revision,
  type,
  occurredAt: '2026-11-16T09:00:00.000Z',
  actor: { id: 'peshtera:officer', role: 'officer' },
  details,
});
const history: CaseHistory = {
  caseId: 'c',
  revision: 6,
  access: 'full',
  entries: [
    entry(0, 'CaseRegistered'),
    entry(3, 'CaseAssigned', { officerId: 'peshtera:officer' }),
    entry(4, 'InformationProvided'),
    entry(5, 'DeadlineExtended', { newFinalDate: '2027-01-04', reason: 'Проверка.' }),
    entry(6, 'CaseAnswered', { channel: 'email', attachments: 0 }),
  ],
};

describe('the timeline', () => {
  it('reads the revision an ETag names, and nothing from a weak or malformed one', () => {
    expect(revisionOfEtag('"7"')).toBe(7);
    expect(revisionOfEtag('W/"7"')).toBeUndefined();
    expect(revisionOfEtag('seven')).toBeUndefined();
  });

  it('what changed since a revision: the entries after it', () => {
    expect(entriesSince(history, 4).map((e) => e.type)).toEqual(['DeadlineExtended', 'CaseAnswered']);
    expect(entriesSince(history, 6)).toEqual([]);
    expect(entriesSince(undefined, 4)).toEqual([]);
    expect(entriesSince(history, undefined)).toEqual([]);
  });

  it('details as text, nothing for objects or absent ones', () => {
    expect(detail(history.entries[3], 'newFinalDate')).toBe('2027-01-04');
    expect(detail(history.entries[4], 'attachments')).toBe('0');
    expect(detail(history.entries[4], 'missing')).toBeUndefined();
    expect(detail(entry(1, 'CaseFlagged', { flags: [{ code: 'x' }] }), 'flags')).toBeUndefined();
  });

  it('pairs the n-th reply and answer with the n-th such entry', () => {
    const more = [...history.entries, entry(8, 'InformationProvided'), entry(9, 'CaseAnswered')];
    expect([...writingIndex(more)]).toEqual([
      [4, 0],
      [6, 0],
      [8, 1],
      [9, 1],
    ]);
  });
});
