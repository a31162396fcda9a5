import { daysInMonth, isIsoDate, isoDate, yearOf } from './dates';
import type { DayOff, LocalHoliday } from './types';

const EVERY_YEAR = /^--(\d{2})-(\d{2})$/;

/** A local holiday whose date is neither `YYYY-MM-DD` nor `--MM-DD`: tenant data that needs fixing. */
export class InvalidLocalHolidayError extends Error {
  override readonly name = 'InvalidLocalHolidayError';
  constructor(readonly holiday: LocalHoliday) {
    super(`Local holiday "${holiday.name.en}" has date "${holiday.date}"; expected YYYY-MM-DD or --MM-DD`);
  }
}

export function isValidLocalHolidayDate(date: string): boolean {
  if (isIsoDate(date)) return true;
  const match = EVERY_YEAR.exec(date);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  // A leap year, so that --02-29 is accepted; it is skipped in the years without a 29 February.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

export function assertValidLocalHolidays(holidays: readonly LocalHoliday[]): void {
  for (const holiday of holidays) {
    if (!isValidLocalHolidayDate(holiday.date)) throw new InvalidLocalHolidayError(holiday);
  }
}

/**
 * The municipal council's holidays that fall in `year`. They apply to the tenant's territory only,
 * so they never feed the national weekend shift (that is the Labour Code's, for official holidays).
 */
export function localHolidaysIn(year: number, holidays: readonly LocalHoliday[]): DayOff[] {
  return holidays.flatMap((holiday): DayOff[] => {
    const date = dateIn(year, holiday.date);
    return date ? [{ date, reason: 'local-holiday', name: holiday.name, source: holiday.source }] : [];
  });
}

function dateIn(year: number, date: string): string | undefined {
  if (isIsoDate(date)) return yearOf(date) === year ? date : undefined;
  const match = EVERY_YEAR.exec(date);
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return day <= daysInMonth(year, month) ? isoDate(year, month, day) : undefined;
}
