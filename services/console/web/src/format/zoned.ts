// A wall-clock date and time typed by a person ("2026-11-16T11:00", as <input type="datetime-local"> gives it)
// means that time in the municipality's time zone, not in the browser's. These turn it into an instant and back.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall-clock fields of an instant in `timeZone`, as milliseconds of a UTC date with the same fields. */
function wallClockAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
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

/**
 * The instant at which the clocks of `timeZone` showed `local` (YYYY-MM-DDTHH:mm[:ss]), as ISO 8601 in UTC.
 * When the clocks were turned back and the time happened twice, the earlier one; `undefined` for a time that
 * is not a real date or that never happened there (skipped when the clocks went forward).
 */
export function zonedToInstant(local: string, timeZone: string): string | undefined {
  const match = LOCAL.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  // The zone's offset is taken a day before and a day after: one of them holds at the wanted time.
  const offsets = [wanted - 86_400_000, wanted + 86_400_000].map((probe) => wallClockAt(probe, timeZone) - probe);
  const candidates = [...new Set(offsets)]
    .map((offset) => wanted - offset)
    .filter((instant) => wallClockAt(instant, timeZone) === wanted)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  return earliest === undefined ? undefined : new Date(earliest).toISOString();
}

/** An instant as the wall-clock time of `timeZone`, in the form <input type="datetime-local" step="1"> takes. */
export function instantToZoned(iso: string, timeZone: string): string | undefined {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return undefined;
  return new Date(wallClockAt(instant, timeZone)).toISOString().slice(0, 19);
}
