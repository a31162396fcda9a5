import type { Instant, IsoDate } from '@civic/domain';

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC on a day, `+02:00` or `+03:00` in Sofia. */
function offsetOn(date: IsoDate, timeZone: string): string {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, format);
  }
  // Noon is after both of Sofia's daylight-saving switches (03:00 and 04:00), so it has the evening's offset.
  const name = format.formatToParts(new Date(`${date}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

/** A legal term ends with its last day: the end of that day in the tenant's zone, in the spec's w3 format. */
export function endOfLocalDay(date: IsoDate, timeZone: string): string {
  return `${date}T23:59:59${offsetOn(date, timeZone)}`;
}

/** An instant in the spec's w3 format: UTC, to the second. */
export const w3DateTime = (instant: Instant): string => `${new Date(instant).toISOString().slice(0, 19)}Z`;
