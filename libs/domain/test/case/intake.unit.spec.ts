import type { CaseFlag } from '../../src/case';
import type { ScreeningFlag } from '../../src/screening';
import { as, at, command, event, given, history, offensiveFlag, registeredEvent, registration, REGISTRY_NUMBER } from './fixtures';

// Compile-time check: the screening library's flags go into ScreenCase as they are.
const _screeningFlagsFit = (flag: ScreeningFlag): CaseFlag => flag;

describe('RegisterCase', () => {
  it('АПК чл. 111(2): every submission is registered with its registry number and date of receipt', () => {
    const state = given([])
      .when(command('RegisterCase', registration(), { now: at(2) }))
      .then([registeredEvent()]);
    expect(state).toMatchObject({
      status: 'Registered',
      facts: { registryNumber: REGISTRY_NUMBER, receivedAt: at(2), registeredAt: at(2), submitterGiven: true },
    });
  });

  it('АПК чл. 111(1): a letter received earlier is registered with its real date of receipt', () => {
    const state = given([])
      .when(command('RegisterCase', registration({ channel: 'post', receivedAt: at(1) }), { now: at(2) }))
      .then([registeredEvent({ channel: 'post', receivedAt: at(1) })]);
    expect(state).toMatchObject({ facts: { receivedAt: at(1), registeredAt: at(2) } });
  });

  it('АПК чл. 111(4): an anonymous proposal is still registered; screening decides on proceedings', () => {
    given([])
      .when(command('RegisterCase', registration({ kind: 'proposal', submitter: null }), { now: at(2) }))
      .then([registeredEvent({ kind: 'proposal', submitter: null })]);
  });

  it('АПК чл. 111(2) (the date of receipt is registered): a date after `now` is refused: ReceivedInTheFuture', () => {
    given([])
      .when(command('RegisterCase', registration({ receivedAt: at(3) }), { now: at(2) }))
      .then('ReceivedInTheFuture');
  });

  it('rejects registering twice: CaseAlreadyRegistered (one registry number per submission, АПК чл. 111(2))', () => {
    given(history.registered())
      .when(command('RegisterCase', registration(), { now: at(2) }))
      .then('CaseAlreadyRegistered');
  });

  it('role table: the platform registers web-form submissions; a citizen cannot register directly', () => {
    given([])
      .when(command('RegisterCase', registration(), { now: at(2), actor: as('system') }))
      .then([{ ...registeredEvent(), metadata: { ...registeredEvent().metadata, actor: as('system') } }]);
    given([])
      .when(command('RegisterCase', registration(), { now: at(2), actor: as('citizen') }))
      .then('NotPermittedForRole');
  });
});

describe('ScreenCase', () => {
  const opts = { now: at(3) };

  it('accepts a complete, named complaint for handling (charters: complaints are examined)', () => {
    const state = given(history.registered())
      .when(command('ScreenCase', { outcome: 'accept' }, opts))
      .then([event('CaseAccepted', { basis: 'screening', reason: null }, opts)]);
    expect(state.status).toBe('Accepted');
  });

  it('АПК чл. 111(4): no proceedings on an anonymous signal, decided by screening with a recorded reason', () => {
    const data = { outcome: 'no-proceedings', ground: 'anonymous', reason: 'Няма име и адрес' } as const;
    const state = given(history.registered({ kind: 'signal', submitter: null }))
      .when(command('ScreenCase', data, opts))
      .then([event('NoProceedingsDecided', { basis: 'screening', ground: 'anonymous', reason: 'Няма име и адрес' }, opts)]);
    expect(state).toMatchObject({ status: 'NoProceedings', ground: 'anonymous' });
  });

  it('АПК чл. 111(4): no proceedings on a signal about a violation more than two years old', () => {
    const data = { outcome: 'no-proceedings', ground: 'time-barred', reason: 'Нарушение от 2022 г.' } as const;
    given(history.registered({ kind: 'signal', violationDate: '2022-05-01' }))
      .when(command('ScreenCase', data, opts))
      .then([event('NoProceedingsDecided', { basis: 'screening', ground: data.ground, reason: data.reason }, opts)]);
  });

  it('АПК чл. 111(4): the two-year rule is for signals, not complaints: GroundNotApplicableToKind', () => {
    const data = { outcome: 'no-proceedings', ground: 'time-barred', reason: 'Стар случай' } as const;
    given(history.registered({ kind: 'complaint' }))
      .when(command('ScreenCase', data, opts))
      .then('GroundNotApplicableToKind');
  });

  it('Peshtera charter: an anonymous submission threatening health or safety is examined: HealthOrSafetyThreatMustBeExamined', () => {
    const data = { outcome: 'no-proceedings', ground: 'anonymous', reason: 'Анонимен' } as const;
    given(history.registered({ kind: 'signal', submitter: null, healthSafetyThreat: true }))
      .when(command('ScreenCase', data, opts))
      .then('HealthOrSafetyThreatMustBeExamined');
  });

  it('LEGAL-SOURCES.md: no silent automatic rejections — the platform may not decide no proceedings: NoProceedingsOnlyByRegistrar', () => {
    const data = { outcome: 'no-proceedings', ground: 'anonymous', reason: 'Правило' } as const;
    given(history.registered({ submitter: null }))
      .when(command('ScreenCase', data, { ...opts, actor: as('system') }))
      .then('NoProceedingsOnlyByRegistrar');
  });

  it('LEGAL-SOURCES.md: a decision not to proceed needs a recorded reason: ReasonRequired', () => {
    const data = { outcome: 'no-proceedings', ground: 'anonymous', reason: '  ' } as const;
    given(history.registered({ submitter: null }))
      .when(command('ScreenCase', data, opts))
      .then('ReasonRequired');
  });

  it('Peshtera and Momchilgrad charters: offensive language is flagged for the registrar, with the matched words', () => {
    const flags = [offensiveFlag];
    const state = given(history.registered())
      .when(command('ScreenCase', { outcome: 'flag', flags }, { ...opts, actor: as('system') }))
      .then([event('CaseFlagged', { flags }, { ...opts, actor: as('system') })]);
    expect(state).toMatchObject({ status: 'Flagged', flagCodes: ['offensive-language'] });
  });

  it('Lifecycle: flagging without any flag is refused: NoFlagsGiven', () => {
    given(history.registered())
      .when(command('ScreenCase', { outcome: 'flag', flags: [] }, opts))
      .then('NoFlagsGiven');
  });

  it('Lifecycle: a case is screened once: IllegalTransition after acceptance', () => {
    given(history.accepted())
      .when(command('ScreenCase', { outcome: 'accept' }, opts))
      .then('IllegalTransition');
  });

  it('role table: only registrars and the platform screen, an officer does not: NotPermittedForRole', () => {
    given(history.registered())
      .when(command('ScreenCase', { outcome: 'accept' }, { ...opts, actor: as('officer') }))
      .then('NotPermittedForRole');
  });
});

describe('ResolveFlag', () => {
  const opts = { now: at(4) };

  it('charters: the registrar may still accept a flagged case, recording why', () => {
    given(history.flagged())
      .when(command('ResolveFlag', { decision: 'accept', reason: 'Обидата не е към служител' }, opts))
      .then([event('CaseAccepted', { basis: 'registrar-decision', reason: 'Обидата не е към служител' }, opts)]);
  });

  it('Peshtera charter: no answer to texts with obscene or offensive language — a registrar decision with a reason', () => {
    const data = { decision: 'no-proceedings', ground: 'offensive-language', reason: 'Нецензурни изрази' } as const;
    const state = given(history.flagged())
      .when(command('ResolveFlag', data, opts))
      .then([event('NoProceedingsDecided', { basis: 'registrar-decision', ground: 'offensive-language', reason: data.reason }, opts)]);
    expect(state.status).toBe('NoProceedings');
  });

  it('LEGAL-SOURCES.md: the registrar decision needs a recorded reason: ReasonRequired', () => {
    given(history.flagged())
      .when(command('ResolveFlag', { decision: 'accept', reason: '' }, opts))
      .then('ReasonRequired');
  });

  it('Lifecycle: only a flagged case has a flag to resolve: IllegalTransition', () => {
    given(history.registered())
      .when(command('ResolveFlag', { decision: 'accept', reason: 'Добре' }, opts))
      .then('IllegalTransition');
  });

  it('role table: the registrar decides, not the platform: NotPermittedForRole', () => {
    given(history.flagged())
      .when(command('ResolveFlag', { decision: 'accept', reason: 'Добре' }, { ...opts, actor: as('system') }))
      .then('NotPermittedForRole');
  });
});
