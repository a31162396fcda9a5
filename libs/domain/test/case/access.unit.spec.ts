import {
  caseAccess,
  caseDecider,
  caseStanding,
  CORRUPTION_FLAG,
  listsEveryConfidentialCase,
  type CaseAccess,
  type CaseEvent,
  type CaseFlag,
  type RegisteredCase,
  type Role,
  type Viewer,
} from '../../src/case';
import { at, event, history, OFFICER } from './fixtures';

const fold = (events: CaseEvent[]): RegisteredCase => {
  const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
  if (state.status === 'NotRegistered') throw new Error('not registered');
  return state;
};

const corruptionFlag: CaseFlag = {
  code: CORRUPTION_FLAG,
  reason: { bg: 'Признаци на корупция', en: 'Signs of corruption' },
  matched: ['подкуп'],
  source: 'АПК чл. 107',
};

/** The fixtures' case is routed to `utilities` and assigned to their officer; `head-1` heads that unit. */
const heads = (unit: string): string | null => (unit === 'utilities' ? 'head-1' : null);
const ordinary = fold(history.assigned());
const corruption = fold([
  ...history.registered({ kind: 'signal' }),
  event('CaseFlagged', { flags: [corruptionFlag] }, { now: at(3) }),
  event('CaseAccepted', { basis: 'registrar-decision', reason: 'Към служителя по корупция' }, { now: at(3) }),
  event(
    'CaseRouted',
    { unit: 'utilities', ruleId: 'corruption-indicator', ruleVersion: 1, urgent: false, inform: { units: [], roles: [] } },
    { now: at(3) },
  ),
  event('CaseAssigned', { officerId: OFFICER }, { now: at(4) }),
]);
const whistleblower = fold(history.assigned({ kind: 'whistleblower-report' }));

const viewers: Record<string, Viewer> = {
  registrar: { id: 'registrar-1', roles: ['registrar'] },
  'assigned officer': { id: OFFICER, roles: ['officer'] },
  'other officer': { id: 'officer-2', roles: ['officer'] },
  'head of the unit': { id: 'head-1', roles: ['head-of-unit'] },
  'head of another unit': { id: 'head-2', roles: ['head-of-unit'] },
  secretary: { id: 'secretary-1', roles: ['secretary'] },
  mayor: { id: 'mayor-1', roles: ['mayor'] },
  'anti-corruption officer': { id: 'aco-1', roles: ['anti-corruption-officer'] },
  ops: { id: 'ops-1', roles: ['ops'] },
  'tenant admin': { id: 'admin-1', roles: ['tenant-admin'] },
  auditor: { id: 'auditor-1', roles: ['auditor'] },
  'data protection officer': { id: 'dpo-1', roles: ['data-protection-officer'] },
};

const expected: [string, CaseAccess, CaseAccess, CaseAccess][] = [
  // viewer,                   complaint, corruption signal, whistleblower report
  ['registrar', 'full', 'none', 'none'],
  ['assigned officer', 'full', 'full', 'content'],
  ['other officer', 'record', 'none', 'none'],
  ['head of the unit', 'full', 'full', 'content'],
  ['head of another unit', 'record', 'none', 'none'],
  ['secretary', 'full', 'none', 'none'],
  ['mayor', 'full', 'none', 'none'],
  ['anti-corruption officer', 'record', 'full', 'full'],
  ['ops', 'record', 'none', 'none'],
  ['tenant admin', 'none', 'none', 'none'],
  ['auditor', 'record', 'record', 'record'],
  // Not through the staff's rules: a person's requests about their data are to have routes of their own.
  ['data protection officer', 'none', 'none', 'none'],
];

describe('caseAccess: who sees which case, and how much of it', () => {
  it.each(expected)('%s: a complaint %s, a corruption signal %s, a whistleblower report %s', (who, complaint, signal, report) => {
    const viewer = viewers[who];
    expect(caseAccess(viewer, caseStanding(ordinary, heads))).toBe(complaint);
    expect(caseAccess(viewer, caseStanding(corruption, heads))).toBe(signal);
    expect(caseAccess(viewer, caseStanding(whistleblower, heads))).toBe(report);
  });

  it('takes the most any of the roles allows', () => {
    const both: Viewer = { id: 'x', roles: ['ops', 'registrar'] as Role[] };
    expect(caseAccess(both, caseStanding(ordinary, heads))).toBe('full');
  });

  it('before routing, only the registrar, the secretary and the mayor read an ordinary case', () => {
    const registered = caseStanding(fold(history.registered()), heads);
    expect(caseAccess(viewers.registrar, registered)).toBe('full');
    expect(caseAccess(viewers['head of the unit'], registered)).toBe('record');
    expect(caseAccess(viewers['assigned officer'], registered)).toBe('record');
  });

  it('a case waiting for the submitter is still its officer’s', () => {
    const awaiting = caseStanding(fold(history.awaiting()), heads);
    expect(awaiting).toMatchObject({ unit: 'utilities', officerId: OFFICER, unitHeadId: 'head-1' });
    expect(caseAccess(viewers['assigned officer'], awaiting)).toBe('full');
  });
});

describe('listsEveryConfidentialCase', () => {
  it('the anti-corruption officer and auditors; nobody else', () => {
    const listing = Object.entries(viewers).filter(([, viewer]) => listsEveryConfidentialCase(viewer));
    expect(listing.map(([who]) => who)).toEqual(['anti-corruption officer', 'auditor']);
  });
});

describe('confidentiality', () => {
  it('a whistleblower report is confidential from registration', () => {
    expect(fold(history.registered({ kind: 'whistleblower-report' })).facts.confidential).toBe('whistleblower-report');
  });

  it('a corruption flag makes the case confidential, and resolving the flag does not undo it', () => {
    expect(corruption.facts.confidential).toBe('corruption-signal');
  });

  it('an ordinary flag does not', () => {
    expect(fold(history.flagged()).facts.confidential).toBeNull();
  });
});
