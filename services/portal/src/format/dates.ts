import type { Language } from '@civic/domain';

// An instant is shown as the municipality's wall-clock time (its charter's time zone), whatever the server's zone;
// a calendar date (a legal due date, "2026-12-18") is a date, not an instant, and is never shifted by any zone.

const LOCALES: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

/** An instant (ISO 8601 date-time) as a date and time in `timeZone`, e.g. "16 ноември 2026 г., 11:00". */
export function formatInstant(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
}

/** The calendar day of an instant in `timeZone`, e.g. "16 ноември 2026 г.". */
export function formatInstantDate(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone }).format(date);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) as that same date in words. */
export function formatCalendarDate(value: string, language: Language): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Bytes in words a person reads: "10 MB", "512 KB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, language: Language): string {
  const units = language === 'bg' ? ['байта', 'KB', 'MB', 'GB'] : ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const number = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}
