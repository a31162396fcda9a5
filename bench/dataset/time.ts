/**
 * Simulated time, in epoch milliseconds, on a tenant's calendar: when people at the municipality can act
 * (working days, office hours in the tenant's time zone) and when citizens can (any day).
 */
import { addCalendarDays, startOfLocalDay, type IsoDate, type WorkingCalendar } from '@civic/domain';
import type { Random } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Office hours, local time, in minutes after midnight (the charters' 08:30–17:30, a little inside). */
const OPEN = 9 * 60;
const CLOSE = 17 * 60 + 15;

export const iso = (at: number): string => new Date(at).toISOString();

export interface Clock {
  timeZone: string;
  calendar: WorkingCalendar;
}

/**
 * The zone's offset from UTC during the hour `at` falls in, asked of Intl once per zone and hour: the domain's
 * `toLocalDate` asks Intl on every call, which made a quarter of the generator's time. Same answers: the zones
 * change their clocks on the hour.
 */
const offsets = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetAt(timeZone: string, at: number): number {
  const hour = Math.floor(at / HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    let format = formatters.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
      formatters.set(timeZone, format);
    }
    const parts: Record<string, string> = {};
    const moment = hour * HOUR;
    for (const part of format.formatToParts(new Date(moment))) parts[part.type] = part.value;
    const local = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    offset = local - moment;
    zone.set(hour, offset);
  }
  return offset;
}

/** The local calendar date of an instant (what the domain's `toLocalDate` gives). */
export const localDay = (clock: Clock, at: number): IsoDate => new Date(at + offsetAt(clock.timeZone, at)).toISOString().slice(0, 10);

const starts = new Map<string, number>();

/** The instant the local day begins (the domain's `startOfLocalDay`, remembered). */
export function dayStart(clock: Clock, day: IsoDate): number {
  const key = `${clock.timeZone}|${day}`;
  let start = starts.get(key);
  if (start === undefined) starts.set(key, (start = startOfLocalDay(day, clock.timeZone).getTime()));
  return start;
}

/** Minutes after local midnight. */
export const minutesOfDay = (clock: Clock, at: number): number => (at - dayStart(clock, localDay(clock, at))) / MINUTE;

/** The first moment at or after `at` when the municipality works; `rng` spreads arrivals at the opening over the morning. */
export function nextWorkingMoment(clock: Clock, at: number, rng: Random): number {
  const day = localDay(clock, at);
  const minutes = minutesOfDay(clock, at);
  if (clock.calendar.isWorkingDay(day) && minutes >= OPEN && minutes < CLOSE) return at;
  const from = clock.calendar.isWorkingDay(day) && minutes < OPEN ? day : clock.calendar.nextWorkingDay(addCalendarDays(day, 1));
  return dayStart(clock, from) + (OPEN + rng.int(0, 180)) * MINUTE + rng.int(0, 59_999);
}

/** A moment during office hours of the given working day. */
export const officeTime = (clock: Clock, day: IsoDate, rng: Random): number =>
  dayStart(clock, day) + rng.int(OPEN, CLOSE - 1) * MINUTE + rng.int(0, 59_999);

/** Some days later, moved into office hours: when staff act. */
export const staffAfter = (clock: Clock, at: number, days: number, rng: Random): number => nextWorkingMoment(clock, at + days * DAY, rng);

/** Some days later, at a waking hour: when citizens act (the portal is open every day). */
export function citizenAfter(clock: Clock, at: number, days: number, rng: Random): number {
  const later = at + days * DAY;
  const day = localDay(clock, later);
  const minutes = minutesOfDay(clock, later);
  if (minutes >= 7 * 60 && minutes < 23 * 60) return later;
  return dayStart(clock, minutes < 7 * 60 ? day : addCalendarDays(day, 1)) + rng.int(7 * 60, 22 * 60) * MINUTE;
}

/** The end of a local day (the start of the next): a due date's last moment. */
export const endOfDay = (clock: Clock, day: IsoDate): number => dayStart(clock, addCalendarDays(day, 1));
