/** A field the service named as bad: a dotted path into the body, a header, or a path parameter. */
export interface FieldError {
  field: string;
  reason: string;
}

/** The services' error body: `{ statusCode, errors: [{ field, reason }] }`, sometimes with a named rejection. */
export interface ErrorBody {
  statusCode: number;
  errors: FieldError[];
  rejection?: { type: string; message: { bg: string; en: string } };
  currentRevision?: number;
}

/** A service answered with an error status; `body` is its error body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
  ) {
    super(`HTTP ${status}`);
    this.name = 'ApiError';
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const errors = (value as { errors?: unknown }).errors;
  return Array.isArray(errors);
}

/** Turns openapi-fetch's `{ data, error, response }` into the data, or throws an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok || result.data === undefined) {
    throw new ApiError(result.response.status, isErrorBody(result.error) ? result.error : undefined);
  }
  return result.data;
}

/** 4xx answers will not change on a retry (a 401 has already sent the user to sign in). */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}
