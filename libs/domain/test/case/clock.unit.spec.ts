import { as, at, command, event, given, history, OFFICER } from './fixtures';

describe('RequestInformation', () => {
  const opts = { actor: as('officer'), now: at(5) };

  it('АПК чл. 111(3): the submitter is told what is missing; the clock pauses when the tenant policy says so', () => {
    const state = given(history.assigned())
      .when(command('RequestInformation', { missing: 'Точен адрес', pausesClock: true }, opts))
      .then([event('InformationRequested', { missing: 'Точен адрес', pausesClock: true }, opts)]);
    expect(state).toMatchObject({
      status: 'AwaitingSubmitter',
      request: { pausesClock: true, since: at(5) },
      resume: { status: 'Assigned', officerId: OFFICER },
    });
  });

  it('АПК чл. 111(3): the registrar may ask for the written form before screening', () => {
    const o = { actor: as('registrar'), now: at(3) };
    given(history.registered())
      .when(command('RequestInformation', { missing: 'Писмена форма', pausesClock: false }, o))
      .then([event('InformationRequested', { missing: 'Писмена форма', pausesClock: false }, o)]);
  });

  it('АПК чл. 111(3): saying what is missing is the point of the request: ReasonRequired when blank', () => {
    given(history.assigned())
      .when(command('RequestInformation', { missing: '', pausesClock: true }, opts))
      .then('ReasonRequired');
  });

  it('Lifecycle: one request at a time, and none after the answer: IllegalTransition', () => {
    const data = { missing: 'Снимка', pausesClock: true };
    given(history.awaiting())
      .when(command('RequestInformation', data, opts))
      .then('IllegalTransition');
    given(history.answered())
      .when(command('RequestInformation', data, opts))
      .then('IllegalTransition');
  });
});

describe('ProvideInformation', () => {
  const opts = { actor: as('citizen'), now: at(8) };
  const reply = { text: 'ул. „Дойранска епопея“ 17', attachments: [] };

  it('ЗДОИ / tenant policy: the reply resumes the case and ends the pause, which the state keeps for the due date', () => {
    const state = given(history.awaiting(true))
      .when(command('ProvideInformation', reply, opts))
      .then([event('InformationProvided', { ...reply, pausedSince: at(5) }, opts)]);
    expect(state).toMatchObject({ status: 'Assigned', officerId: OFFICER, facts: { pauses: [{ from: at(5), to: at(8) }] } });
  });

  it('tenant policy without pausing: the reply resumes the case and no pause is counted', () => {
    const state = given(history.awaiting(false))
      .when(command('ProvideInformation', reply, opts))
      .then([event('InformationProvided', { ...reply, pausedSince: null }, opts)]);
    expect(state).toMatchObject({ status: 'Assigned', facts: { pauses: [] } });
  });

  it('Lifecycle: nothing was asked, so nothing can be provided: IllegalTransition', () => {
    given(history.assigned())
      .when(command('ProvideInformation', reply, opts))
      .then('IllegalTransition');
  });

  it('role table: an auditor never writes: NotPermittedForRole', () => {
    given(history.awaiting())
      .when(command('ProvideInformation', reply, { ...opts, actor: as('auditor') }))
      .then('NotPermittedForRole');
  });
});

describe('ExtendDeadline', () => {
  const opts = { actor: as('secretary'), now: at(20) };
  const extension = { reason: 'Нужна е проверка на място', newFinalDate: '2026-06-02', maxFinalDate: '2026-09-02' };

  it('АПК чл. 118(2): the term for a proposal is extended with a reason, and the submitter must be told', () => {
    const state = given(history.assigned({ kind: 'proposal' }))
      .when(command('ExtendDeadline', extension, opts))
      .then([event('DeadlineExtended', { ...extension, maxFinalDate: '2026-09-02', noticeToSubmitterRequired: true }, opts)]);
    expect(state).toMatchObject({ facts: { extensions: [{ newFinalDate: '2026-06-02', at: at(20) }] } });
  });

  it('Peshtera charter: the submitter is told the reasons — extending without a reason is refused: ExtensionWithoutReason', () => {
    given(history.assigned())
      .when(command('ExtendDeadline', { ...extension, reason: ' ' }, opts))
      .then('ExtensionWithoutReason');
  });

  it('АПК чл. 118(2): not beyond 6 months for proposals — beyond the legal maximum is refused: ExtensionBeyondLegalMaximum', () => {
    given(history.assigned({ kind: 'proposal' }))
      .when(command('ExtendDeadline', { ...extension, newFinalDate: '2026-09-03' }, opts))
      .then('ExtensionBeyondLegalMaximum');
  });

  it('АПК чл. 118(2): the legal maximum itself is allowed', () => {
    given(history.assigned({ kind: 'proposal' }))
      .when(command('ExtendDeadline', { ...extension, newFinalDate: '2026-09-02' }, opts))
      .then([event('DeadlineExtended', { ...extension, newFinalDate: '2026-09-02', noticeToSubmitterRequired: true }, opts)]);
  });

  it('tenant policy without extensions (maxFinalDate null): ExtensionNotAllowed', () => {
    given(history.assigned())
      .when(command('ExtendDeadline', { ...extension, maxFinalDate: null }, opts))
      .then('ExtensionNotAllowed');
  });

  it('Peshtera charter ("the final date"): a further extension must move the final date later: ExtensionNotLater', () => {
    const extended = [...history.assigned(), event('DeadlineExtended', { ...extension, noticeToSubmitterRequired: true }, opts)];
    given(extended)
      .when(command('ExtendDeadline', { ...extension, newFinalDate: '2026-06-01' }, { ...opts, now: at(25) }))
      .then('ExtensionNotLater');
  });

  it('Lifecycle: a case waiting for the submitter can be extended too', () => {
    given(history.awaiting())
      .when(command('ExtendDeadline', extension, opts))
      .then([event('DeadlineExtended', { ...extension, noticeToSubmitterRequired: true }, opts)]);
  });

  it('АПК чл. 118(2): the higher authority extends, not the officer: NotPermittedForRole', () => {
    given(history.assigned())
      .when(command('ExtendDeadline', extension, { ...opts, actor: as('officer') }))
      .then('NotPermittedForRole');
  });

  it('Lifecycle: an answered case has no deadline left to extend: IllegalTransition', () => {
    given(history.answered())
      .when(command('ExtendDeadline', extension, opts))
      .then('IllegalTransition');
  });
});
