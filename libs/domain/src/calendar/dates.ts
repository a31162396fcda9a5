import type { IsoDate } from '../shared/vocabulary';
import type { OpeningHours } from './types';

/**
 * Plain calendar arithmetic on `YYYY-MM-DD` strings. Everything runs in UTC (Date.UTC), so the
 * host's time zone and daylight-saving changes can never shift a date by one.
 */

/** 1 = Monday … 7 = Sunday (ISO weekday). */
export type IsoWeekday = OpeningHours['weekday'];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A string that is not a real calendar date reached the calendar: a bug at the boundary, not a rule. */
export class InvalidIsoDateError extends Error {
  override readonly name = 'InvalidIsoDateError';
  constructor(readonly value: string) {
    super(`Not a calendar date in the form YYYY-MM-DD: "${value}"`);
  }
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parse(date: IsoDate): DateParts {
  const match = ISO_DATE.exec(date);
  if (!match) throw new InvalidIsoDateError(date);
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) {
    throw new InvalidIsoDateError(date);
  }
  return parts;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(date: IsoDate): number {
  return parse(date).year;
}

/** Days since 1970-01-01: lets the calendar step through dates with integers. */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parse(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): IsoDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return isoDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The same date N months later (or earlier, for negative N); when that month is shorter, its last
 * day (LEGAL-SOURCES.md, "Counting deadlines": a term in months ends on the same date of the last month,
 * or on that month's last day when the date does not exist).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function weekday(date: IsoDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const fromMonday = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return (fromMonday + 1) as IsoWeekday;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

/** -1, 0 or 1, for sorting; valid `YYYY-MM-DD` strings order like the dates they name. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parse(a);
  parse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}
