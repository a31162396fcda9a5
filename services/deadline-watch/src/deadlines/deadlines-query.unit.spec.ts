import { parseDeadlinesQuery } from './deadlines-query';

describe('the deadlines query', () => {
  it('defaults to 5 working days', () => {
    expect(parseDeadlinesQuery({})).toEqual({ ok: true, value: { dueWithinWorkingDays: 5 } });
  });

  it('takes 0 to 60', () => {
    expect(parseDeadlinesQuery({ dueWithinWorkingDays: '0' })).toEqual({ ok: true, value: { dueWithinWorkingDays: 0 } });
    expect(parseDeadlinesQuery({ dueWithinWorkingDays: '60' })).toEqual({ ok: true, value: { dueWithinWorkingDays: 60 } });
  });

  it.each(['-1', '61', '2.5', 'five', '', '1e2'])('refuses %p, naming the field', (value) => {
    expect(parseDeadlinesQuery({ dueWithinWorkingDays: value })).toEqual({
      ok: false,
      problems: [{ field: 'dueWithinWorkingDays', reason: 'must be a whole number of working days from 0 to 60' }],
    });
  });

  it('refuses a repeated value and unknown parameters, each by name', () => {
    expect(parseDeadlinesQuery({ dueWithinWorkingDays: ['1', '2'], kind: 'complaint' })).toEqual({
      ok: false,
      problems: [
        { field: 'kind', reason: 'is not a parameter of this endpoint; the only one is dueWithinWorkingDays' },
        { field: 'dueWithinWorkingDays', reason: 'must be given once' },
      ],
    });
  });
});
