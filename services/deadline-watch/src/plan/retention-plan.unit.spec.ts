import { createWorkingCalendar, type CaseState, type RegisteredCase, type TenantCharter } from '@civic/domain';
import { CaseStory, decideAll } from '../../test/case-story';
import { planCase, type CasePlanInput } from './case-plan';

// A tenant that keeps complaints' personal data for 1 month after the case ended (GDPR art. 5(1)(e)); the
// deadlines as Peshtera's charter gives them.
const ONE_MONTH: CasePlanInput['charter'] = {
  timeZone: 'Europe/Sofia',
  deadlines: {
    complaint: { term: { unit: 'months', amount: 1 }, startsOn: 'receipt', source: 'Харта на клиента на Община Пещера' },
  } as TenantCharter['deadlines'],
  retention: { complaint: { months: 1, source: 'test: 1 month' } },
};
const calendar = createWorkingCalendar();
const RECEIVED = '2026-03-02T07:15:00.000Z';
const ANSWERED = '2026-03-10T08:00:00.000Z';
const CLOSED = '2026-03-12T08:00:00.000Z';

function registered(state: CaseState): RegisteredCase {
  if (state.status === 'NotRegistered') throw new Error('not registered');
  return state;
}
const plan = (story: CaseStory, charter = ONE_MONTH) => planCase({ state: registered(decideAll(story.commands).state), charter, calendar });
const retention = (story: CaseStory, charter = ONE_MONTH) => {
  const timers = plan(story, charter).timers.filter((timer) => timer.kind === 'retention');
  return timers.map((t) => ({ key: t.key.slice(t.key.indexOf('/') + 1), fireAt: t.fireAt.toISOString(), recorded: t.recorded }));
};

function closedComplaint(): CaseStory {
  const story = new CaseStory('peshtera');
  story.registerAccepted(RECEIVED);
  story.routeAndAssign(RECEIVED);
  story.answer(ANSWERED);
  story.close(CLOSED);
  return story;
}

describe('planning the retention timer of a case', () => {
  it('none while the case is open: only its deadline timers', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    expect(retention(story)).toEqual([]);
    expect(plan(story).timers).toHaveLength(4);
  });

  it('a closed complaint: one timer at the end of the same date a month after it was closed (Sofia)', () => {
    expect(retention(closedComplaint())).toEqual([{ key: 'retention/2026-03-12', fireAt: '2026-04-12T21:00:00.000Z', recorded: false }]);
    expect(plan(closedComplaint()).timers).toHaveLength(1);
  });

  it('the platform default (5 years) where the charter sets no term', () => {
    const { retention: _ignored, ...silent } = ONE_MONTH;
    expect(retention(closedComplaint(), silent)).toEqual([
      { key: 'retention/2026-03-12', fireAt: '2031-03-12T22:00:00.000Z', recorded: false },
    ]);
  });

  it('a reopened case has no retention timer (the old one is no longer planned), and a new one when it ends again', () => {
    const story = closedComplaint();
    story.reopen('2026-03-20T08:00:00.000Z');
    expect(retention(story)).toEqual([]);
    story.answer('2026-04-01T08:00:00.000Z');
    expect(retention(story)).toEqual([{ key: 'retention/2026-04-01', fireAt: '2026-05-01T21:00:00.000Z', recorded: false }]);
  });

  it('erased at the end of retention: the timer is done; erased on request: none, and the plan says why', () => {
    const byRetention = closedComplaint();
    byRetention.erase('2026-04-12T21:00:00.000Z', 'retention-period-ended', 'retention:peshtera:2026-04-13');
    expect(retention(byRetention)).toEqual([{ key: 'retention/2026-03-12', fireAt: '2026-04-12T21:00:00.000Z', recorded: true }]);

    const onRequest = closedComplaint();
    onRequest.erase('2026-03-20T08:00:00.000Z', 'data-subject-request', 'dpo-request-7');
    expect(retention(onRequest)).toEqual([]);
    expect(plan(onRequest).erased).toBe(true);
  });

  it('a withdrawn case counts from its withdrawal', () => {
    const story = new CaseStory('peshtera');
    story.registerAccepted(RECEIVED);
    story.withdraw('2026-03-05T08:00:00.000Z');
    expect(retention(story)).toEqual([{ key: 'retention/2026-03-05', fireAt: '2026-04-05T21:00:00.000Z', recorded: false }]);
  });
});
