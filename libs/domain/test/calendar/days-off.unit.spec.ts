import { createWorkingCalendar, isWeekend } from '../../src/calendar';

// Labour Code art. 154(1) (holidays), 154(2) (weekend shift, since 2017) and the Council of
// Ministers' decisions in bulgaria-overrides.ts, against the calendars published for each year.
const calendar = createWorkingCalendar();
const weekdaysOff = (year: number) =>
  calendar
    .listDaysOff(year)
    .map((dayOff) => dayOff.date)
    .filter((date) => !isWeekend(date));

describe('the official days off, as published', () => {
  it('given 2024, then 3 Mar (Sun) and 22 Sep (Sun) shift to Monday, and 6 May is St George and Easter Monday at once', () => {
    expect(weekdaysOff(2024)).toEqual([
      '2024-01-01',
      '2024-03-04',
      '2024-05-01',
      '2024-05-03',
      '2024-05-06',
      '2024-05-24',
      '2024-09-06',
      '2024-09-23',
      '2024-12-24',
      '2024-12-25',
      '2024-12-26',
    ]);
  });

  it('given 2025, then 24 May and 6 Sep (Saturdays) shift to Monday and 31 Dec is off by decision', () => {
    expect(weekdaysOff(2025)).toEqual([
      '2025-01-01',
      '2025-03-03',
      '2025-04-18',
      '2025-04-21',
      '2025-05-01',
      '2025-05-06',
      '2025-05-26',
      '2025-09-08',
      '2025-09-22',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2025-12-31',
    ]);
  });

  it('given 2026, then 2 Jan is off by decision, 24 May and 6 Sep (Sundays) and 26 Dec (Saturday) shift', () => {
    expect(weekdaysOff(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-03-03',
      '2026-04-10',
      '2026-04-13',
      '2026-05-01',
      '2026-05-06',
      '2026-05-25',
      '2026-09-07',
      '2026-09-22',
      '2026-12-24',
      '2026-12-25',
      '2026-12-28',
    ]);
  });
});

describe('the weekend shift (Labour Code art. 154(2))', () => {
  it.each([
    ['2022: 24 Dec Sat and 25 Dec Sun, 26 Dec a holiday Monday', '2022-12-27', '2022-12-28'],
    ['2021: 25 Dec Sat, 26 Dec Sun', '2021-12-27', '2021-12-28'],
  ])('given %s, then both shifted days follow the holidays', (_case, first, second) => {
    expect(calendar.dayOff(first)?.reason).toBe('holiday-shift');
    expect(calendar.dayOff(second)?.reason).toBe('holiday-shift');
  });

  it('given 2020, when 26 Dec is a Saturday, then Monday 28 Dec is off', () => {
    expect(calendar.dayOff('2020-12-28')).toMatchObject({ reason: 'holiday-shift', source: expect.stringContaining('чл. 154, ал. 2') });
  });

  it('given 2023, when 24 Dec is a Sunday, then Wednesday 27 Dec is off (25 and 26 are holidays)', () => {
    expect(calendar.dayOff('2023-12-27')?.reason).toBe('holiday-shift');
  });

  it('given 2021, when 1 May (Labour Day) is Holy Saturday, then the first working day after Easter Monday, 4 May, is off', () => {
    expect(calendar.dayOff('2021-05-04')?.name.en).toContain('Labour Day');
    expect(calendar.dayOff('2021-05-01')?.name.en).toBe('Labour Day; Holy Saturday');
  });

  it('given 6 May 2024 (Monday) is both St George and Easter Monday, then the overlap gives no extra day: only Saturday/Sunday shift', () => {
    expect(calendar.dayOff('2024-05-06')?.name.en).toContain("St George's Day");
    expect(calendar.dayOff('2024-05-06')?.name.en).toContain('Easter Monday');
    expect(calendar.isWorkingDay('2024-05-07')).toBe(true);
  });

  it('given 2016, before the rule was in force, when 24–25 Dec fall on Sat–Sun, then 27 Dec is a working day', () => {
    expect(calendar.isWorkingDay('2016-12-27')).toBe(true);
  });
});

describe('national overrides (Council of Ministers decisions)', () => {
  it('given РМС № 935/30.11.2015, then 4 Mar 2016 is off and Saturday 12 Mar 2016 is a working day', () => {
    expect(calendar.dayOff('2016-03-04')).toMatchObject({ reason: 'national-override', source: expect.stringContaining('№ 935') });
    expect(calendar.isWorkingDay('2016-03-12')).toBe(true);
  });

  it('given the euro changeover decision of 19.11.2025, then 31 Dec 2025 and 2 Jan 2026 are off', () => {
    expect(calendar.dayOff('2025-12-31')?.reason).toBe('national-override');
    expect(calendar.dayOff('2026-01-02')?.reason).toBe('national-override');
    expect(calendar.nextWorkingDay('2025-12-31')).toBe('2026-01-05');
  });

  it('given no overrides at all, then the same dates follow the law alone', () => {
    const lawOnly = createWorkingCalendar({ nationalOverrides: [] });
    expect(lawOnly.isWorkingDay('2025-12-31')).toBe(true);
    expect(lawOnly.isWorkingDay('2016-03-12')).toBe(false);
  });
});
