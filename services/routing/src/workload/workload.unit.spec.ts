import { evolveCaseLoad, type CaseLoad, type LoadEvent } from './workload';

const ev = (type: string, revision: number, officerId?: string): LoadEvent => ({
  type,
  tenant: 'sopot',
  caseId: 'c-1',
  revision,
  officerId,
});
const fold = (events: LoadEvent[], from: CaseLoad | null = null) => events.reduce(evolveCaseLoad, from);

describe('officer workload per case (least open cases per officer)', () => {
  it('assigned: the case counts for the officer (+1)', () => {
    expect(fold([ev('CaseRouted', 2), ev('CaseAssigned', 3, 'o-1')])).toEqual({
      _id: 'c-1',
      tenant: 'sopot',
      officerId: 'o-1',
      open: true,
      waiting: false,
      revision: 3,
    });
  });

  it('routed and not yet assigned: the case waits for an officer of its unit, and counts for nobody', () => {
    expect(fold([ev('CaseRouted', 2)])).toMatchObject({ officerId: null, open: false, waiting: true });
  });

  it.each(['CaseRedirected', 'CaseWithdrawn', 'CaseClosed'])('routed, then %s before any assignment: no longer waiting', (type) => {
    expect(fold([ev('CaseRouted', 2), ev(type, 3)])).toMatchObject({ waiting: false });
  });

  it.each(['CaseAnswered', 'CaseClosed', 'CaseRedirected', 'CaseWithdrawn', 'CaseLinkedAsDuplicate'])(
    '%s: the case no longer counts (−1)',
    (type) => {
      expect(fold([ev('CaseAssigned', 3, 'o-1'), ev(type, 4)])).toMatchObject({ officerId: 'o-1', open: false });
    },
  );

  it('reassigned: it counts for the new officer only', () => {
    expect(fold([ev('CaseAssigned', 3, 'o-1'), ev('CaseReassigned', 4, 'o-2')])).toMatchObject({ officerId: 'o-2', open: true });
  });

  it('re-routed: the assignment is cleared', () => {
    expect(fold([ev('CaseAssigned', 3, 'o-1'), ev('CaseRouted', 4)])).toMatchObject({ officerId: null, open: false, waiting: true });
  });

  it('reopened after an answer: back with the officer who answered', () => {
    expect(fold([ev('CaseAssigned', 3, 'o-1'), ev('CaseAnswered', 4), ev('CaseReopened', 5)])).toMatchObject({
      officerId: 'o-1',
      open: true,
    });
  });

  it('Idempotent: an event delivered twice, or an older one late, changes nothing (the same document back)', () => {
    const once = fold([ev('CaseAssigned', 3, 'o-1'), ev('CaseAnswered', 4)]);
    expect(evolveCaseLoad(once, ev('CaseAnswered', 4))).toBe(once);
    expect(evolveCaseLoad(once, ev('CaseAssigned', 3, 'o-1'))).toBe(once);
  });

  it('an event that does not concern workload leaves no document', () => {
    expect(evolveCaseLoad(null, ev('CaseAccepted', 1))).toBeNull();
  });
});
