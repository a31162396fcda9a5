import type { IsoDate } from '../shared/vocabulary';
import { addCalendarDays, isoDate } from './dates';

/** The years the Julian-to-Gregorian offset below is exact for: 1900–2199 (13 days, then 14 from 2100). */
export const EASTER_MIN_YEAR = 1900;
export const EASTER_MAX_YEAR = 2199;

export class EasterYearOutOfRangeError extends Error {
  override readonly name = 'EasterYearOutOfRangeError';
  constructor(readonly year: number) {
    super(`Orthodox Easter is computed for ${EASTER_MIN_YEAR}–${EASTER_MAX_YEAR}, got ${year}`);
  }
}

/**
 * Orthodox Easter Sunday (Bulgarian Orthodox Church; Labour Code art. 154(1) makes it a holiday).
 * The Julian computus (Meeus' algorithm) gives the date in the Julian calendar; the Gregorian date
 * is that plus the calendars' offset, which is 13 days in 1900–2099 and 14 in 2100–2199. Easter is
 * always after Julian 29 February, so the year's offset applies without an exception.
 */
export function orthodoxEaster(year: number): IsoDate {
  if (!Number.isInteger(year) || year < EASTER_MIN_YEAR || year > EASTER_MAX_YEAR) {
    throw new EasterYearOutOfRangeError(year);
  }
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  const julianToGregorian = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  // The Julian date read as a Gregorian one, then moved by the offset: month ends are handled by the
  // epoch-day arithmetic, so a Julian 30 April becomes the right day of May.
  return addCalendarDays(isoDate(year, month, day), julianToGregorian);
}
