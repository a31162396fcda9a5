import { ThrottlerException } from '@nestjs/throttler';
import {
  CaseNotFoundError,
  CaseRejectedError,
  ConcurrentChangeError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  RequestInProgressError,
  UnknownTenantError,
} from '../cases/errors';
import { IDEMPOTENCY_KEY_HEADER } from '@civic/platform';
import type { Open311Error } from './documents';
import { TooManyFailedKeysError } from './failed-key-attempts';

/**
 * Open311's own refusals, as named errors. The spec's statuses: 404 for what does not exist, 403 for a
 * missing or wrong api_key, 400 for anything else the request cannot get (wiki.open311.org/GeoReport_v2,
 * "Errors"). intake's errors (cases/errors.ts) are mapped to the same shape by `open311Answer`.
 */

/** A parameter the spec requires where this endpoint serves several jurisdictions (jurisdiction_id, token). */
export class ParameterMissingError extends Error {
  constructor(readonly parameter: string) {
    super(`${parameter} was not provided`);
    this.name = 'ParameterMissingError';
  }
}

export class ApiKeyRejectedError extends Error {
  constructor(readonly reason: 'missing' | 'invalid') {
    super(reason === 'missing' ? 'api_key was not provided' : 'api_key is not valid for this jurisdiction_id');
    this.name = 'ApiKeyRejectedError';
  }
}

export class ServiceNotFoundError extends Error {
  constructor(
    readonly serviceCode: string,
    jurisdiction: string,
  ) {
    super(`service_code "${serviceCode}" is not a service of jurisdiction_id "${jurisdiction}"`);
    this.name = 'ServiceNotFoundError';
  }
}

export class ServiceRequestNotFoundError extends Error {
  constructor(
    readonly serviceRequestId: string,
    jurisdiction: string,
  ) {
    super(`service_request_id "${serviceRequestId}" was not found in jurisdiction_id "${jurisdiction}"`);
    this.name = 'ServiceRequestNotFoundError';
  }
}

/** Tokens are never issued (POST requests answers with the service_request_id at once), so none is found. */
export class TokenNotFoundError extends Error {
  constructor(readonly token: string) {
    super(`token "${token}" was not found: this server answers POST requests with the service_request_id at once and issues no tokens`);
    this.name = 'TokenNotFoundError';
  }
}

/** A path under /open311/v2 that names no resource, or a format other than json and xml. */
export class ResourceNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a GeoReport v2 resource here; formats: .json, .xml`);
    this.name = 'ResourceNotFoundError';
  }
}

export interface Open311Answer {
  status: number;
  errors: Open311Error[];
  headers?: Record<string, string>;
}

const answer = (status: number, descriptions: string[], headers?: Record<string, string>): Open311Answer => ({
  status,
  errors: descriptions.map((description) => ({ code: status, description })),
  ...(headers ? { headers } : {}),
});

/** Any error as Open311 answers it; undefined for one that is intake's own fault (a 500). */
export function open311Answer(error: unknown): Open311Answer | undefined {
  if (error instanceof ParameterMissingError) return answer(400, [error.message]);
  if (error instanceof InvalidInputError)
    return answer(
      400,
      error.problems.map((p) => `${p.field}: ${p.reason}`),
    );
  if (error instanceof ApiKeyRejectedError) return answer(403, [error.message]);
  if (error instanceof UnknownTenantError) return answer(404, [`jurisdiction_id "${error.tenant}" was not found`]);
  if (
    error instanceof ServiceNotFoundError ||
    error instanceof ServiceRequestNotFoundError ||
    error instanceof TokenNotFoundError ||
    error instanceof ResourceNotFoundError
  ) {
    return answer(404, [error.message]);
  }
  if (error instanceof CaseNotFoundError) return answer(404, ['service_request_id was not found']);
  // The spec knows no 409 or 422: whatever else keeps a request from being fulfilled is a 400.
  if (error instanceof IdempotencyKeyReusedError) {
    return answer(400, [`${IDEMPOTENCY_KEY_HEADER}: was already used for a different request; send a new key for a new request`]);
  }
  if (error instanceof RequestInProgressError) {
    return answer(400, [`${IDEMPOTENCY_KEY_HEADER}: a request with this key is still being processed; retry shortly`], {
      'Retry-After': String(error.retryAfterSeconds),
    });
  }
  if (error instanceof ConcurrentChangeError) return answer(400, ['the case kept changing while this was decided; try again']);
  if (error instanceof CaseRejectedError) return answer(400, [error.rejection.message.en]);
  if (error instanceof TooManyFailedKeysError) return answer(429, [error.message], { 'Retry-After': String(error.retryAfterSeconds) });
  // Not one of the spec's statuses, but the one clients and proxies know; the guard sets Retry-After.
  if (error instanceof ThrottlerException) return answer(429, ['too many requests from this address; try again after Retry-After seconds']);
  return undefined;
}

export const INTERNAL_ERROR: Open311Answer = answer(500, ['something went wrong on our side; it has been logged']);
