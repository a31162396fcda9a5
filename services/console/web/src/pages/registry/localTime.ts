// The registrar enters when something arrived as the municipality's wall-clock time (an <input type="datetime-local">
// value, "2026-11-16T10:30"), whatever the browser's own time zone; the service wants an instant.
import { instantToZoned, zonedToInstant } from '../../format/zoned';

/** An instant as the datetime-local value of its wall-clock time in `timeZone` (minutes). */
export function toLocalInput(instant: Date, timeZone: string): string {
  return (instantToZoned(instant.toISOString(), timeZone) ?? '').slice(0, 16);
}

/** A datetime-local value in `timeZone` as an ISO instant; undefined when it is not one or never happened there. */
export function fromLocalInput(value: string, timeZone: string): string | undefined {
  return zonedToInstant(value, timeZone);
}
