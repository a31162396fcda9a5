import { etagOf, pinnedRevision, readIfMatch } from './revision-headers';

describe('the revision headers', () => {
  it('give a revision as a strong entity tag', () => {
    expect(etagOf(7)).toBe('"7"');
  });

  it('read If-Match: absent or * asks nothing; tags name revisions; weak tags never match (strong comparison)', () => {
    expect(readIfMatch(undefined)).toEqual({ ok: true, precondition: { kind: 'any' } });
    expect(readIfMatch(' * ')).toEqual({ ok: true, precondition: { kind: 'any' } });
    expect(readIfMatch('"7"')).toEqual({ ok: true, precondition: { kind: 'one-of', revisions: [7] } });
    expect(readIfMatch('"6", "7"')).toEqual({ ok: true, precondition: { kind: 'one-of', revisions: [6, 7] } });
    expect(readIfMatch('W/"7"')).toEqual({ ok: true, precondition: { kind: 'one-of', revisions: [] } });
  });

  it('name If-Match when it is no entity tag', () => {
    for (const bad of ['7', '"seven"', '"7', '"-1"', '"7", x']) {
      expect([bad, readIfMatch(bad)]).toEqual([bad, { ok: false, problem: { field: 'If-Match', reason: expect.stringContaining('"7"') } }]);
    }
  });

  it('pin the decision to the current revision when the precondition holds', () => {
    expect(pinnedRevision({ kind: 'any' }, 4)).toBeUndefined();
    expect(pinnedRevision({ kind: 'one-of', revisions: [3, 4] }, 4)).toBe(4);
    expect(pinnedRevision({ kind: 'one-of', revisions: [3] }, 4)).toBe('mismatch');
  });
});
