import { caseDecider, type CaseEvent, type RegisteredCase } from '../../src/case';
import { as, at, command, event, given, history } from './fixtures';

// GDPR art. 17 (on request) and art. 5(1)(e) (retention): a finished case's personal data are erased for good.
const REQUEST = 'erasure-1';
const erase = (role: 'data-protection-officer' | 'system' | 'registrar' = 'data-protection-officer') =>
  command('ErasePersonalData', { ground: 'data-subject-request', requestId: REQUEST }, { actor: as(role), now: at(11) });
const erased = (): CaseEvent =>
  event(
    'PersonalDataErased',
    { ground: 'data-subject-request', requestId: REQUEST },
    { actor: as('data-protection-officer'), now: at(11) },
  );

describe('ErasePersonalData', () => {
  it('the data protection officer erases a closed case once; the case remembers when', () => {
    const state = given(history.closed()).when(erase()).then([erased()]) as RegisteredCase;
    expect(state.status).toBe('Closed');
    expect(state.facts.erasedAt).toBe(at(11));
    given([...history.closed(), erased()])
      .when(erase())
      .then('PersonalDataAlreadyErased');
  });

  it('the platform erases when a retention period ended; nobody else may', () => {
    given(history.closed())
      .when(erase('system'))
      .then([event('PersonalDataErased', { ground: 'data-subject-request', requestId: REQUEST }, { actor: as('system'), now: at(11) })]);
    given(history.closed()).when(erase('registrar')).then('NotPermittedForRole');
  });

  it('not while the municipality still owes an answer', () => {
    given(history.assigned()).when(erase()).then('ErasureOfOpenCase');
    given(history.awaiting()).when(erase()).then('ErasureOfOpenCase');
  });

  it('nothing new is recorded on an erased case, except the fate of a message already on its way', () => {
    const gone = [...history.closed(), erased()];
    given(gone)
      .when(command('ReopenCase', { reason: 'Нови обстоятелства' }, { actor: as('registrar'), now: at(12) }))
      .then('PersonalDataAlreadyErased');
    const state = gone.reduce(caseDecider.evolve, caseDecider.initialState()) as RegisteredCase;
    expect(state.facts.erasedAt).toBe(at(11));
  });
});
