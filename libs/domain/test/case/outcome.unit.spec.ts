import { caseDecider } from '../../src/case';
import { as, at, command, event, given, history, OFFICER } from './fixtures';

const answer = { text: 'Осветлението е поправено.', attachments: [], channel: 'email' as const };

describe('AnswerCase', () => {
  const opts = { actor: as('officer'), now: at(9) };

  it('Peshtera charter: a written answer, by the channel it goes by', () => {
    const state = given(history.assigned())
      .when(command('AnswerCase', answer, opts))
      .then([event('CaseAnswered', answer, opts)]);
    expect(state).toMatchObject({ status: 'Answered', officerId: OFFICER, facts: { answeredAt: [at(9)] } });
  });

  it('ЗДОИ (no clarification within 30 days): the officer may answer while still waiting; the pause ends then', () => {
    const state = given(history.awaiting(true))
      .when(command('AnswerCase', answer, opts))
      .then([event('CaseAnswered', answer, opts)]);
    expect(state).toMatchObject({ status: 'Answered', facts: { pauses: [{ from: at(5), to: at(9) }] } });
  });

  // A case nobody is assigned to is answered by nobody below the office's heads (authority.ts): the secretary asks.
  const secretary = { ...opts, actor: as('secretary') };

  it('АПК чл. 111(4): answering an inadmissible case is refused: CannotAnswerInadmissibleCase', () => {
    given(history.noProceedings())
      .when(command('AnswerCase', answer, secretary))
      .then('CannotAnswerInadmissibleCase');
    const closed = [...history.noProceedings(), event('CaseClosed', { outcome: 'no-proceedings' })];
    given(closed)
      .when(command('AnswerCase', answer, secretary))
      .then('CannotAnswerInadmissibleCase');
  });

  it('Lifecycle: only an assigned case is answered: IllegalTransition', () => {
    given(history.routed())
      .when(command('AnswerCase', answer, secretary))
      .then('IllegalTransition');
  });

  it('role table: ops never handle cases: NotPermittedForRole', () => {
    given(history.assigned())
      .when(command('AnswerCase', answer, { ...opts, actor: as('ops') }))
      .then('NotPermittedForRole');
  });
});

describe('CloseCase', () => {
  const opts = { now: at(10) };

  it('Lifecycle: an answered case is closed', () => {
    const state = given(history.answered())
      .when(command('CloseCase', {}, opts))
      .then([event('CaseClosed', { outcome: 'answered' }, opts)]);
    expect(state).toMatchObject({ status: 'Closed', outcome: 'answered', closedAt: at(10) });
  });

  it('АПК чл. 111(4): a registered case without proceedings is closed as such', () => {
    given(history.noProceedings())
      .when(command('CloseCase', {}, opts))
      .then([event('CaseClosed', { outcome: 'no-proceedings' }, opts)]);
  });

  it('Lifecycle: an unanswered case is not closed: IllegalTransition', () => {
    given(history.assigned())
      .when(command('CloseCase', {}, opts))
      .then('IllegalTransition');
  });
});

describe('ReopenCase', () => {
  const opts = { actor: as('head-of-unit'), now: at(15) };

  it('Lifecycle: reopen after close — back to the officer who answered, counted as a reopening', () => {
    const state = given(history.closed())
      .when(command('ReopenCase', { reason: 'Лампата пак не свети' }, opts))
      .then([event('CaseReopened', { reason: 'Лампата пак не свети' }, opts)]);
    expect(state).toMatchObject({ status: 'Assigned', officerId: OFFICER, facts: { reopenings: 1 } });
  });

  it('АПК чл. 111(4): a case closed without proceedings reopens to screening (e.g. the submitter identified themselves)', () => {
    // Never routed, so no unit's head: the registry reopens it.
    const registrar = { ...opts, actor: as('registrar') };
    const closed = [...history.noProceedings(), event('CaseClosed', { outcome: 'no-proceedings' })];
    const state = given(closed)
      .when(command('ReopenCase', { reason: 'Подателят посочи име' }, registrar))
      .then([event('CaseReopened', { reason: 'Подателят посочи име' }, registrar)]);
    expect(state.status).toBe('Registered');
  });

  it('Lifecycle: reopening needs a reason: ReasonRequired', () => {
    given(history.closed())
      .when(command('ReopenCase', { reason: '' }, opts))
      .then('ReasonRequired');
  });

  it('Lifecycle: only a closed case is reopened: IllegalTransition', () => {
    given(history.answered())
      .when(command('ReopenCase', { reason: 'Защо' }, opts))
      .then('IllegalTransition');
  });
});

describe('WithdrawCase', () => {
  const opts = { actor: as('citizen'), now: at(6) };

  it('Lifecycle: withdrawn on the submitter’s behalf while open, with their own reason', () => {
    const state = given(history.assigned())
      .when(command('WithdrawCase', { reason: 'Проблемът е решен' }, opts))
      .then([event('CaseWithdrawn', { reason: 'Проблемът е решен' }, opts)]);
    expect(state.status).toBe('Withdrawn');
  });

  it('Lifecycle: the reason is optional; the registrar may record a withdrawal made in person', () => {
    const o = { actor: as('registrar'), now: at(6) };
    given(history.registered())
      .when(command('WithdrawCase', {}, o))
      .then([event('CaseWithdrawn', { reason: null }, o)]);
  });

  it('Lifecycle: an answered case has nothing left to withdraw: IllegalTransition', () => {
    given(history.answered())
      .when(command('WithdrawCase', {}, opts))
      .then('IllegalTransition');
  });
});

describe('LinkAsDuplicate', () => {
  const opts = { actor: as('registrar'), now: at(3) };

  it('Lifecycle: a repeated submission is linked to the original case and stops here', () => {
    const state = given(history.registered())
      .when(command('LinkAsDuplicate', { originalCaseId: 'case-0000' }, opts))
      .then([event('CaseLinkedAsDuplicate', { originalCaseId: 'case-0000' }, opts)]);
    expect(state).toMatchObject({ status: 'Duplicate', originalCaseId: 'case-0000' });
  });

  it('Lifecycle: a case cannot duplicate itself: CannotBeDuplicateOfItself', () => {
    given(history.registered())
      .when(command('LinkAsDuplicate', { originalCaseId: 'case-0001' }, opts))
      .then('CannotBeDuplicateOfItself');
  });

  it('Lifecycle: a closed case is not linked: IllegalTransition', () => {
    given(history.closed())
      .when(command('LinkAsDuplicate', { originalCaseId: 'case-0000' }, opts))
      .then('IllegalTransition');
  });
});

describe('RecordSatisfaction', () => {
  const opts = { actor: as('citizen'), now: at(11) };

  it('Charters (measure satisfaction): the submitter rates the answer, 1–5, with an optional comment', () => {
    const state = given(history.closed())
      .when(command('RecordSatisfaction', { rating: 5, comment: 'Бързо!' }, opts))
      .then([event('SatisfactionRecorded', { rating: 5, comment: 'Бързо!', recommendation: null }, opts)]);
    expect(state).toMatchObject({ facts: { ratings: [5] } });
  });

  it('Petrich charter (feedback "to assess the service and make recommendations"): the rating carries a recommendation', () => {
    const recommendation = 'Да има работно време и в събота.';
    given(history.closed())
      .when(command('RecordSatisfaction', { rating: 3, recommendation }, opts))
      .then([event('SatisfactionRecorded', { rating: 3, comment: null, recommendation }, opts)]);
  });

  it('a blank recommendation or comment is none', () => {
    given(history.closed())
      .when(command('RecordSatisfaction', { rating: 4, comment: ' ', recommendation: '  ' }, opts))
      .then([event('SatisfactionRecorded', { rating: 4, comment: null, recommendation: null }, opts)]);
  });

  it('Charters: an answered, not yet closed case can be rated too', () => {
    given(history.answered())
      .when(command('RecordSatisfaction', { rating: 2 }, opts))
      .then([event('SatisfactionRecorded', { rating: 2, comment: null, recommendation: null }, opts)]);
  });

  it('Charters: rating only after an answer: RatingBeforeAnswer', () => {
    given(history.assigned())
      .when(command('RecordSatisfaction', { rating: 4 }, opts))
      .then('RatingBeforeAnswer');
    const closedUnanswered = [...history.noProceedings(), event('CaseClosed', { outcome: 'no-proceedings' })];
    given(closedUnanswered)
      .when(command('RecordSatisfaction', { rating: 1 }, opts))
      .then('RatingBeforeAnswer');
  });

  it.each([0, 6, 3.5, Number.NaN])('Charters survey scale 1–5: %p is refused: RatingOutOfRange', (rating) => {
    given(history.closed())
      .when(command('RecordSatisfaction', { rating }, opts))
      .then('RatingOutOfRange');
  });

  describe('one rating per case', () => {
    const rated = (actor = as('citizen')) => [
      ...history.closed(),
      event('SatisfactionRecorded', { rating: 4, comment: null, recommendation: null }, { actor, now: at(11) }),
    ];

    it('a second rating is refused: AlreadyRated, with the reason in bg and en', () => {
      given(rated())
        .when(command('RecordSatisfaction', { rating: 1, recommendation: 'Друго' }, { ...opts, now: at(12) }))
        .then('AlreadyRated');
      const state = rated().reduce(caseDecider.evolve, caseDecider.initialState());
      const result = caseDecider.decide(command('RecordSatisfaction', { rating: 1 }, { ...opts, now: at(12) }), state);
      expect(result).toMatchObject({
        ok: false,
        rejection: { message: { bg: expect.stringMatching(/оценена/), en: expect.stringMatching(/already been rated/) } },
      });
    });

    it("a registrar's phone survey is the case's one rating: the citizen cannot rate it again, nor the other way round", () => {
      given(rated(as('registrar')))
        .when(command('RecordSatisfaction', { rating: 5 }, opts))
        .then('AlreadyRated');
      given(rated(as('citizen')))
        .when(command('RecordSatisfaction', { rating: 5 }, { actor: as('registrar'), now: at(12) }))
        .then('AlreadyRated');
    });

    it('a reopened case answered again keeps its one rating', () => {
      const answeredAgain = [
        ...rated(),
        event('CaseReopened', { reason: 'Непълен отговор' }, { actor: as('registrar'), now: at(12) }),
        event('CaseAnswered', answer, { actor: as('officer'), now: at(13) }),
      ];
      given(answeredAgain)
        .when(command('RecordSatisfaction', { rating: 5 }, { ...opts, now: at(14) }))
        .then('AlreadyRated');
    });

    it('an event stored before recommendations existed (no field) still folds: the case is rated', () => {
      const older = [...history.closed(), event('SatisfactionRecorded', { rating: 3, comment: null }, { now: at(11) })];
      given(older)
        .when(command('RecordSatisfaction', { rating: 5 }, opts))
        .then('AlreadyRated');
    });
  });
});
