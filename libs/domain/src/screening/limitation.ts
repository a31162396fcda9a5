import type { IsoDate } from '../shared/vocabulary';

/**
 * АПК чл. 111(4): no proceedings on signals about violations committed more than two years before the
 * signal was received. "More than N years" means before the same date N years earlier (29 February falls
 * back to 28 February), so a violation exactly N years old is still examined.
 */

export type TimeBar = { state: 'within'; earliest: IsoDate } | { state: 'time-barred'; earliest: IsoDate } | { state: 'unreadable' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real ? { year, month, day } : undefined;
}

export function isIsoDate(date: string): boolean {
  return parts(date) !== undefined;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The same calendar date `years` earlier; the month's last day when that date does not exist. */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const given = parts(date);
  if (!given) throw new RangeError(`Not an ISO date: ${date}`);
  const year = given.year - years;
  const lastDay = new Date(Date.UTC(year, given.month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(given.month, 2)}-${pad(Math.min(given.day, lastDay), 2)}`;
}

/** Whether a violation on `violationDate` is too old for a submission received on `receivedOn`. */
export function timeBar(violationDate: IsoDate, receivedOn: IsoDate, years: number): TimeBar {
  if (!isIsoDate(violationDate) || !isIsoDate(receivedOn) || violationDate > receivedOn) return { state: 'unreadable' };
  const earliest = yearsBefore(receivedOn, years);
  return violationDate < earliest ? { state: 'time-barred', earliest } : { state: 'within', earliest };
}
