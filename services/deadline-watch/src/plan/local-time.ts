import type { IsoDate } from '@civic/domain';

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

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (Sofia: 2 or 3 hours). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wallClock - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a local day begins in a zone: midnight on the zone's wall clock. Sofia changes its clocks at
 * 03:00/04:00, never at midnight, so midnight always exists once; the second pass settles the offset of
 * the day itself when the first guess fell on the other side of a change.
 */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  const wallMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(wallMidnight)) throw new RangeError(`not an ISO date: "${date}"`);
  let instant = wallMidnight - offsetAt(wallMidnight, timeZone);
  instant = wallMidnight - offsetAt(instant, timeZone);
  return new Date(instant);
}
