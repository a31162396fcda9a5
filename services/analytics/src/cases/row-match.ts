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

const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$lt', '$lte', '$gt', '$gte']);

type Test = (fields: Record<string, unknown>) => boolean;

/**
 * The filter as a predicate, taken apart once: a list or a KPI request tests the same filter against every
 * row of a tenant (80,000 at national scale), so the filter's keys are not walked again for each row.
 */
export function matcher(filter: Filter): (row: object) => boolean {
  const tests: Test[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$or') {
      const branches = (condition as Filter[]).map(matcher);
      tests.push((fields) => branches.some((branch) => branch(fields)));
    } else if (key === '$and') {
      const branches = (condition as Filter[]).map(matcher);
      tests.push((fields) => branches.every((branch) => branch(fields)));
    } else if (key.startsWith('$')) {
      throw new UnsupportedFilterError(key);
    } else if (isOperatorObject(condition)) {
      for (const [operator, operand] of Object.entries(condition)) {
        if (!OPERATORS.has(operator)) throw new UnsupportedFilterError(operator);
        tests.push((fields) => operatorMatches(fields[key], operator, operand));
      }
    } else {
      tests.push((fields) => equal(fields[key], condition));
    }
  }
  return (row) => {
    const fields = row as Record<string, unknown>;
    for (const test of tests) if (!test(fields)) return false;
    return true;
  };
}

/** Whether the row matches the filter, as MongoDB would decide for a document with these fields. */
export function matches(row: object, filter: Filter): boolean {
  return matcher(filter)(row);
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

/**
 * The first `count` rows in the order of `compare`, sorted: what `.sort(compare).slice(0, count)` gives when
 * `compare` is a total order (the list's sorts end on the case id), but through a heap of `count` rows, so a
 * page near the front of a tenant's 80,000 rows costs n log(page) comparisons instead of a sort of them all.
 */
export function firstInOrder<T>(rows: readonly T[], compare: (a: T, b: T) => number, count: number): T[] {
  if (count <= 0) return [];
  if (count * 4 >= rows.length) return [...rows].sort(compare).slice(0, count);
  // A max-heap by `compare`: heap[0] is the last of the rows kept so far, the first to give way.
  const heap: T[] = [];
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  for (const row of rows) {
    if (heap.length < count) {
      heap.push(row);
      for (let i = heap.length - 1, parent = (i - 1) >> 1; i > 0 && compare(heap[i], heap[parent]) > 0; i = parent, parent = (i - 1) >> 1) {
        swap(i, parent);
      }
    } else if (compare(row, heap[0]) < 0) {
      heap[0] = row;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        let largest = i;
        if (left < count && compare(heap[left], heap[largest]) > 0) largest = left;
        if (left + 1 < count && compare(heap[left + 1], heap[largest]) > 0) largest = left + 1;
        if (largest === i) break;
        swap(i, largest);
        i = largest;
      }
    }
  }
  return heap.sort(compare);
}
