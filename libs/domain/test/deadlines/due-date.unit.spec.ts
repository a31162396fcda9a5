import { termDueDate } from '../../src/deadlines';
import { calendar, given, rules } from './given';

describe('terms by kind (LEGAL-SOURCES.md, "Kinds of submission")', () => {
  it('complaint — Peshtera charter, one month: received 31 Jan 2025, due 28 Feb (no 31 Feb: the last day of the month)', () => {
    const result = given('complaint').when({ start: '2025-01-31' }).then('2025-02-28');
    expect(result.steps[0]).toMatchObject({ rule: 'term', source: expect.stringContaining('Пещера') });
    expect(result.steps[1]?.detail.en).toContain('last day');
  });

  it('complaint — received 24 Apr 2025: 24 May is a holiday Saturday, 25 Sunday, 26 the shifted day, so due 27 May', () => {
    const result = given('complaint').when({ start: '2025-04-24' }).then('2025-05-27');
    const moved = result.steps.find((step) => step.rule === 'non-working-last-day');
    expect(moved?.detail.bg).toContain('Ден на светите братя Кирил и Методий');
    expect(moved?.source).toContain('Кодекс на труда чл. 154, ал. 1');
  });

  it('proposal — АПК чл. 118(1), two months: received 15 Jan 2025, 15 Mar is Saturday, due Monday 17 Mar', () => {
    const result = given('proposal').when({ start: '2025-01-15' }).then('2025-03-17');
    expect(rules(result)).toEqual(['term', 'count-months', 'non-working-last-day']);
    expect(result.steps[0]?.source).toContain('АПК чл. 118, ал. 1');
  });

  it('proposal — АПК чл. 118(1): the decision is told to the submitter within 7 days of it', () => {
    const notice = given('proposal').policy.decisionNotice;
    expect(notice && termDueDate(notice, '2025-03-14', calendar).due).toBe('2025-03-21');
  });

  it('signal — two months ("check"): received 31 Oct 2025, 31 Dec is off by the euro decision, so due 5 Jan 2026', () => {
    const result = given('signal').when({ start: '2025-10-31' }).then('2026-01-05');
    const moved = result.steps.find((step) => step.rule === 'non-working-last-day');
    expect(moved?.source).toContain('Решение на Министерския съвет от 19.11.2025');
  });

  it('signal — АПК чл. 123(1): the reasoned decision is told within 7 days of it', () => {
    const notice = given('signal').policy.decisionNotice;
    expect(notice && termDueDate(notice, '2025-06-02', calendar).due).toBe('2025-06-09');
  });

  it('public information — ЗДОИ чл. 28(1), 14 days: registered 4 Apr 2025, 18 Apr is Good Friday, so due Tuesday 22 Apr', () => {
    const result = given('public-information-request').when({ start: '2025-04-04' }).then('2025-04-22');
    expect(result.steps.find((step) => step.rule === 'non-working-last-day')?.detail.en).toContain('Good Friday');
  });

  it('public information — ЗДОИ чл. 29(1): for an unclear request the term runs from the clarification', () => {
    given('public-information-request').when({ start: '2025-06-10' }).then('2025-06-24');
  });

  it('whistleblower — ЗЗЛПСПОИН: acknowledge within 7 days of receipt', () => {
    const acknowledgement = given('whistleblower-report').policy.acknowledgement;
    expect(acknowledgement && termDueDate(acknowledgement, '2025-06-10', calendar).due).toBe('2025-06-17');
  });

  it('whistleblower — ЗЗЛПСПОИН: feedback within 3 months of the acknowledgement (30 Nov 2025 → 28 Feb, a Saturday → 2 Mar 2026)', () => {
    const result = given('whistleblower-report').when({ start: '2025-11-30' }).then('2026-03-02');
    expect(result.steps[0]?.detail.en).toContain('acknowledgement');
  });

  it.each(['opinion', 'praise', 'recommendation'] as const)('%s — the charters set no term: no due date, no warnings', (kind) => {
    const result = given(kind).when({ start: '2025-06-10' }).then(null);
    expect(result).toMatchObject({ warnings: [], paused: false });
    expect(rules(result)).toEqual(['no-term']);
  });
});

describe('warnings (tenant policy: 5 and 1 working days before by default)', () => {
  it('given a complaint due Thursday 10 Apr 2025, then warnings on 3 Apr and 9 Apr', () => {
    const result = given('complaint').when({ start: '2025-03-10' }).then('2025-04-10');
    expect(result.warnings).toEqual([
      { workingDaysBefore: 5, on: '2025-04-03' },
      { workingDaysBefore: 1, on: '2025-04-09' },
    ]);
  });

  it('given a warning that would fall on or before the start, then it is left out', () => {
    const charter = { source: 'Харта (пример)', warnWorkingDaysBefore: [20, 1] };
    const result = given('public-information-request', charter).when({ start: '2025-06-02' }).then('2025-06-16');
    expect(result.warnings).toEqual([{ workingDaysBefore: 1, on: '2025-06-13' }]);
  });
});

describe('working-day terms (a charter may count in working days)', () => {
  const charter = { source: 'Харта (пример): 10 работни дни', term: { unit: 'working-days' as const, amount: 10 } };

  it('given 10 working days from 16 Apr 2025, then Good Friday, Easter Monday and 1 May are not counted: due 5 May', () => {
    given('complaint', charter).when({ start: '2025-04-16' }).then('2025-05-05');
  });

  it('given a pause of two working days, then the term runs on two working days later, skipping 6 May: due 8 May', () => {
    given('complaint', charter)
      .when({ start: '2025-04-16', pauses: [{ from: '2025-04-22', to: '2025-04-24' }] })
      .then('2025-05-08');
  });
});
