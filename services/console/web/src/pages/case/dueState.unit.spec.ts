import type { DeskCaseView } from '../../api/cases';
import { dueState, todayIn } from './dueState';

const deadline = (due: string | null, warnings: string[], paused = false): DeskCaseView['deadline'] => ({
  policy: { kind: 'complaint', source: 'APK art. 121' },
  due,
  paused,
  steps: [],
  warnings: warnings.map((on) => ({ workingDaysBefore: 3, on })),
  maxFinalDate: null,
});

describe('dueState', () => {
  it('is overdue after the due date, due soon from the first warning, nothing before', () => {
    const d = deadline('2026-12-18', ['2026-12-15', '2026-12-11']);
    expect(dueState(d, '2026-12-19')).toBe('overdue');
    expect(dueState(d, '2026-12-18')).toBe('soon');
    expect(dueState(d, '2026-12-11')).toBe('soon');
    expect(dueState(d, '2026-12-10')).toBeUndefined();
  });

  it('says nothing for a closed case, a paused clock or no due date', () => {
    expect(dueState(null, '2026-12-19')).toBeUndefined();
    expect(dueState(deadline('2026-12-18', [], true), '2026-12-19')).toBeUndefined();
    expect(dueState(deadline(null, []), '2026-12-19')).toBeUndefined();
  });

  it("takes today in the municipality's time zone", () => {
    expect(todayIn('Europe/Sofia', new Date('2026-12-18T22:30:00Z'))).toBe('2026-12-19');
    expect(todayIn('UTC', new Date('2026-12-18T22:30:00Z'))).toBe('2026-12-18');
  });
});
