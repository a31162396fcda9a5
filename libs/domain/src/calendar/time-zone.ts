import type { Instant, IsoDate } from '../shared/vocabulary';

/** Municipal offices keep Bulgarian time; a deadline's day is the day in Sofia, not in UTC. */
export const DEFAULT_TIME_ZONE = 'Europe/Sofia';

export class InvalidInstantError extends Error {
  override readonly name = 'InvalidInstantError';
  constructor(readonly value: string) {
    super(`Not an ISO-8601 instant: "${value}"`);
  }
}

// Formatters are costly to build and hold no state between calls: one per zone is enough.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
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
  return format;
}

function wallClock(moment: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(moment)) parts[part.type] = part.value;
  return parts;
}

function localParts(instant: Instant, timeZone: string): Record<string, string> {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) throw new InvalidInstantError(instant);
  return wallClock(moment, timeZone);
}

/** The calendar date an instant falls on in a zone (Intl does the daylight-saving arithmetic). */
export function toLocalDate(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  const { year, month, day } = localParts(instant, timeZone);
  // Intl writes the year without leading zeros (259, not 0259): an ISO date has four digits.
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/** The wall-clock time `HH:MM` of an instant in a zone, for opening hours. */
export function toLocalTime(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { hour, minute } = localParts(instant, timeZone);
  return `${hour}:${minute}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (Sofia: 2 or 3 hours). */
function offsetAt(epochMs: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClock(new Date(epochMs), timeZone);
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  return local - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a local day begins in a zone: midnight on the zone's wall clock. Sofia changes its clocks at
 * 03:00/04:00, never at midnight, so midnight always exists once; the second pass settles the offset of
 * the day itself when the first guess fell on the other side of a change.
 */
export function startOfLocalDay(date: IsoDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const wallMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(wallMidnight)) throw new RangeError(`not an ISO date: "${date}"`);
  let instant = wallMidnight - offsetAt(wallMidnight, timeZone);
  instant = wallMidnight - offsetAt(instant, timeZone);
  return new Date(instant);
}
