import { HttpStatus } from '@nestjs/common';
import { badRequest, httpError } from '@civic/platform';
import type { Parsed } from './params';

export const auditLogUnavailable = () =>
  httpError(HttpStatus.SERVICE_UNAVAILABLE, [
    { field: 'audit-log', reason: 'the read could not be recorded in the audit log, so it is not answered; try again' },
  ]);

/** The value, or a 400 naming every bad parameter. */
export function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw badRequest(parsed.problems);
  return parsed.value;
}

/** Echoed back and written to the audit log, so an auditor's request and its log entry can be matched. */
export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[\x21-\x7e]{1,200}$/;

export function correlationIdFrom(header: string | undefined, fresh: () => string): string {
  if (header === undefined || header.trim() === '') return fresh();
  const id = header.trim();
  if (!CORRELATION_ID.test(id)) {
    throw badRequest([{ field: 'X-Correlation-Id', reason: 'must be 1 to 200 printable ASCII characters without spaces' }]);
  }
  return id;
}
