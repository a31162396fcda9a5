import type { JsonObject } from '../port';

/**
 * A copy of `data` with every present value at `paths` replaced by `transform(value, path)`.
 * Path syntax as in @civic/domain's PERSONAL_DATA_FIELDS: `key`, or `key[].field` for that field of every
 * element of an array. Absent and null values are left alone (there is nothing to protect), and so are
 * array elements that are not objects. The same rules as the domain's `mapPersonalData`, for any event.
 */
export function mapPaths(data: JsonObject, paths: readonly string[], transform: (value: unknown, path: string) => unknown): JsonObject {
  const result: JsonObject = { ...data };
  for (const path of paths) {
    const [key, field] = path.split('[].');
    const value = result[key];
    if (field === undefined) {
      if (present(value)) result[key] = transform(value, path);
    } else if (Array.isArray(value)) {
      result[key] = value.map((item: unknown) => {
        if (item === null || typeof item !== 'object') return item;
        const element = item as JsonObject;
        return present(element[field]) ? { ...element, [field]: transform(element[field], path) } : element;
      });
    }
  }
  return result;
}

/** The paths (as given) under which `data` holds at least one present value satisfying `test`. */
export function pathsHolding(data: JsonObject, paths: readonly string[], test: (value: unknown) => boolean): string[] {
  const found = new Set<string>();
  mapPaths(data, paths, (value, path) => {
    if (test(value)) found.add(path);
    return value;
  });
  return [...found];
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}
