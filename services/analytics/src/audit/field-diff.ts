import { canonicalJson } from '@civic/event-store';

/** One field that differs between two states; an absent side means the field did not exist there. */
export interface FieldChange {
  /** Dotted path with array indexes, e.g. `facts.answeredAt[0]` or `officerId`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/**
 * The field-level difference of two JSON values (states), down to the leaves: objects by key, arrays by
 * index, anything else by its canonical JSON. Paths come out sorted, so the answer is stable.
 */
export function fieldDiff(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, '', changes);
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(before: unknown, after: unknown, path: string, changes: FieldChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], join(path, key), changes);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], `${path}[${i}]`, changes);
    return;
  }
  if (before === undefined && after === undefined) return;
  if (before !== undefined && after !== undefined && canonicalJson(before) === canonicalJson(after)) return;
  changes.push({
    path: path === '' ? '(state)' : path,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}
