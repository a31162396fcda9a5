import type { IncomingHttpHeaders } from 'node:http';

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** The caller's correlation id (`X-Correlation-Id`, else `X-Request-Id`), when it is a sane one. */
export function correlationIdOf(headers: IncomingHttpHeaders): string | undefined {
  for (const name of ['x-correlation-id', 'x-request-id']) {
    const value = headers[name];
    if (typeof value === 'string' && CORRELATION_ID.test(value)) return value;
  }
  return undefined;
}

/** A header that may arrive once or several times, as one value (the first). */
export function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
