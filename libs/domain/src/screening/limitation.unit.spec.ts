import { timeBar, yearsBefore } from './limitation';

// АПК чл. 111(4): no proceedings on signals about violations committed more than two years before receipt.
describe('time bar on old violations (АПК чл. 111(4))', () => {
  it('a violation more than two years before receipt is time-barred', () => {
    expect(timeBar('2024-03-01', '2026-03-02', 2)).toEqual({ state: 'time-barred', earliest: '2024-03-02' });
  });

  it('a violation exactly two years before receipt is still examined', () => {
    expect(timeBar('2024-03-02', '2026-03-02', 2)).toEqual({ state: 'within', earliest: '2024-03-02' });
  });

  it('a recent violation is examined', () => {
    expect(timeBar('2026-01-15', '2026-03-02', 2).state).toBe('within');
  });

  it('29 February counts back to 28 February of a common year', () => {
    expect(yearsBefore('2028-02-29', 2)).toBe('2026-02-28');
    expect(timeBar('2026-02-27', '2028-02-29', 2).state).toBe('time-barred');
  });

  it('a date that does not exist, or lies after receipt, is unreadable, never a guess', () => {
    expect(timeBar('2025-02-30', '2026-03-02', 2)).toEqual({ state: 'unreadable' });
    expect(timeBar('yesterday', '2026-03-02', 2)).toEqual({ state: 'unreadable' });
    expect(timeBar('2026-03-03', '2026-03-02', 2)).toEqual({ state: 'unreadable' });
  });
});
