/**
 * One byte-exact text per JSON value, whatever order the keys were written or stored in (PostgreSQL's
 * jsonb, for one, reorders them): object keys sorted by UTF-16 code units, no whitespace, `undefined`
 * members left out as `JSON.stringify` does. Hashes over it stay equal across a store round trip.
 */
export class NotCanonicalisableError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot canonicalise the value at ${path || '(root)'}: ${reason}`);
    this.name = 'NotCanonicalisableError';
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, path: string): string {
  const json = toJsonValue(value);
  if (json === null) return 'null';
  switch (typeof json) {
    case 'string':
      return JSON.stringify(json);
    case 'boolean':
      return json ? 'true' : 'false';
    case 'number':
      // NaN and Infinity have no JSON form; a store would turn them into null and break the hash later.
      if (!Number.isFinite(json)) throw new NotCanonicalisableError(path, `non-finite number ${json}`);
      return JSON.stringify(json);
    case 'object':
      if (Array.isArray(json)) {
        return `[${json.map((item, i) => (item === undefined ? 'null' : write(item, `${path}[${i}]`))).join(',')}]`;
      }
      return `{${Object.keys(json)
        .filter((key) => (json as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${write((json as Record<string, unknown>)[key], `${path}.${key}`)}`)
        .join(',')}}`;
    default:
      throw new NotCanonicalisableError(path, `a ${typeof json} is not JSON`);
  }
}

/** Dates and other objects with `toJSON` become what `JSON.stringify` would write for them. */
function toJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}
