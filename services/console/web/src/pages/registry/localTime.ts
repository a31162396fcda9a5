// The registrar enters when something arrived as the municipality's wall-clock time (an <input type="datetime-local">
// value, "2026-11-16T10:30"), whatever the browser's own time zone; the service wants an instant.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall-clock fields of `instant` in `timeZone`, read as if they were UTC: the zone's offset is the difference. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
}

/** An instant as the datetime-local value of its wall-clock time in `timeZone` (minutes). */
export function toLocalInput(instant: Date, timeZone: string): string {
  return new Date(wallClockAsUtc(instant.getTime() - (instant.getTime() % 60_000), timeZone)).toISOString().slice(0, 16);
}

/**
 * A datetime-local value in `timeZone` as an ISO instant; undefined when it is not one. Twice round the offset,
 * so a time next to a daylight-saving change gets the offset in force at that time.
 */
export function fromLocalInput(value: string, timeZone: string): string | undefined {
  const match = LOCAL.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return undefined;
  let instant = asUtc - (wallClockAsUtc(asUtc, timeZone) - asUtc);
  instant = asUtc - (wallClockAsUtc(instant, timeZone) - instant);
  return new Date(instant).toISOString();
}
