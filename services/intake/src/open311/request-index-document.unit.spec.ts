import type { CaseEvent } from '@civic/domain';
import { accepted, acceptedByRegistrar, assigned, CASE_ID, flaggedForCorruption, registeredEvent, routed } from '../../test/open311-cases';
import { nextDocument, type RequestIndexDocument } from './request-index-document';

/** Applies events at their revisions the way the projection does, keeping what a write would store. */
function project(events: readonly CaseEvent[], start: RequestIndexDocument | null = null): RequestIndexDocument | null {
  return events.reduce<RequestIndexDocument | null>((current, event, revision) => {
    const step = nextDocument(current, event, revision);
    if (step.action === 'refold') throw new Error(`unexpected gap at ${revision}`);
    return step.action === 'write' ? step.document : current;
  }, start);
}

describe('the GET requests read model, event by event', () => {
  const history = [registeredEvent(), accepted(), routed(), assigned()];

  it('keeps what the list filters on and the folded state', () => {
    const document = project(history);
    expect(document).toMatchObject({
      _id: CASE_ID,
      tenant: 'peshtera',
      registryNumber: 'PSH-2026-000012',
      kind: 'complaint',
      serviceCode: 'complaint.waste-cleanliness',
      requestedAt: new Date('2026-03-02T07:15:00.000Z'),
      open: true,
      revision: 3,
      state: { status: 'Assigned', unit: 'environment-waste' },
    });
    expect(JSON.stringify(document)).not.toContain('Иван');
  });

  it('says whether the case is confidential: not an ordinary one; a case flagged for corruption from the flag on', () => {
    expect(project(history)?.confidential).toBeNull();
    const flagged = [registeredEvent({ kind: 'signal' }), flaggedForCorruption(), acceptedByRegistrar(), routed()];
    expect(project(flagged.slice(0, 1))?.confidential).toBeNull();
    expect(project(flagged.slice(0, 2))?.confidential).toBe('corruption-signal');
    expect(project(flagged)?.confidential).toBe('corruption-signal');
    expect(project([registeredEvent({ kind: 'whistleblower-report', category: 'corruption' })])?.confidential).toBe('whistleblower-report');
  });

  it('changes nothing when the same events come again (redelivery, replay)', () => {
    const once = project(history);
    const twice = history.reduce<RequestIndexDocument | null>((current, event, revision) => {
      const step = nextDocument(current, event, revision);
      return step.action === 'write' ? step.document : current;
    }, once);
    expect(twice).toEqual(once);
    for (const [revision, event] of history.entries()) expect(nextDocument(once, event, revision)).toEqual({ action: 'skip' });
  });

  it('asks for a fold of the whole stream when it has fallen behind', () => {
    expect(nextDocument(null, accepted(), 1)).toEqual({ action: 'refold' });
    const registered = project(history.slice(0, 1));
    expect(nextDocument(registered, routed(), 2)).toEqual({ action: 'refold' });
  });
});
