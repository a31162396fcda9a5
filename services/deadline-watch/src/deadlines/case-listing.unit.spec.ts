import { listedFor, type CaseState, type RegisteredCase, type Viewer } from '@civic/domain';
import { listedForFilter } from '@civic/platform';
import { CaseStory, decideAll } from '../../test/case-story';
import { listingOf } from './case-listing';

const RECEIVED = '2026-03-02T07:15:00.000Z';

function registered(state: CaseState): RegisteredCase {
  if (state.status === 'NotRegistered') throw new Error('not registered');
  return state;
}
const stateOf = (story: CaseStory): RegisteredCase => registered(decideAll(story.commands).state);

const viewers: Record<string, Viewer> = {
  registrar: { id: 'peshtera:registrar', roles: ['registrar'] },
  'assigned officer': { id: 'peshtera:officer', roles: ['officer'] },
  'other officer': { id: 'peshtera:officer-2', roles: ['officer'] },
  'head of unit': { id: 'peshtera:head-of-unit', roles: ['head-of-unit'] },
  mayor: { id: 'peshtera:mayor', roles: ['mayor'] },
  ops: { id: 'peshtera:ops', roles: ['ops'] },
  'anti-corruption officer': { id: 'peshtera:aco', roles: ['anti-corruption-officer'] },
  auditor: { id: 'peshtera:auditor', roles: ['auditor'] },
};

describe('what the list rule reads of a case', () => {
  it('an ordinary complaint: not confidential; the officer once assigned', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    expect(listingOf(stateOf(story))).toEqual({ confidential: null, officerId: null });
    story.routeAndAssign(RECEIVED);
    expect(listingOf(stateOf(story))).toEqual({ confidential: null, officerId: 'peshtera:officer' });
  });

  it('a whistleblower report is confidential from registration', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED, 'whistleblower-report');
    expect(listingOf(stateOf(story)).confidential).toBe('whistleblower-report');
  });

  it('a complaint flagged for signs of corruption stays confidential once the flag is resolved', () => {
    const story = new CaseStory('peshtera');
    story.registerFlaggedForCorruption(RECEIVED);
    expect(listingOf(stateOf(story)).confidential).toBe('corruption-signal');
  });
});

describe('who finds a case in a deadline list', () => {
  const everyone = Object.keys(viewers);

  it.each(everyone)('every ordinary case is listed for the %s, also a document stored without the fields', (name) => {
    expect(listedFor(viewers[name], { confidential: null, officerId: null })).toBe(true);
    expect(listedFor(viewers[name], {})).toBe(true);
  });

  it.each<[string, boolean]>([
    ['registrar', false],
    ['assigned officer', true],
    ['other officer', false],
    ['head of unit', false],
    ['mayor', false],
    ['ops', false],
    ['anti-corruption officer', true],
    ['auditor', true],
  ])('a confidential case assigned to peshtera:officer, for the %s: %p', (name, listed) => {
    for (const confidential of ['whistleblower-report', 'corruption-signal'] as const) {
      expect(listedFor(viewers[name], { confidential, officerId: 'peshtera:officer' })).toBe(listed);
    }
  });

  it('the store filter says the same: nothing left out for the overseers; else ordinary or assigned to the viewer', () => {
    expect(listedForFilter(viewers['anti-corruption officer'])).toEqual({});
    expect(listedForFilter(viewers.auditor)).toEqual({});
    expect(listedForFilter(viewers.registrar)).toEqual({ $or: [{ confidential: null }, { officerId: 'peshtera:registrar' }] });
  });
});
