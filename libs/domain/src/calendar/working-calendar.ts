import type { IsoDate } from '../shared/vocabulary';
import { BULGARIA_NATIONAL_OVERRIDES } from './bulgaria-overrides';
import { addCalendarDays, compareDates, isWeekend, yearOf } from './dates';
import { mergeSameDay, officialHolidays } from './holidays';
import { assertValidLocalHolidays, localHolidaysIn } from './local-holidays';
import type { DayOff, LocalHoliday, NationalOverride, WorkingCalendar } from './types';
import { holidayShifts } from './weekend-shift';

export const WEEKEND_SOURCE = 'Кодекс на труда чл. 153, ал. 1 (седмична почивка: събота и неделя)';

/** What a tenant's calendar is built from; omitted national overrides mean Bulgaria's published ones. */
export interface WorkingCalendarInput {
  nationalOverrides?: readonly NationalOverride[];
  localHolidays?: readonly LocalHoliday[];
}

export interface BulgarianWorkingCalendar extends WorkingCalendar {
  /** Every date of the year that is off for a reason other than a plain weekend, sorted. */
  listDaysOff(year: number): DayOff[];
}

/** N must be a whole number (≥ 0 forward, ≥ 1 backward): anything else is a caller's bug. */
export class InvalidWorkingDayCountError extends Error {
  override readonly name = 'InvalidWorkingDayCountError';
  constructor(readonly count: number) {
    super(`A working-day count must be a whole number in range, got ${count}`);
  }
}

/** A Saturday or Sunday the government made a working day. */
type YearEntry = DayOff | { workingDay: NationalOverride };

/**
 * Precedence, strongest first: a national decision (day off or working day), the official holidays,
 * the weekend shift, the tenant's local holidays, the weekend. A date keeps the strongest reason, so
 * an explanation names the rule that really decides it.
 */
export function createWorkingCalendar(input: WorkingCalendarInput = {}): BulgarianWorkingCalendar {
  const nationalOverrides = input.nationalOverrides ?? BULGARIA_NATIONAL_OVERRIDES;
  const localHolidays = input.localHolidays ?? [];
  assertValidLocalHolidays(localHolidays);
  // Memoised per year: deterministic, and counting a 6-month term asks about ~180 dates.
  const years = new Map<number, Map<IsoDate, YearEntry>>();

  function yearEntries(year: number): Map<IsoDate, YearEntry> {
    const cached = years.get(year);
    if (cached) return cached;
    const entries = new Map<IsoDate, YearEntry>();
    for (const dayOff of localHolidaysIn(year, localHolidays)) entries.set(dayOff.date, dayOff);
    const holidays = officialHolidays(year);
    for (const dayOff of holidayShifts(year, holidays)) entries.set(dayOff.date, dayOff);
    for (const date of new Set(holidays.map((holiday) => holiday.date))) {
      const sameDay = holidays.filter((holiday) => holiday.date === date).map(({ easter: _easter, ...dayOff }): DayOff => dayOff);
      entries.set(date, mergeSameDay(date, sameDay));
    }
    for (const override of nationalOverrides) {
      if (yearOf(override.date) !== year) continue;
      entries.set(
        override.date,
        override.kind === 'working-day'
          ? { workingDay: override }
          : { date: override.date, reason: 'national-override', name: override.name, source: override.source },
      );
    }
    years.set(year, entries);
    return entries;
  }

  function dayOff(date: IsoDate): DayOff | undefined {
    const entry = yearEntries(yearOf(date)).get(date);
    if (entry && 'workingDay' in entry) return undefined;
    if (entry) return entry;
    if (!isWeekend(date)) return undefined;
    return { date, reason: 'weekend', name: { bg: 'Почивен ден (уикенд)', en: 'Weekend' }, source: WEEKEND_SOURCE };
  }

  const isWorkingDay = (date: IsoDate) => dayOff(date) === undefined;

  function nextWorkingDay(date: IsoDate): IsoDate {
    let day = date;
    while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }

  function step(date: IsoDate, count: number, direction: 1 | -1): IsoDate {
    let day = date;
    for (let left = count; left > 0; ) {
      day = addCalendarDays(day, direction);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  return {
    isWorkingDay,
    dayOff,
    nextWorkingDay,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0) throw new InvalidWorkingDayCountError(n);
      return step(date, n, 1);
    },
    subtractWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 1) throw new InvalidWorkingDayCountError(n);
      return step(date, n, -1);
    },
    listDaysOff(year) {
      return [...yearEntries(year).values()]
        .filter((entry): entry is DayOff => !('workingDay' in entry))
        .sort((a, b) => compareDates(a.date, b.date));
    },
  };
}
