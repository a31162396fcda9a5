import { createWorkingCalendar } from '../../src/calendar';
import { computeDueDate, DEFAULT_DEADLINE_POLICIES, resolveDeadlinePolicy } from '../../src/deadlines';
import { tenant } from '../routing/fixtures';

describe("a tenant's local holidays (municipal council decisions, in the tenant's data file)", () => {
  const petrich = tenant('petrich');
  const sopot = tenant('sopot');
  const dueIn = (slug: 'petrich' | 'sopot', start: string) => {
    const charter = slug === 'petrich' ? petrich : sopot;
    const policy = resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES.proposal, charter.deadlines.proposal);
    const outcome = computeDueDate({ policy, calendar: createWorkingCalendar({ localHolidays: charter.localHolidays }), start });
    if (!outcome.ok) throw new Error(outcome.rejection.reason);
    return outcome.value;
  };

  it("given Petrich's 28 Oct 2019 (Решение № 371/27.10.2016 на ОбС – Петрич), then a proposal due that Monday is due the next day", () => {
    // АПК чл. 118(1): two months from 28 Aug 2019 end on Monday 28 Oct 2019.
    expect(dueIn('sopot', '2019-08-28').due).toBe('2019-10-28');
    const due = dueIn('petrich', '2019-08-28');
    expect(due.due).toBe('2019-10-29');
    const moved = due.steps.find((step) => step.rule === 'non-working-last-day');
    expect(moved?.source).toContain('Решение № 371/27.10.2016 г. на Общинския съвет – Петрич');
  });
});
