import {
  createWorkingCalendar,
  InvalidLocalHolidayError,
  InvalidWorkingDayCountError,
  isOpenAt,
  type OpeningHours,
} from '../../src/calendar';

const calendar = createWorkingCalendar();

describe('working days (Labour Code arts. 153–154)', () => {
  it('given a Friday, when adding one working day, then the weekend is skipped', () => {
    expect(calendar.addWorkingDays('2025-06-13', 1)).toBe('2025-06-16');
    expect(calendar.addWorkingDays('2025-06-13', 0)).toBe('2025-06-13');
  });

  it('given Easter 2025, when adding working days, then Good Friday and Easter Monday are skipped', () => {
    expect(calendar.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(calendar.subtractWorkingDays('2025-04-22', 1)).toBe('2025-04-17');
  });

  it('given the year-end 2025, when counting, then 31 Dec and 1–2 Jan are skipped (decision of 19.11.2025)', () => {
    expect(calendar.addWorkingDays('2025-12-30', 1)).toBe('2026-01-05');
    expect(calendar.subtractWorkingDays('2026-01-05', 2)).toBe('2025-12-29');
  });

  it('given a weekend, then nextWorkingDay is Monday and dayOff names the weekly rest', () => {
    expect(calendar.nextWorkingDay('2025-06-14')).toBe('2025-06-16');
    expect(calendar.nextWorkingDay('2025-06-16')).toBe('2025-06-16');
    expect(calendar.dayOff('2025-06-14')).toMatchObject({ reason: 'weekend', source: expect.stringContaining('чл. 153') });
    expect(calendar.dayOff('2025-06-16')).toBeUndefined();
  });

  it('given a negative or fractional count, then it is refused by name', () => {
    expect(() => calendar.addWorkingDays('2025-06-13', -1)).toThrow(InvalidWorkingDayCountError);
    expect(() => calendar.subtractWorkingDays('2025-06-13', 0)).toThrow(InvalidWorkingDayCountError);
  });
});

describe('local holidays (a municipal council decision, on the tenant territory only)', () => {
  const local = createWorkingCalendar({
    localHolidays: [
      { date: '--10-26', name: { bg: 'Димитровден', en: "St Demetrius' Day" }, source: 'Решение на ОбС (пример)' },
      { date: '2025-06-02', name: { bg: 'Празник на града', en: 'Town day' }, source: 'Решение на ОбС (пример)' },
    ],
  });

  it('given an every-year holiday on a weekday, then that date is off each year, naming its decision', () => {
    expect(local.dayOff('2026-10-26')).toMatchObject({ reason: 'local-holiday', source: 'Решение на ОбС (пример)' });
    expect(local.isWorkingDay('2027-10-26')).toBe(false);
  });

  it('given a one-off holiday, then only that year has it, and it never triggers a national shift', () => {
    expect(local.isWorkingDay('2025-06-02')).toBe(false);
    expect(local.isWorkingDay('2026-06-02')).toBe(true);
    // 26 Oct 2025 is a Sunday: local holidays are not official holidays, so Monday stays a working day.
    expect(local.isWorkingDay('2025-10-27')).toBe(true);
  });

  it('given a malformed date, then the calendar refuses to be built', () => {
    const bad = [{ date: '26.10', name: { bg: 'x', en: 'x' }, source: 'x' }];
    expect(() => createWorkingCalendar({ localHolidays: bad })).toThrow(InvalidLocalHolidayError);
  });

  it('given listDaysOff, then local holidays are listed with the national days, sorted', () => {
    const dates = local.listDaysOff(2025).map((dayOff) => dayOff.date);
    expect(dates).toContain('2025-06-02');
    expect(dates).toEqual([...dates].sort());
  });
});

describe('opening hours (Peshtera charter: every working day 8.30–17.30)', () => {
  const hours: OpeningHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday: weekday as OpeningHours['weekday'],
    intervals: [{ from: '08:30', to: '17:30' }],
  }));

  it('given a working day, then the office is open from 08:30 until just before 17:30', () => {
    expect(isOpenAt(hours, calendar, '2025-06-16', '08:29')).toBe(false);
    expect(isOpenAt(hours, calendar, '2025-06-16', '08:30')).toBe(true);
    expect(isOpenAt(hours, calendar, '2025-06-16', '17:29')).toBe(true);
    expect(isOpenAt(hours, calendar, '2025-06-16', '17:30')).toBe(false);
  });

  it('given a holiday on a weekday, then the office is closed (Labour Code art. 154)', () => {
    expect(isOpenAt(hours, calendar, '2025-05-06', '10:00')).toBe(false);
  });

  it("given a Saturday made a working day (РМС № 935/2015), then it opens with Monday's hours", () => {
    expect(isOpenAt(hours, calendar, '2016-03-12', '10:00')).toBe(true);
    expect(isOpenAt(hours, calendar, '2016-03-19', '10:00')).toBe(false);
  });
});
