export * from './types';
export {
  addCalendarDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  InvalidIsoDateError,
  isIsoDate,
  isWeekend,
  weekday,
  type IsoWeekday,
} from './dates';
export { EASTER_MAX_YEAR, EASTER_MIN_YEAR, EasterYearOutOfRangeError, orthodoxEaster } from './easter';
export { LABOUR_CODE_HOLIDAYS_SOURCE, officialHolidays, type OfficialHoliday } from './holidays';
export { holidayShifts, WEEKEND_SHIFT_SINCE, WEEKEND_SHIFT_SOURCE } from './weekend-shift';
export { BULGARIA_NATIONAL_OVERRIDES } from './bulgaria-overrides';
export { NationalOverridesError, parseNationalOverrides } from './national-overrides';
export { InvalidLocalHolidayError, isValidLocalHolidayDate, localHolidaysIn } from './local-holidays';
export {
  createWorkingCalendar,
  InvalidWorkingDayCountError,
  WEEKEND_SOURCE,
  type BulgarianWorkingCalendar,
  type WorkingCalendarInput,
} from './working-calendar';
export { InvalidTimeError, isOpenAt } from './opening-hours';
export { DEFAULT_TIME_ZONE, InvalidInstantError, startOfLocalDay, toLocalDate, toLocalTime } from './time-zone';
