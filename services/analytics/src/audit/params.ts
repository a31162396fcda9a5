import { UUID_PATTERN, type FieldProblem } from '@civic/platform';
import type { Moment, TimeBasis } from './as-of';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

type Query = Record<string, unknown>;

// ISO-8601 with a date, a time and a zone: a moment, not a day (which would be ambiguous across zones).
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const TIME_BASES: readonly TimeBasis[] = ['occurred', 'recorded'];

const given = (value: unknown) => value !== undefined && value !== '';

/** Query values arrive as strings; a repeated parameter arrives as an array and is refused. */
function single(query: Query, field: string, problems: FieldProblem[]): string | undefined {
  const value = query[field];
  if (!given(value)) return undefined;
  if (typeof value !== 'string') {
    problems.push({ field, reason: 'must be given once' });
    return undefined;
  }
  return value.trim();
}

export function parseCaseId(caseId: string): Parsed<string> {
  return UUID_PATTERN.test(caseId)
    ? { ok: true, value: caseId.toLowerCase() }
    : { ok: false, problems: [{ field: 'caseId', reason: 'must be a case id (a UUID)' }] };
}

function instant(query: Query, field: string, problems: FieldProblem[]): string | undefined {
  const raw = single(query, field, problems);
  if (raw === undefined) return undefined;
  // An unencoded `+` in a query string arrives as a space: `…T12:00:00 02:00` meant `+02:00`.
  const value = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value)) || !realDate(value)) {
    problems.push({ field, reason: 'must be an ISO-8601 instant with a time zone, e.g. 2026-03-02T09:15:00Z' });
    return undefined;
  }
  return new Date(value).toISOString();
}

/** `Date.parse` rolls 2026-02-30 over into March; an auditor's typo must be named instead. */
function realDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function basis(query: Query, problems: FieldProblem[]): TimeBasis {
  const value = single(query, 'basis', problems);
  if (value === undefined) return 'occurred';
  if ((TIME_BASES as readonly string[]).includes(value)) return value as TimeBasis;
  problems.push({ field: 'basis', reason: `must be one of ${TIME_BASES.join(', ')}` });
  return 'occurred';
}

function wholeNumber(
  query: Query,
  field: string,
  problems: FieldProblem[],
  { min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number | undefined {
  const value = single(query, field, problems);
  if (value === undefined) return undefined;
  const number = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    problems.push({ field, reason: `must be a whole number from ${min} to ${max}` });
    return undefined;
  }
  return number;
}

const result = <T>(problems: FieldProblem[], value: () => T): Parsed<T> =>
  problems.length > 0 ? { ok: false, problems } : { ok: true, value: value() };

/** `state`: exactly one of `revision` and `at` (with an optional `basis` for `at`). */
export function parseMoment(query: Query): Parsed<Moment> {
  const problems: FieldProblem[] = [];
  const hasRevision = given(query.revision);
  const hasAt = given(query.at);
  if (hasRevision === hasAt) {
    const reason = hasAt ? 'give either revision or at, not both' : 'give either revision (a number) or at (an ISO-8601 instant)';
    return {
      ok: false,
      problems: [
        { field: 'revision', reason },
        { field: 'at', reason },
      ],
    };
  }
  if (hasRevision) {
    if (given(query.basis)) problems.push({ field: 'basis', reason: 'applies to at only' });
    const revision = wholeNumber(query, 'revision', problems);
    return result(problems, () => ({ revision: revision as number }));
  }
  const at = instant(query, 'at', problems);
  const timeBasis = basis(query, problems);
  return result(problems, () => ({ at: at as string, basis: timeBasis }));
}

export interface DiffRange {
  from: string;
  to: string;
  basis: TimeBasis;
}

/** `diff`: both instants, `from` not after `to`. */
export function parseRange(query: Query): Parsed<DiffRange> {
  const problems: FieldProblem[] = [];
  const from = instant(query, 'from', problems);
  const to = instant(query, 'to', problems);
  const timeBasis = basis(query, problems);
  if (!given(query.from)) problems.push({ field: 'from', reason: 'is required: an ISO-8601 instant' });
  if (!given(query.to)) problems.push({ field: 'to', reason: 'is required: an ISO-8601 instant' });
  if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
    problems.push({ field: 'to', reason: 'must not be before from' });
  }
  return result(problems, () => ({ from: from as string, to: to as string, basis: timeBasis }));
}

/** `verification`: an optional head hash kept from an earlier dossier. */
export function parseKnownHead(query: Query): Parsed<string | undefined> {
  const problems: FieldProblem[] = [];
  const hash = single(query, 'knownHead', problems);
  if (hash !== undefined && !SHA256_HEX.test(hash)) {
    problems.push({ field: 'knownHead', reason: 'must be a SHA-256 hash in lower-case hex (64 characters), as a dossier gives it' });
  }
  return result(problems, () => hash);
}

export interface LogPage {
  fromRevision: number;
  limit: number;
}

export const LOG_PAGE_MAX = 500;

/** `log`: a page of the tenant's audit log. */
export function parseLogPage(query: Query): Parsed<LogPage> {
  const problems: FieldProblem[] = [];
  const fromRevision = wholeNumber(query, 'fromRevision', problems) ?? 0;
  const limit = wholeNumber(query, 'limit', problems, { min: 1, max: LOG_PAGE_MAX }) ?? 100;
  return result(problems, () => ({ fromRevision, limit }));
}
