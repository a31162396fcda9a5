import { LAW_POLICY, plainSignal } from '../../test/screening/policy.fixture';
import type { ScreeningPolicy } from './policy';
import { screen } from './screen';

const anonymous = { submitter: null } as const;

describe('screen: the outcome and why (АПК чл. 111; the charters)', () => {
  it('an identified, recent, clean signal proceeds with nothing to explain', () => {
    expect(screen(plainSignal(), LAW_POLICY)).toEqual({ outcome: 'proceed', reasons: [], flags: [], duplicateOf: [] });
  });

  it('АПК чл. 111(4): an anonymous signal gets no proceedings, with the reason and its source', () => {
    const result = screen(plainSignal(anonymous), LAW_POLICY);
    expect(result.outcome).toBe('no-proceedings');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'anonymous',
        source: 'АПК чл. 111(4)',
        reason: expect.objectContaining({ bg: expect.stringMatching(/регистрирана/) }),
      }),
    ]);
  });

  it('АПК чл. 111(4): an anonymous proposal gets no proceedings too', () => {
    expect(screen(plainSignal({ ...anonymous, kind: 'proposal' }), LAW_POLICY).outcome).toBe('no-proceedings');
  });

  it('АПК чл. 111(4) covers proposals and signals only: an anonymous praise or information request proceeds', () => {
    expect(screen(plainSignal({ ...anonymous, kind: 'praise' }), LAW_POLICY).outcome).toBe('proceed');
    expect(screen(plainSignal({ ...anonymous, kind: 'public-information-request' }), LAW_POLICY).outcome).toBe('proceed');
  });

  it("Peshtera charter, 'Важно е да се знае', point 1: anonymous complaints are not examined either", () => {
    const peshtera: ScreeningPolicy = {
      ...LAW_POLICY,
      anonymity: { ...LAW_POLICY.anonymity, appliesTo: ['signal', 'proposal', 'complaint'] },
    };
    expect(screen(plainSignal({ ...anonymous, kind: 'complaint' }), LAW_POLICY).outcome).toBe('proceed');
    expect(screen(plainSignal({ ...anonymous, kind: 'complaint' }), peshtera).outcome).toBe('no-proceedings');
  });

  it("Peshtera charter, point 1: a threat to citizens' health or safety is examined even when anonymous", () => {
    const result = screen(plainSignal({ ...anonymous, healthSafetyThreat: true }), LAW_POLICY);
    expect(result.outcome).toBe('proceed');
    expect(result.reasons).toEqual([
      expect.objectContaining({ code: 'anonymity-overridden-by-threat', source: expect.stringMatching(/Peshtera/) }),
    ]);
  });

  it('a tenant whose charter makes no health/safety exception keeps the АПК rule', () => {
    const strict: ScreeningPolicy = { ...LAW_POLICY, healthSafetyThreat: { overridesAnonymity: false, source: 'tenant charter' } };
    expect(screen(plainSignal({ ...anonymous, healthSafetyThreat: true }), strict).outcome).toBe('no-proceedings');
  });

  it('АПК чл. 111(4): a signal about a violation more than two years old gets no proceedings', () => {
    const result = screen(plainSignal({ violationDate: '2024-02-29', receivedOn: '2026-03-02' }), LAW_POLICY);
    expect(result.outcome).toBe('no-proceedings');
    expect(result.reasons).toEqual([expect.objectContaining({ code: 'time-barred', source: 'АПК чл. 111(4)' })]);
  });

  it('АПК чл. 111(4): the two-year bar is for signals, not complaints', () => {
    expect(screen(plainSignal({ kind: 'complaint', violationDate: '2020-01-01' }), LAW_POLICY).outcome).toBe('proceed');
  });

  it('an unreadable violation date goes to the registrar instead of guessing the time bar', () => {
    const result = screen(plainSignal({ violationDate: '2026-13-01' }), LAW_POLICY);
    expect(result.outcome).toBe('needs-registrar');
    expect(result.flags).toEqual([expect.objectContaining({ code: 'violation-date-unreadable', matched: ['2026-13-01'] })]);
  });

  it('charters: offensive language is a flag for the registrar, never a silent rejection', () => {
    const result = screen(plainSignal({ text: 'Дупката е там от година, идиоти!' }), LAW_POLICY);
    expect(result.outcome).toBe('needs-registrar');
    expect(result.reasons).toEqual([]);
    expect(result.flags).toEqual([expect.objectContaining({ code: 'offensive-language', matched: ['идиоти'] })]);
  });

  it('АПК чл. 107: a corruption indicator goes to the registrar with the matched words', () => {
    const result = screen(plainSignal({ text: 'Инспекторът поиска подкуп за разрешителното.' }), LAW_POLICY);
    expect(result.outcome).toBe('needs-registrar');
    expect(result.flags[0]).toMatchObject({ code: 'corruption-indicator', matched: ['подкуп'], source: 'АПК чл. 107' });
  });

  it("a probable duplicate of the submitter's open case is a link suggestion for the registrar", () => {
    const openCases = [
      { caseId: 'c-1', registryNumber: 'PSH-2026-000001', kind: 'signal' as const, text: plainSignal().text, receivedOn: '2026-02-01' },
    ];
    const result = screen(plainSignal({ openCases }), LAW_POLICY);
    expect(result.outcome).toBe('needs-registrar');
    expect(result.duplicateOf).toEqual([{ caseId: 'c-1', registryNumber: 'PSH-2026-000001', score: 1, source: 'test policy' }]);
  });

  it('the law decides over the flags, and the flags are still reported for the record', () => {
    const result = screen(plainSignal({ ...anonymous, text: 'Подкуп, идиоти!' }), LAW_POLICY);
    expect(result.outcome).toBe('no-proceedings');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['anonymous']);
    expect(result.flags.map((flag) => flag.code)).toEqual(['offensive-language', 'corruption-indicator']);
  });
});
