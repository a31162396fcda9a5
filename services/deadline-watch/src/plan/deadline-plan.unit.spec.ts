import { createWorkingCalendar, type CaseState, type RegisteredCase, type TenantCharter } from '@civic/domain';
import { CaseStory, decideAll } from '../../test/case-story';
import { planDeadline, type DeadlinePlan, type PlanInput } from './deadline-plan';

// Peshtera's charter as far as deadlines go: complaints are answered in writing within one month.
const PESHTERA: PlanInput['charter'] = {
  timeZone: 'Europe/Sofia',
  deadlines: {
    complaint: { term: { unit: 'months', amount: 1 }, startsOn: 'receipt', source: 'Харта на клиента на Община Пещера' },
  } as TenantCharter['deadlines'],
};
const calendar = createWorkingCalendar();

// 2 March 2026, a Monday, 09:15 in Sofia.
const RECEIVED = '2026-03-02T07:15:00.000Z';

function registered(state: CaseState): RegisteredCase {
  if (state.status === 'NotRegistered') throw new Error('not registered');
  return state;
}

const plan = (story: CaseStory): DeadlinePlan =>
  planDeadline({ state: registered(decideAll(story.commands).state), charter: PESHTERA, calendar });

const pending = (p: DeadlinePlan) =>
  p.timers.map((t) => ({ key: t.key.slice(t.key.indexOf('/') + 1), fireAt: t.fireAt.toISOString(), order: t.order, recorded: t.recorded }));

describe('planning the timers of a case', () => {
  it('a Peshtera complaint received on 2 March 2026: due 2 April; warnings 5 and 1 working days before; breach and escalation when 2 April ends', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    const p = plan(story);
    expect(p).toMatchObject({ open: true, status: 'Accepted', start: '2026-03-02', dueDate: '2026-04-02', paused: false });
    expect(pending(p)).toEqual([
      // Local midnight in Sofia: UTC+2 until 29 March, UTC+3 after.
      { key: 'approaching/2026-04-02/5', fireAt: '2026-03-25T22:00:00.000Z', order: 0, recorded: false },
      { key: 'approaching/2026-04-02/1', fireAt: '2026-03-31T21:00:00.000Z', order: 0, recorded: false },
      { key: 'breached/2026-04-02', fireAt: '2026-04-02T21:00:00.000Z', order: 1, recorded: false },
      { key: 'escalated/2026-04-02', fireAt: '2026-04-02T21:00:00.000Z', order: 2, recorded: false },
    ]);
    expect(p.steps.map((s) => s.rule)).toEqual(['term', 'count-months']);
    expect(p.steps[0].source).toContain('Пещера');
    expect(p.steps[1].detail.en).toBe('The term of 1 month ends on 2026-04-02, the same date of the last month');
  });

  it('an alert already on the stream is planned as recorded: nothing left to do for it', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    story.recordAlert('2026-03-26T06:00:00.000Z', { dueDate: '2026-04-02', workingDaysBefore: 5, warnedOn: '2026-03-26' });
    expect(plan(story).timers.map((t) => t.recorded)).toEqual([true, false, false, false]);
  });

  it('waiting for the submitter stops the clock: no timers until the reply', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    story.routeAndAssign(RECEIVED);
    story.requestInformation('2026-03-10T08:00:00.000Z');
    const p = plan(story);
    expect(p).toMatchObject({ status: 'AwaitingSubmitter', dueDate: null, paused: true, timers: [] });
    expect(p.steps.at(-1)).toMatchObject({ rule: 'open-pause' });
    expect(p.steps.at(-1)?.detail.en).toBe('The clock has been stopped since 2026-03-10 awaiting the submitter; 23 days remain');
  });

  it('the reply resumes it, 10 days later: the last day moves to 12 April (Easter Sunday), then to the next working day, 14 April', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    story.routeAndAssign(RECEIVED);
    story.requestInformation('2026-03-10T08:00:00.000Z');
    story.provideInformation('2026-03-20T08:00:00.000Z');
    const p = plan(story);
    expect(p).toMatchObject({ status: 'Assigned', dueDate: '2026-04-14', paused: false });
    expect(p.steps.map((s) => s.rule)).toEqual(['term', 'count-months', 'pause', 'non-working-last-day']);
    expect(p.timers.map((t) => t.key.split('/').slice(1).join('/'))).toEqual([
      'approaching/2026-04-14/5',
      'approaching/2026-04-14/1',
      'breached/2026-04-14',
      'escalated/2026-04-14',
    ]);
  });

  it('an extension of a proposal replaces the due date: timers for the new one only', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED, 'proposal');
    const before = plan(story);
    expect(before.dueDate).toBe('2026-05-04');
    story.routeAndAssign(RECEIVED);
    story.extend('2026-04-20T08:00:00.000Z', '2026-06-30', '2026-09-02');
    const after = plan(story);
    expect(after.dueDate).toBe('2026-06-30');
    expect(after.steps.at(-1)).toMatchObject({ rule: 'extension' });
    expect(after.timers.every((t) => t.dueDate === '2026-06-30')).toBe(true);
  });

  it('answered, withdrawn: not open, nothing to watch', () => {
    const answered = new CaseStory('peshtera');
    answered.registerAccepted(RECEIVED);
    answered.routeAndAssign(RECEIVED);
    answered.answer('2026-03-20T08:00:00.000Z');
    expect(plan(answered)).toMatchObject({ open: false, status: 'Answered', dueDate: null, timers: [] });

    const withdrawn = new CaseStory('peshtera');
    withdrawn.registerAccepted(RECEIVED);
    withdrawn.withdraw('2026-03-05T08:00:00.000Z');
    expect(plan(withdrawn)).toMatchObject({ open: false, status: 'Withdrawn', timers: [], steps: [{ rule: 'not-open' }] });
  });

  it('an opinion has no term: counted, never timed', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED, 'opinion');
    expect(plan(story)).toMatchObject({ open: true, dueDate: null, timers: [], steps: [{ rule: 'no-term' }] });
  });

  it('a whistleblower report nobody acknowledged is timed from the end of its 7-day acknowledgement period (Directive 2019/1937 art. 9(1)(f))', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED, 'whistleblower-report');
    const p = plan(story);
    expect(p.steps[0]).toMatchObject({ rule: 'acknowledgement-period' });
    expect(p.timers.map((timer) => timer.kind)).toEqual(['approaching', 'approaching', 'breached', 'escalated']);
    // Received 2 March 2026: the period ends 9 March, three months from it end on Tuesday 9 June.
    expect(p).toMatchObject({ start: '2026-03-09', dueDate: '2026-06-09' });
  });

  it('the same history always gives the same plan', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    expect(plan(story)).toEqual(plan(story));
  });
});
