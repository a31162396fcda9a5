import { addCalendarDays, isWeekend } from './dates';
import type { OfficialHoliday } from './holidays';
import type { DayOff } from './types';

/** The first year the weekend shift applies: Labour Code art. 154(2), in force since 1 January 2017. */
export const WEEKEND_SHIFT_SINCE = 2017;
export const WEEKEND_SHIFT_SOURCE = 'Кодекс на труда чл. 154, ал. 2 (в сила от 1.01.2017)';

/**
 * The extra days off the weekend shift gives in a year. Labour Code art. 154(2): when an official
 * holiday other than the Easter ones falls on a Saturday and/or Sunday, the first and/or second
 * working day after it is a day off.
 *
 * Holidays are taken in date order; each one falling on a weekend claims the first day after it
 * that is neither a weekend, nor a holiday, nor already claimed. That is how consecutive holidays
 * cascade, and it matches the published calendars:
 *  - 2022: 24 Dec Sat, 25 Sun, 26 Mon (a holiday itself) → 27 and 28 Dec off;
 *  - 2021: 25 Dec Sat, 26 Sun → 27 and 28 Dec off; 2020: 26 Dec Sat → 28 Dec off;
 *  - 2021: 1 May was Saturday and Holy Saturday; Easter Monday 3 May is a holiday, so → 4 May off.
 * An Easter day is never moved and never claims a day, even when it falls on a fixed holiday's date
 * (then the fixed holiday alone shifts, as the law excludes only the Easter holidays). A holiday on a
 * weekday that coincides with another holiday (6 May 2024, Easter Monday) gives no extra day: the
 * law shifts only for Saturday and Sunday.
 * Shifted days never leave the year: the last fixed holiday is 26 Dec, and at most two days follow.
 */
export function holidayShifts(year: number, holidays: readonly OfficialHoliday[]): DayOff[] {
  if (year < WEEKEND_SHIFT_SINCE) return [];
  const taken = new Set(holidays.map((holiday) => holiday.date));
  const shifts: DayOff[] = [];
  for (const holiday of holidays) {
    if (holiday.easter || !isWeekend(holiday.date)) continue;
    let candidate = addCalendarDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addCalendarDays(candidate, 1);
    taken.add(candidate);
    shifts.push({
      date: candidate,
      reason: 'holiday-shift',
      name: {
        bg: `Почивен ден вместо ${holiday.name.bg} (${holiday.date})`,
        en: `Day off in place of ${holiday.name.en} (${holiday.date})`,
      },
      source: WEEKEND_SHIFT_SOURCE,
    });
  }
  return shifts;
}
