/**
 * The list's and the KPIs' MongoDB filters and sorts (case-query.ts, kpi-query.ts), applied to rows in
 * memory (case-rows.ts) with MongoDB's meaning: one definition of which cases a query is about, whether
 * MongoDB or this code applies it. Only the operators those filters use; any other is an error, so a new
 * filter that this does not understand fails its tests instead of matching wrongly.
 */
export type Filter = Record<string, unknown>;

export class UnsupportedFilterError extends Error {
  constructor(readonly operator: string) {
    super(`the in-memory filter does not support ${operator}`);
    this.name = 'UnsupportedFilterError';
  }
}

type Scalar = string | number | boolean | null | undefined;

/** `{ field: null }` matches a missing field too, as in MongoDB. */
function equal(value: unknown, expected: unknown): boolean {
  if (expected === null) return value === null || value === undefined;
  if (Array.isArray(value)) return value.some((item) => item === expected);
  return value === expected;
}

/** Comparisons only between values of one type (MongoDB's type bracketing): null or a missing field never compares. */
function compares(value: unknown, operand: unknown, test: (order: number) => boolean): boolean {
  if (value === null || value === undefined || operand === null || typeof value !== typeof operand) return false;
  const a = value as string | number;
  const b = operand as string | number;
  return test(a < b ? -1 : a > b ? 1 : 0);
}

function operatorMatches(value: unknown, operator: string, operand: unknown): boolean {
  switch (operator) {
    case '$eq':
      return equal(value, operand);
    case '$ne':
      return !equal(value, operand);
    case '$in':
      return (operand as unknown[]).some((item) => equal(value, item));
    case '$nin':
      return !(operand as unknown[]).some((item) => equal(value, item));
    case '$lt':
      return compares(value, operand, (order) => order < 0);
    case '$lte':
      return compares(value, operand, (order) => order <= 0);
    case '$gt':
      return compares(value, operand, (order) => order > 0);
    case '$gte':
      return compares(value, operand, (order) => order >= 0);
    default:
      throw new UnsupportedFilterError(operator);
  }
}

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((key) => key.startsWith('$'));

/** Whether the row matches the filter, as MongoDB would decide for a document with these fields. */
export function matches(row: object, filter: Filter): boolean {
  const fields = row as Record<string, unknown>;
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$or') {
      if (!(condition as Filter[]).some((branch) => matches(row, branch))) return false;
    } else if (key === '$and') {
      if (!(condition as Filter[]).every((branch) => matches(row, branch))) return false;
    } else if (key.startsWith('$')) {
      throw new UnsupportedFilterError(key);
    } else if (isOperatorObject(condition)) {
      for (const [operator, operand] of Object.entries(condition)) if (!operatorMatches(fields[key], operator, operand)) return false;
    } else if (!equal(fields[key], condition)) {
      return false;
    }
  }
  return true;
}

/** MongoDB's order of the values these rows hold: null (or missing) first, then numbers, then strings. */
function rank(value: Scalar): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  return 3;
}

function compareValues(a: Scalar, b: Scalar): number {
  const ranks = rank(a) - rank(b);
  if (ranks !== 0) return ranks;
  if (a === b || a === null || a === undefined) return 0;
  return (a as string | number | boolean) < (b as string | number | boolean) ? -1 : 1;
}

/** A comparator for a MongoDB sort document (`{ field: 1 | -1, … }`), fields in the document's order. */
export function comparator(sort: Record<string, 1 | -1>): (a: object, b: object) => number {
  const keys = Object.entries(sort);
  return (a, b) => {
    const left = a as Record<string, Scalar>;
    const right = b as Record<string, Scalar>;
    for (const [field, direction] of keys) {
      const order = compareValues(left[field], right[field]);
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}
