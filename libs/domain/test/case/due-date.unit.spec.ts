import { createWorkingCalendar } from '../../src/calendar';
import {
  caseDecider,
  caseDueDate,
  caseMaxFinalDate,
  dueDateOfCase,
  type CaseEvent,
  type DeadlineCharter,
  type RegisteredCase,
} from '../../src/case';
import { computeDueDate, DEFAULT_DEADLINE_POLICIES } from '../../src/deadlines';
import { as, at, event, history } from './fixtures';

const calendar = createWorkingCalendar({ localHolidays: [] });
const charter: DeadlineCharter = { timeZone: 'Europe/Sofia', deadlines: {} };
const fold = (events: CaseEvent[]) => events.reduce(caseDecider.evolve, caseDecider.initialState());
const registered = (events: CaseEvent[]): RegisteredCase => {
  const state = fold(events);
  if (state.status === 'NotRegistered') throw new Error('not registered');
  return state;
};
const due = (events: CaseEvent[], c: DeadlineCharter = charter) => caseDueDate(fold(events), c, calendar);
const provided = (day: number) =>
  event('InformationProvided', { text: 'ул. „Дунав“ 3', attachments: [], pausedSince: at(5) }, { actor: as('citizen'), now: at(day) });
const extended = (newFinalDate: string, maxFinalDate: string) =>
  event(
    'DeadlineExtended',
    { reason: 'Проверка на място', newFinalDate, maxFinalDate, noticeToSubmitterRequired: true },
    { actor: as('head-of-unit'), now: at(20) },
  );

describe("caseDueDate: one reading of a case's legal due date for every service", () => {
  it('a complaint received on 2 March 2026 is due on 2 April (1 month from receipt), with the steps and warnings of computeDueDate', () => {
    const outcome = due(history.assigned());
    const expected = computeDueDate({ policy: DEFAULT_DEADLINE_POLICIES.complaint, calendar, start: '2026-03-02' });
    if (!expected.ok) throw new Error('expected a due date');
    expect(outcome).toEqual({ ok: true, start: '2026-03-02', ...expected.value });
    expect(outcome).toMatchObject({ due: '2026-04-02' });
  });

  it('no longer open (answered, closed): null, nothing runs', () => {
    expect(due(history.answered())).toBeNull();
    expect(due(history.closed())).toBeNull();
  });

  it('waiting for the submitter where the policy pauses the clock: no due date while paused', () => {
    expect(due(history.awaiting(true))).toMatchObject({ ok: true, due: null, paused: true });
  });

  it('after the reply, the finished pause pushes the due date as computeDueDate counts it', () => {
    const outcome = due([...history.awaiting(true), provided(8)]);
    const expected = computeDueDate({
      policy: DEFAULT_DEADLINE_POLICIES.complaint,
      calendar,
      start: '2026-03-02',
      pauses: [{ from: '2026-03-05', to: '2026-03-08' }],
    });
    expect(outcome).toMatchObject({ ok: true, due: expected.ok ? expected.value.due : 'none', paused: false });
  });

  it('a term that runs from the clarification: not started while the submitter is asked, then counted from the reply', () => {
    const fromClarification: DeadlineCharter = {
      ...charter,
      deadlines: { complaint: { startsOn: 'clarification', source: 'test charter' } },
    };
    expect(due(history.awaiting(false), fromClarification)).toMatchObject({ ok: false, start: null, reason: 'clock-not-started' });
    expect(due([...history.awaiting(false), provided(9)], fromClarification)).toMatchObject({
      ok: true,
      start: '2026-03-09',
      due: '2026-04-09',
    });
    // Nothing was unclear: from the registration (2 March, at 09:00 UTC in the fixtures).
    expect(due(history.assigned(), fromClarification)).toMatchObject({ ok: true, start: '2026-03-02' });
  });

  it('Directive 2019/1937 art. 9(1)(f): a whistleblower report nobody acknowledged runs 3 months from the end of the 7-day period, and says so', () => {
    const outcome = due(history.assigned({ kind: 'whistleblower-report' }));
    expect(outcome).toMatchObject({ ok: true, start: '2026-03-09', due: '2026-06-09' });
    expect(outcome?.ok && outcome.steps[0]).toMatchObject({
      rule: 'acknowledgement-period',
      detail: { en: expect.stringContaining('No acknowledgement') },
    });
  });

  it('a whistleblower report runs 3 months from the acknowledgement sent to the submitter (the first one; staff alerts do not count)', () => {
    const sent = (template: string, recipient: { kind: 'submitter' } | { kind: 'role'; role: 'secretary' }, day: number) =>
      event(
        'NotificationSent',
        { notificationId: `n-${template}-${day}`, template, channel: 'email', recipient, triggeredBy: 'e-1', attempts: 1 },
        { actor: as('system'), now: at(day) },
      );
    const events = [
      ...history.assigned({ kind: 'whistleblower-report' }),
      sent('staff-assigned', { kind: 'role', role: 'secretary' }, 3),
      sent('acknowledgement', { kind: 'submitter' }, 4),
      sent('acknowledgement', { kind: 'submitter' }, 6),
    ];
    expect(due(events)).toMatchObject({ ok: true, start: '2026-03-04', due: '2026-06-04' });
  });

  it('a term that runs from the acknowledgement with no period for it (a tenant policy): not started, and it says why', () => {
    const noPeriod: DeadlineCharter = {
      ...charter,
      deadlines: { 'whistleblower-report': { acknowledgement: null, source: 'test charter' } },
    };
    const outcome = due(history.assigned({ kind: 'whistleblower-report' }), noPeriod);
    expect(outcome).toMatchObject({ ok: false, reason: 'clock-not-started', detail: { en: expect.stringContaining('acknowledgement') } });
  });

  it('an extension within the maximum replaces the due date', () => {
    const events = [...history.assigned({ kind: 'proposal' }), extended('2026-06-15', '2026-09-02')];
    expect(due(events)).toMatchObject({ ok: true, due: '2026-06-15' });
  });

  it('an extension decided under a policy that has changed since still stands: a decided fact, explained as such', () => {
    const events = [...history.assigned({ kind: 'proposal' }), extended('2026-06-15', '2026-09-02')];
    const noExtensions: DeadlineCharter = { ...charter, deadlines: { proposal: { extension: null, source: 'test charter' } } };
    const outcome = due(events, noExtensions);
    expect(outcome).toMatchObject({ ok: true, due: '2026-06-15' });
    expect(outcome?.ok && outcome.steps.at(-1)).toMatchObject({ rule: 'extension', detail: { en: expect.stringContaining('2026-09-02') } });
  });

  it("caseMaxFinalDate: the policy's maximum from the same start; null for a kind without extensions", () => {
    expect(caseMaxFinalDate(registered(history.assigned({ kind: 'proposal' })), charter, calendar)).toBe('2026-09-02');
    expect(caseMaxFinalDate(registered(history.assigned({ kind: 'signal' })), charter, calendar)).toBeNull();
  });
});

describe('dueDateOfCase: just the date', () => {
  it('the date when one runs; null when not open, paused or not started', () => {
    expect(dueDateOfCase(fold(history.assigned()), charter, calendar)).toBe('2026-04-02');
    expect(dueDateOfCase(fold(history.closed()), charter, calendar)).toBeNull();
    expect(dueDateOfCase(fold(history.awaiting(true)), charter, calendar)).toBeNull();
    const fromClarification: DeadlineCharter = {
      ...charter,
      deadlines: { complaint: { startsOn: 'clarification', source: 'test charter' } },
    };
    expect(dueDateOfCase(fold(history.awaiting(false)), fromClarification, calendar)).toBeNull();
  });
});
