import type { FieldProblem } from '@civic/platform';

export interface DeadlinesQuery {
  dueWithinWorkingDays: number;
}

export const DEFAULT_DUE_WITHIN_WORKING_DAYS = 5;
export const MAX_DUE_WITHIN_WORKING_DAYS = 60;
const KNOWN = new Set(['dueWithinWorkingDays']);

/** Reads the query string; every problem is reported, each by its parameter. */
export function parseDeadlinesQuery(
  query: Record<string, unknown>,
): { ok: true; value: DeadlinesQuery } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(query)) {
    if (!KNOWN.has(name))
      problems.push({ field: name, reason: 'is not a parameter of this endpoint; the only one is dueWithinWorkingDays' });
  }
  let dueWithinWorkingDays = DEFAULT_DUE_WITHIN_WORKING_DAYS;
  const raw = query['dueWithinWorkingDays'];
  if (raw !== undefined) {
    if (typeof raw !== 'string') {
      problems.push({ field: 'dueWithinWorkingDays', reason: 'must be given once' });
    } else if (!/^\d{1,4}$/.test(raw) || Number(raw) > MAX_DUE_WITHIN_WORKING_DAYS) {
      problems.push({
        field: 'dueWithinWorkingDays',
        reason: `must be a whole number of working days from 0 to ${MAX_DUE_WITHIN_WORKING_DAYS}`,
      });
    } else {
      dueWithinWorkingDays = Number(raw);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { dueWithinWorkingDays } };
}
