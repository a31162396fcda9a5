import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from './error-body';
import { BODY } from './field-problems';

// PostgreSQL keeps neither U+0000 (in text or jsonb) nor an unpaired UTF-16 surrogate (not UTF-8): a string holding
// one would reach the event store and fail there as a 500. Refused at the door instead, naming the field.
// eslint-disable-next-line no-control-regex -- U+0000 is what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first string (a value or a key) that no store keeps, if any. */
export function unstorableField(value: unknown, path: readonly string[] = []): string | undefined {
  const here = () => (path.length ? path.join('.') : BODY);
  if (typeof value === 'string') return UNSTORABLE.test(value) ? here() : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableField(item, [...path, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key.replace(UNSTORABLE, '?')].join('.');
      const found = unstorableField(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** After the body parsers: a parsed body with such a string is answered 400 in the platform's error body. */
export function refuseUnstorableText(request: IncomingMessage & { body?: unknown }, response: ServerResponse, next: () => void): void {
  const field = unstorableField(request.body);
  if (!field) return next();
  response.statusCode = 400;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(
    JSON.stringify(errorBody(400, [{ field, reason: 'contains a NUL character or an unpaired surrogate, which cannot be stored' }])),
  );
}
