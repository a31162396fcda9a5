import { DEFAULT_DEADLINE_POLICIES, maxExtensionDate } from '../../src/deadlines';
import { calendar, given, rules } from './given';

// ClockPause rule (COUNTING_SOURCES.pause): АПК чл. 54–55 by analogy, "check". A pause from A to B removes
// the days A+1 … B; the term then ends B + what remained on A.
describe('pauses while awaiting the submitter', () => {
  it('given a complaint due 10 Apr 2025, when it waited 20–27 Mar, then the due date moves 7 days to 17 Apr', () => {
    const result = given('complaint')
      .when({ start: '2025-03-10', pauses: [{ from: '2025-03-20', to: '2025-03-27' }] })
      .then('2025-04-17');
    expect(result.steps.find((step) => step.rule === 'pause')?.source).toContain('АПК чл. 54–55');
  });

  it('given a pause of 8 days, then the last day is Good Friday 18 Apr and the term ends Tuesday 22 Apr', () => {
    given('complaint')
      .when({ start: '2025-03-10', pauses: [{ from: '2025-03-20', to: '2025-03-28' }] })
      .then('2025-04-22');
  });

  it('given overlapping pauses, then their days count once (20–30 Mar = 10 days → 20 Apr, Easter → 22 Apr)', () => {
    given('complaint')
      .when({
        start: '2025-03-10',
        pauses: [
          { from: '2025-03-20', to: '2025-03-27' },
          { from: '2025-03-25', to: '2025-03-30' },
        ],
      })
      .then('2025-04-22');
  });

  it('given an open pause, then the clock is stopped: no due date, paused, and the days left are stated', () => {
    const result = given('complaint')
      .when({ start: '2025-03-10', pauses: [{ from: '2025-03-20' }] })
      .then(null);
    expect(result.paused).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.steps.at(-1)).toMatchObject({ rule: 'open-pause', detail: { en: expect.stringContaining('21 days remain') } });
  });

  it('given a pause begun after the last day, then it does not revive an expired term', () => {
    const result = given('complaint')
      .when({ start: '2025-01-10', pauses: [{ from: '2025-02-15', to: '2025-02-20' }] })
      .then('2025-02-10');
    expect(rules(result)).toContain('pause-after-term');
  });

  it('given a kind whose term does not stop (ЗДОИ: it restarts from the clarification, чл. 29), then pauses are ignored and said so', () => {
    const result = given('public-information-request')
      .when({ start: '2025-06-02', pauses: [{ from: '2025-06-03' }] })
      .then('2025-06-16');
    expect(result.paused).toBe(false);
    expect(rules(result)).toContain('pause-ignored');
  });

  it('given a pause that ends before it starts, or a pause after an open one, then it is rejected by name', () => {
    given('complaint')
      .when({ start: '2025-03-10', pauses: [{ from: '2025-03-20', to: '2025-03-19' }] })
      .thenRejected('pause-ends-before-it-starts');
    given('complaint')
      .when({ start: '2025-03-10', pauses: [{ from: '2025-03-12' }, { from: '2025-03-20', to: '2025-03-22' }] })
      .thenRejected('open-pause-not-last');
  });
});

describe('extensions', () => {
  it('given a proposal received 15 Jan 2025, then the latest extension is 15 Jul 2025 (АПК чл. 118(2): up to 6 months)', () => {
    expect(maxExtensionDate(DEFAULT_DEADLINE_POLICIES.proposal, '2025-01-15', calendar)).toBe('2025-07-15');
  });

  it('given a kind without extension, then maxExtensionDate is null and extendedTo is rejected', () => {
    expect(maxExtensionDate(DEFAULT_DEADLINE_POLICIES.complaint, '2025-01-15', calendar)).toBeNull();
    given('complaint').when({ start: '2025-01-15', extendedTo: '2025-03-01' }).thenRejected('extension-not-allowed');
  });

  it('given an extension within the maximum, then it replaces the due date and cites АПК чл. 118(2)', () => {
    const result = given('proposal').when({ start: '2025-01-15', extendedTo: '2025-06-30' }).then('2025-06-30');
    expect(result.steps.at(-1)).toMatchObject({ rule: 'extension', source: expect.stringContaining('чл. 118, ал. 2') });
    expect(result.warnings).toEqual([
      { workingDaysBefore: 5, on: '2025-06-23' },
      { workingDaysBefore: 1, on: '2025-06-27' },
    ]);
  });

  it('given an extension beyond six months or before the due date, then it is rejected by name', () => {
    const beyond = given('proposal').when({ start: '2025-01-15', extendedTo: '2025-07-16' }).thenRejected('extension-beyond-maximum');
    expect(beyond).toMatchObject({ maximum: '2025-07-15' });
    given('proposal').when({ start: '2025-01-15', extendedTo: '2025-03-10' }).thenRejected('extension-before-due');
  });

  it('given a public-information request registered 4 Apr 2025, then extensions reach at most 2 May (ЗДОИ чл. 30–31, "check")', () => {
    given('public-information-request').when({ start: '2025-04-04', extendedTo: '2025-05-02' }).then('2025-05-02');
    given('public-information-request').when({ start: '2025-04-04', extendedTo: '2025-05-05' }).thenRejected('extension-beyond-maximum');
  });

  it('given closed pauses, then the maximum moves with them like the term itself', () => {
    const pauses = [{ from: '2025-02-01', to: '2025-02-11' }];
    expect(maxExtensionDate(DEFAULT_DEADLINE_POLICIES.proposal, '2025-01-15', calendar, pauses)).toBe('2025-07-25');
  });
});
