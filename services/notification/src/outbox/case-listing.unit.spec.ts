import { foldCase, type RegisteredCase, type Viewer } from '@civic/domain';
import { CaseScript } from '../../test/cases';
import { accessOf, listedInFor } from './case-listing';

const stateOf = (script: CaseScript): RegisteredCase => {
  const state = foldCase(script.history());
  if (state.status === 'NotRegistered') throw new Error('not registered');
  return state;
};

const ordinary = stateOf(new CaseScript().accept().routeAndAssign('environment-waste', 'peshtera:officer'));
const corruption = stateOf(new CaseScript().flagForCorruption().routeAndAssign('environment-waste', 'peshtera:officer'));
const whistleblower = stateOf(new CaseScript({ kind: 'whistleblower-report' }).accept());

const viewers: Record<string, Viewer> = {
  registrar: { id: 'peshtera:registrar', roles: ['registrar'] },
  'assigned officer': { id: 'peshtera:officer', roles: ['officer'] },
  'other officer': { id: 'peshtera:officer-2', roles: ['officer'] },
  'head of unit': { id: 'peshtera:head-of-unit', roles: ['head-of-unit'] },
  secretary: { id: 'peshtera:secretary', roles: ['secretary'] },
  'anti-corruption officer': { id: 'peshtera:aco', roles: ['anti-corruption-officer'] },
};

describe("which cases exist for a member of staff in notification's answers", () => {
  it.each<[string, boolean, boolean, boolean]>([
    // viewer,                 ordinary, corruption signal (assigned), whistleblower report (unassigned)
    ['registrar', true, false, false],
    ['assigned officer', true, true, false],
    ['other officer', true, false, false],
    ['head of unit', true, false, false],
    ['secretary', true, false, false],
    ['anti-corruption officer', true, true, true],
  ])('listed for the %s: %p, %p, %p', (name, complaint, signal, report) => {
    expect([ordinary, corruption, whistleblower].map((state) => listedInFor(viewers[name], state))).toEqual([complaint, signal, report]);
  });

  it('a case read: none for whom a confidential case does not exist; full for the anti-corruption officer', () => {
    expect(accessOf(viewers.registrar, ordinary)).toBe('full');
    expect(accessOf(viewers.registrar, corruption)).toBe('none');
    expect(accessOf(viewers.registrar, whistleblower)).toBe('none');
    expect(accessOf(viewers['head of unit'], corruption)).toBe('none'); // no unit heads here: stricter
    expect(accessOf(viewers['assigned officer'], corruption)).toBe('full');
    expect(accessOf(viewers['anti-corruption officer'], whistleblower)).toBe('full');
    expect(accessOf(viewers['anti-corruption officer'], ordinary)).toBe('record');
  });
});
