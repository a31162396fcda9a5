import type { FieldProblem } from '../cases/errors';
import type { Open311Status } from './status';

/** The spec's limits on GET requests: a window of at most 90 days (the latest 90 by default) and 1000 requests. */
export const MAX_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
/** Each identifier is looked up in the event store (two reads and a fold): a hundred at a time is plenty for a client. */
export const MAX_IDS = 100;
const DAY_MS = 86_400_000;

export type RequestsQuery =
  /** `service_request_id` overrides every other argument (the spec). */
  { by: 'ids'; ids: string[] } | { by: 'filter'; from: Date; to: Date; serviceCodes?: string[]; statuses?: Open311Status[]; limit: number };

/** A list argument: comma-delimited, and/or given several times. */
function listOf(value: unknown): string[] | undefined {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const items = values
    .filter((item): item is string => typeof item === 'string')
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

/** w3 date and time with a zone, as the spec requires (e.g. 2010-01-01T00:00:00Z). */
const W3_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function dateOf(name: string, value: unknown, problems: FieldProblem[]): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !W3_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push({ field: name, reason: 'must be a date and time in w3 format with a zone, e.g. 2026-01-01T00:00:00Z' });
    return undefined;
  }
  return new Date(value);
}

/**
 * GET requests' arguments, checked: the window defaults to the latest 90 days, a start alone runs 90 days
 * on, an end alone 90 days back; a window longer than 90 days, an end before the start or an unknown
 * status is named. Unknown service codes simply match nothing.
 */
export function readRequestsQuery(
  query: Record<string, unknown>,
  now: Date,
): { ok: true; query: RequestsQuery } | { ok: false; problems: FieldProblem[] } {
  const ids = listOf(query.service_request_id);
  if (ids) {
    if (ids.length > MAX_IDS) return { ok: false, problems: [{ field: 'service_request_id', reason: `at most ${MAX_IDS} at once` }] };
    return { ok: true, query: { by: 'ids', ids: [...new Set(ids)] } };
  }

  const problems: FieldProblem[] = [];
  const start = dateOf('start_date', query.start_date, problems);
  const end = dateOf('end_date', query.end_date, problems);
  const statuses = listOf(query.status);
  const badStatus = statuses?.find((status) => status !== 'open' && status !== 'closed');
  if (badStatus !== undefined)
    problems.push({ field: 'status', reason: `must be open or closed (comma-delimited for both), not "${badStatus}"` });

  const window = MAX_WINDOW_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + window) : now);
  const from = start ?? new Date(to.getTime() - window);
  if (start && end) {
    if (end < start) problems.push({ field: 'end_date', reason: 'is before start_date' });
    else if (end.getTime() - start.getTime() > window)
      problems.push({ field: 'end_date', reason: `may not be more than ${MAX_WINDOW_DAYS} days after start_date` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const serviceCodes = listOf(query.service_code);
  return {
    ok: true,
    query: {
      by: 'filter',
      from,
      to,
      ...(serviceCodes ? { serviceCodes } : {}),
      ...(statuses ? { statuses: [...new Set(statuses)] as Open311Status[] } : {}),
      limit: MAX_RESULTS,
    },
  };
}
