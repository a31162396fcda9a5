import type { FieldChange, JsonValue } from '../../api/audit';

// The service's diff takes instants only. Between two revisions the console compares the two states the service
// folded (GET …/state?revision=), by the service's own rules (analytics audit/field-diff.ts): objects by key,
// arrays by index, leaves by their JSON, paths sorted; an absent side means the field did not exist there.

const isObject = (value: unknown): value is Record<string, JsonValue> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Same JSON regardless of key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fieldDiff(before: JsonValue | undefined, after: JsonValue | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, '', changes);
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(before: JsonValue | undefined, after: JsonValue | undefined, path: string, changes: FieldChange[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], path === '' ? key : `${path}.${key}`, changes);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], `${path}[${i}]`, changes);
    return;
  }
  if (before === undefined && after === undefined) return;
  if (before !== undefined && after !== undefined && canonical(before) === canonical(after)) return;
  changes.push({
    path: path === '' ? '(state)' : path,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}
