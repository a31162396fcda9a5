import type { CaseKind } from '../../api/cases';
import { KINDS } from '../../api/cases';
export { KINDS };

/** The dashboard's filters, as kept in the address (`?from=2026-01&to=2026-11&kind=complaint&unit=public-works`). */
export interface OpsFilters {
  /** First month of the period, `YYYY-MM`. */
  from: string;
  /** Last month of the period, `YYYY-MM`, both included. */
  to: string;
  kind?: CaseKind;
  unit?: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const UNIT = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** The month `count` months after (or before, when negative) `month`. */
export function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last calendar day of a month, `YYYY-MM-DD` (the API's `to` includes the day). */
export function lastDayOf(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Today's month in the municipality's time zone. */
export function currentMonth(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/**
 * The filters from the address; what is missing or malformed falls back to the last twelve months up to `thisMonth`.
 * A period given backwards is turned round rather than refused: the address may have been typed by hand.
 */
export function parseFilters(params: URLSearchParams, thisMonth: string, isKind: (value: string) => value is CaseKind): OpsFilters {
  let from = params.get('from');
  let to = params.get('to');
  if (!isMonth(to)) to = thisMonth;
  if (!isMonth(from)) from = addMonths(to, -11);
  if (from > to) [from, to] = [to, from];
  const kind = params.get('kind');
  const unit = params.get('unit');
  return {
    from,
    to,
    ...(kind && isKind(kind) ? { kind } : {}),
    ...(unit && UNIT.test(unit) ? { unit } : {}),
  };
}

/** The filters as the address's query, without what is empty. */
export function filtersToParams(filters: OpsFilters): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.unit) params.set('unit', filters.unit);
  return params;
}
