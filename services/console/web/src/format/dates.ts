// Every instant is shown in the municipality's time zone (from /session), in the chosen language.
// A calendar date ("2026-12-18") is a date, not an instant: it is never shifted by a time zone.

const LOCALES: Record<string, string> = { bg: 'bg-BG', en: 'en-GB' };

export function localeOf(language: string): string {
  return LOCALES[language] ?? language;
}

/** An instant (ISO 8601 date-time) as a date and time in `timeZone`. */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) as that same date, whatever the time zone of the browser or the municipality. */
export function formatCalendarDate(value: string, language: string): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
