import { AuditLogUnavailableError } from '../audit-trail/audit-trail';
import { HttpException, HttpStatus } from '@nestjs/common';
import { errorBody, type ErrorBody, type ErrorResponse, type FieldProblem } from './error-body';
import { BODY, fieldProblems, isZodError } from './field-problems';
import { dependencyUnavailable, unreachableDependency } from './dependency-unavailable';

/** The field a framework's own refusal is about, by status (they name none). */
function frameworkField(status: number): string {
  if (status >= 500) return 'server';
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
    case HttpStatus.FORBIDDEN:
      return 'Authorization';
    case HttpStatus.NOT_FOUND:
    case HttpStatus.METHOD_NOT_ALLOWED:
      return 'path';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'request';
    default:
      return BODY;
  }
}

/** nestjs-zod's ZodValidationException (its default pipe): it carries the zod error. */
const zodErrorOf = (exception: HttpException) => {
  const getZodError = (exception as { getZodError?: unknown }).getZodError;
  if (typeof getZodError !== 'function') return undefined;
  const error: unknown = getZodError.call(exception);
  return isZodError(error) ? error : undefined;
};

/**
 * Nest's exceptions (the platform's builders, the auth guard's 401/403, an unknown route's 404, bad JSON's
 * 400, a throttler's 429): their body kept as it is, `errors` added when it has none.
 */
function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const zodError = zodErrorOf(exception);
  if (zodError) return { status, body: errorBody(status, fieldProblems(zodError)) };
  const response = exception.getResponse();
  const original: Record<string, unknown> = typeof response === 'string' ? { message: response } : { ...(response as object) };
  const message = typeof original.message === 'string' ? original.message : exception.message;
  const errors = Array.isArray(original.errors)
    ? (original.errors as FieldProblem[])
    : [{ field: frameworkField(status), reason: message }];
  return { status, body: { ...original, statusCode: status, errors } as ErrorBody };
}

/** Errors of the body parser (http-errors): a 4xx status and a `type` such as `entity.too.large`. */
interface ClientHttpError {
  status: number;
  type?: string;
  limit?: number;
  message: string;
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  if (!(error instanceof Error)) return false;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Any error as the platform's answer; undefined for the service's own faults (a 500, see INTERNAL_ERROR).
 * A ZodError thrown by a handler is bad input, a 400 naming each field, never a 500.
 */
export function errorResponse(error: unknown): ErrorResponse | undefined {
  if (error instanceof HttpException) return fromHttpException(error);
  if (isZodError(error)) return { status: HttpStatus.BAD_REQUEST, body: errorBody(HttpStatus.BAD_REQUEST, fieldProblems(error)) };
  if (error instanceof AuditLogUnavailableError) {
    // GDPR art. 5(2): a read of personal data that cannot be recorded is not answered.
    const status = HttpStatus.SERVICE_UNAVAILABLE;
    return {
      status,
      body: errorBody(status, [{ field: 'request', reason: 'the read could not be recorded in the audit log; try again' }]),
    };
  }
  const dependency = unreachableDependency(error);
  if (dependency) return dependencyUnavailable(dependency);
  if (isClientHttpError(error)) {
    const reason = error.type === 'entity.too.large' && error.limit !== undefined ? `is larger than ${error.limit} bytes` : error.message;
    return { status: error.status, body: errorBody(error.status, [{ field: BODY, reason }]) };
  }
  return undefined;
}
