import {
  addCalendarDays,
  addMonths,
  compareDates,
  daysBetween,
  InvalidInstantError,
  InvalidIsoDateError,
  isIsoDate,
  toLocalDate,
  toLocalTime,
  weekday,
} from '../../src/calendar';

describe('calendar arithmetic (LEGAL-SOURCES.md, "Counting deadlines")', () => {
  it('given a term in months, when the date exists in the last month, then it ends on the same date (ГПК чл. 60; ЗЗД чл. 72)', () => {
    expect(addMonths('2025-01-15', 2)).toBe('2025-03-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it("given a term in months, when the date does not exist, then it ends on that month's last day", () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('given days across a year or a leap day, then calendar days count exactly', () => {
    expect(addCalendarDays('2024-12-25', 14)).toBe('2025-01-08');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('given dates, then weekday is ISO (1 = Monday) and compareDates orders them', () => {
    expect(weekday('2025-12-29')).toBe(1);
    expect(weekday('2026-01-04')).toBe(7);
    expect(['2026-01-02', '2025-12-31', '2026-01-01'].sort(compareDates)).toEqual(['2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('given something that is not a date, then it is refused by name', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => addMonths('2025-13-01', 1)).toThrow(InvalidIsoDateError);
    expect(() => weekday('31.12.2025')).toThrow(InvalidIsoDateError);
  });
});

describe('toLocalDate: the day in Sofia, not in UTC', () => {
  it("given a late-evening UTC instant on New Year's Eve, then it is already 1 January in Sofia (UTC+2)", () => {
    expect(toLocalDate('2025-12-31T22:30:00.000Z')).toBe('2026-01-01');
    expect(toLocalTime('2025-12-31T22:30:00.000Z')).toBe('00:30');
  });

  it('writes a year before 1000 with four digits, as an ISO date has', () => {
    expect(toLocalDate('0259-01-09T16:57:16.000Z', 'UTC')).toBe('0259-01-09');
  });

  it('given summer time (UTC+3), then the offset follows daylight saving', () => {
    expect(toLocalDate('2025-07-15T21:30:00.000Z')).toBe('2025-07-16');
    expect(toLocalTime('2025-03-30T01:30:00.000Z')).toBe('04:30');
  });

  it('given another zone, then it is honoured', () => {
    expect(toLocalDate('2025-12-31T22:30:00.000Z', 'UTC')).toBe('2025-12-31');
  });

  it('given a string that is not an instant, then it is refused by name', () => {
    expect(() => toLocalDate('yesterday')).toThrow(InvalidInstantError);
  });
});
