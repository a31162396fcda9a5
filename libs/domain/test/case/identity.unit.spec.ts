import { caseAccess, caseDecider, caseStanding, type CaseEvent, type RegisteredCase, type Viewer } from '../../src/case';
import { as, at, command, event, given, history, OFFICER } from './fixtures';

// ЗЗЛПСПОИН чл. 31; Directive (EU) 2019/1937 art. 16(2)–(3): a whistleblower's identity is disclosed only with
// their explicit written consent or where the law obliges it; the designated officer records the exception.
const REASON = 'Писмено съгласие на подателя от 5.03.2026';
const report = (): CaseEvent[] => history.assigned({ kind: 'whistleblower-report' });
const disclose = (disclosedTo = OFFICER, reason = REASON) =>
  command(
    'RecordIdentityDisclosure',
    { ground: 'written-consent', disclosedTo, reason },
    { actor: as('anti-corruption-officer'), now: at(6) },
  );
const recorded = (disclosedTo = OFFICER) =>
  event(
    'IdentityDisclosureRecorded',
    { ground: 'written-consent', disclosedTo, reason: REASON },
    { actor: as('anti-corruption-officer'), now: at(6) },
  );
const accessOf = (viewer: Viewer, state: RegisteredCase) =>
  caseAccess(
    viewer,
    caseStanding(state, () => null),
  );

describe('RecordIdentityDisclosure', () => {
  it('the anti-corruption officer records the exception; the officer named then reads who made the report', () => {
    const officer: Viewer = { id: OFFICER, roles: ['officer'] };
    const before = report().reduce(caseDecider.evolve, caseDecider.initialState()) as RegisteredCase;
    expect(accessOf(officer, before)).toBe('content');
    const after = given(report()).when(disclose()).then([recorded()]) as RegisteredCase;
    expect(accessOf(officer, after)).toBe('full');
    // Nobody else gains anything by it.
    expect(accessOf({ id: 'officer-2', roles: ['officer'] }, after)).toBe('none');
  });

  it('only on a whistleblower report, only with a reason, once per person, only by the anti-corruption officer', () => {
    // An ordinary case the anti-corruption officer works (assigned to them): still no whistleblower to disclose.
    const theirs = [...history.routed(), event('CaseAssigned', { officerId: as('anti-corruption-officer').id }, { now: at(4) })];
    given(theirs).when(disclose()).then('NotAWhistleblowerReport');
    given(history.assigned()).when(disclose()).then('NotYourCase');
    given(report()).when(disclose(OFFICER, '  ')).then('ReasonRequired');
    given([...report(), recorded()])
      .when(disclose())
      .then('IdentityAlreadyDisclosed');
    given(report())
      .when(command('RecordIdentityDisclosure', { ground: 'legal-obligation', disclosedTo: 'x', reason: 'r' }, { actor: as('secretary') }))
      .then('NotPermittedForRole');
  });
});
