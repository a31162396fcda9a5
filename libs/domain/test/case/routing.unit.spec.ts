import { as, at, command, event, given, history, OFFICER } from './fixtures';

describe('RouteCase', () => {
  const opts = { actor: as('system'), now: at(3) };
  const route = { unit: 'utilities', ruleId: 'lighting', ruleVersion: 3, urgent: false, inform: { units: [], roles: [] } };

  it('Charters (answer by the competent unit): an accepted case goes to the unit its routing rule chose, recording rule and version', () => {
    const state = given(history.accepted())
      .when(command('RouteCase', route, opts))
      .then([event('CaseRouted', route, opts)]);
    expect(state).toMatchObject({ status: 'Routed', unit: 'utilities', rule: { id: 'lighting', version: 3 } });
  });

  it('Lifecycle: a wrongly routed case can be re-routed before the answer; the assignment is cleared', () => {
    const reroute = { unit: 'roads', ruleId: 'manual', ruleVersion: 1, urgent: false, inform: { units: [], roles: [] } };
    const o = { actor: as('head-of-unit'), now: at(5) };
    const state = given(history.assigned())
      .when(command('RouteCase', reroute, o))
      .then([event('CaseRouted', reroute, o)]);
    expect(state).toMatchObject({ status: 'Routed', unit: 'roads' });
  });

  it('АПК чл. 111(4): a case without proceedings is never routed for handling: IllegalTransition', () => {
    given(history.noProceedings())
      .when(command('RouteCase', route, opts))
      .then('IllegalTransition');
  });

  it('Lifecycle: an unscreened case is not routed yet: IllegalTransition', () => {
    given(history.registered())
      .when(command('RouteCase', route, opts))
      .then('IllegalTransition');
  });
});

describe('AssignCase', () => {
  const opts = { actor: as('head-of-unit'), now: at(4) };

  it('Lifecycle: the head of the unit assigns a routed case to an officer', () => {
    const state = given(history.routed())
      .when(command('AssignCase', { officerId: 'officer-1' }, opts))
      .then([event('CaseAssigned', { officerId: 'officer-1' }, opts)]);
    expect(state).toMatchObject({ status: 'Assigned', unit: 'utilities', officerId: 'officer-1' });
  });

  it('the platform assigns within the unit by the tenant rules (actor system)', () => {
    const o = { actor: as('system'), now: at(4) };
    given(history.routed())
      .when(command('AssignCase', { officerId: 'officer-1' }, o))
      .then([event('CaseAssigned', { officerId: 'officer-1' }, o)]);
  });

  it('Lifecycle: an assigned case is reassigned, not assigned again: IllegalTransition', () => {
    given(history.assigned())
      .when(command('AssignCase', { officerId: 'officer-2' }, opts))
      .then('IllegalTransition');
  });

  it('role table: an officer does not assign cases: NotPermittedForRole', () => {
    given(history.routed())
      .when(command('AssignCase', { officerId: 'officer-1' }, { ...opts, actor: as('officer') }))
      .then('NotPermittedForRole');
  });
});

describe('ReassignCase', () => {
  const opts = { actor: as('head-of-unit'), now: at(6) };

  it('Lifecycle: reassigning records who had the case, who has it now, and why', () => {
    const state = given(history.assigned())
      .when(command('ReassignCase', { officerId: 'officer-2', reason: 'Отпуск' }, opts))
      .then([event('CaseReassigned', { fromOfficerId: OFFICER, officerId: 'officer-2', reason: 'Отпуск' }, opts)]);
    expect(state).toMatchObject({ status: 'Assigned', officerId: 'officer-2' });
  });

  it('Lifecycle: a case waiting for the submitter can change hands and still resumes with the new officer', () => {
    const state = given(history.awaiting())
      .when(command('ReassignCase', { officerId: 'officer-2', reason: 'Болничен' }, opts))
      .then([event('CaseReassigned', { fromOfficerId: OFFICER, officerId: 'officer-2', reason: 'Болничен' }, opts)]);
    expect(state).toMatchObject({ status: 'AwaitingSubmitter', resume: { status: 'Assigned', officerId: 'officer-2' } });
  });

  it('Lifecycle: reassigning needs a reason: ReasonRequired', () => {
    given(history.assigned())
      .when(command('ReassignCase', { officerId: 'officer-2', reason: ' ' }, opts))
      .then('ReasonRequired');
  });

  it('Lifecycle: reassigning to the same officer changes nothing: AlreadyAssignedToOfficer', () => {
    given(history.assigned())
      .when(command('ReassignCase', { officerId: OFFICER, reason: 'Грешка' }, opts))
      .then('AlreadyAssignedToOfficer');
  });

  it('Lifecycle: nobody to reassign from: IllegalTransition', () => {
    given(history.routed())
      .when(command('ReassignCase', { officerId: 'officer-2', reason: 'X' }, opts))
      .then('IllegalTransition');
  });
});

describe('RedirectCase', () => {
  const opts = { actor: as('officer'), now: at(5) };
  const data = { authority: 'РЗИ Пазарджик', reason: 'Контролът на питейната вода е от компетентността на РЗИ' };

  it('АПК чл. 31(2) (check: the article for proposals and signals): redirecting closes the case here and requires telling the submitter', () => {
    const state = given(history.assigned())
      .when(command('RedirectCase', data, opts))
      .then([event('CaseRedirected', { ...data, noticeToSubmitterRequired: true }, opts)]);
    expect(state).toMatchObject({ status: 'Redirected', authority: 'РЗИ Пазарджик' });
  });

  it('Lifecycle: an anonymous submitter cannot be told: the notice is not required', () => {
    const o = { actor: as('registrar'), now: at(3) };
    given(history.registered({ submitter: null, healthSafetyThreat: true }))
      .when(command('RedirectCase', data, o))
      .then([event('CaseRedirected', { ...data, noticeToSubmitterRequired: false }, o)]);
  });

  it('Lifecycle: redirecting while waiting for the submitter ends the clock pause', () => {
    const state = given(history.awaiting(true))
      .when(command('RedirectCase', data, opts))
      .then([event('CaseRedirected', { ...data, noticeToSubmitterRequired: true }, opts)]);
    expect(state.status !== 'NotRegistered' && state.facts.pauses).toEqual([{ from: at(5), to: at(5) }]);
  });

  it('Lifecycle: redirecting needs a reason the submitter can be given: ReasonRequired', () => {
    given(history.assigned())
      .when(command('RedirectCase', { ...data, reason: '' }, opts))
      .then('ReasonRequired');
  });

  it('Lifecycle: a redirected case is closed here: it cannot be answered (IllegalTransition)', () => {
    const redirected = [...history.assigned(), event('CaseRedirected', { ...data, noticeToSubmitterRequired: true }, opts)];
    // Nobody is assigned any more: the secretary, who may act on every ordinary case, is refused by its state.
    const secretary = { ...opts, actor: as('secretary') };
    given(redirected)
      .when(command('AnswerCase', { text: 'Отговор', attachments: [], channel: 'email' }, secretary))
      .then('IllegalTransition');
    given(redirected)
      .when(command('RedirectCase', data, secretary))
      .then('IllegalTransition');
  });
});
