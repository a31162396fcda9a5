import type { IsoDate } from '../shared/vocabulary';
import { weekday } from './dates';
import type { OpeningHours, WorkingCalendar } from './types';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class InvalidTimeError extends Error {
  override readonly name = 'InvalidTimeError';
  constructor(readonly value: string) {
    super(`Not a wall-clock time HH:MM: "${value}"`);
  }
}

function minutes(time: string): number {
  const match = TIME.exec(time);
  // 24:00 closes a day that runs to midnight.
  if (!match) {
    if (time === '24:00') return 24 * 60;
    throw new InvalidTimeError(time);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Whether the office is open at a local date and time. A day off (holiday, shift, decision, local
 * holiday) closes it whatever the weekday's hours say. A Saturday or Sunday made a working day by a
 * national decision works as a regular working day, so when that weekday has no hours of its own it
 * takes Monday's. Intervals include their start and exclude their end (open 08:30–17:30 means
 * 17:30 is already closed).
 */
export function isOpenAt(hours: readonly OpeningHours[], calendar: WorkingCalendar, localDate: IsoDate, time: string): boolean {
  const at = minutes(time);
  if (!calendar.isWorkingDay(localDate)) return false;
  const day = weekday(localDate);
  const own = hours.find((entry) => entry.weekday === day)?.intervals ?? [];
  const intervals = own.length > 0 || day < 6 ? own : (hours.find((entry) => entry.weekday === 1)?.intervals ?? []);
  return intervals.some((interval) => minutes(interval.from) <= at && at < minutes(interval.to));
}
