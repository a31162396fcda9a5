import { HttpStatus } from '@nestjs/common';
import { SubjectErasedError } from '@civic/event-store';
import {
  BODY,
  caseChangedResponse,
  caseRejectionResponse,
  errorBody,
  errorResponse as platformErrorResponse,
  unknownTenant,
  type ErrorExtras,
  type ErrorResponse,
  type FieldProblem,
  IDEMPOTENCY_KEY_HEADER,
} from '@civic/platform';
import {
  CaseNotFoundError,
  CaseNotYoursError,
  CaseRejectedError,
  ConcurrentChangeError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  PreconditionFailedError,
  RequestInProgressError,
  RequestNotApplicableError,
  UnknownTenantError,
} from '../cases/errors';
import { AttachmentNotFoundError } from '../attachments/attachment-vault';
import { AttachmentNotOpenedError } from '../attachments/errors';
import { StorageUnavailableError } from '../attachments/object-storage';
import { BodyTooLargeError } from './public-body-limit.middleware';
import { TooManyRequestsError } from './rate-limit.guard';
import { tenantErrorResponse } from '../tenants/tenant-errors';

// intake answers in the platform's one error body (libs/platform/src/http): the same builders, the same
// table for the decider's rejections, the same words for the framework's refusals.
export { INTERNAL_ERROR, type ErrorResponse } from '@civic/platform';

const answer = (status: number, errors: FieldProblem[], extra: ErrorExtras = {}, headers?: Record<string, string>): ErrorResponse => ({
  status,
  body: errorBody(status, errors, extra),
  ...(headers ? { headers } : {}),
});

/**
 * Any error as the answer intake gives: its own named errors (cases/errors.ts) here, with the headers
 * they need (Retry-After, ETag); everything else as the platform answers it (Nest's refusals, the body
 * parser's, zod's). Undefined for one that is intake's own fault (a 500).
 */
export function errorResponse(error: unknown): ErrorResponse | undefined {
  const tenantAnswer = tenantErrorResponse(error);
  if (tenantAnswer) return tenantAnswer;
  if (error instanceof InvalidInputError) return answer(HttpStatus.BAD_REQUEST, [...error.problems]);
  if (error instanceof UnknownTenantError) return platformErrorResponse(unknownTenant(error.tenant));
  if (error instanceof CaseNotFoundError) return answer(HttpStatus.NOT_FOUND, [{ field: error.field, reason: error.message }]);
  if (error instanceof CaseNotYoursError) return answer(HttpStatus.FORBIDDEN, [{ field: 'caseId', reason: error.message }]);
  if (error instanceof CaseRejectedError) return caseRejectionResponse(error.rejection);
  if (error instanceof IdempotencyKeyReusedError) {
    return answer(HttpStatus.UNPROCESSABLE_ENTITY, [
      { field: IDEMPOTENCY_KEY_HEADER, reason: 'was already used for a different request; send a new key for a new submission' },
    ]);
  }
  if (error instanceof RequestInProgressError) {
    return answer(
      HttpStatus.CONFLICT,
      [{ field: IDEMPOTENCY_KEY_HEADER, reason: 'a request with this key is still being processed; retry shortly' }],
      {},
      { 'Retry-After': String(error.retryAfterSeconds) },
    );
  }
  if (error instanceof PreconditionFailedError) {
    return caseChangedResponse(error.currentRevision);
  }
  if (error instanceof RequestNotApplicableError) return answer(HttpStatus.UNPROCESSABLE_ENTITY, [...error.problems]);
  if (error instanceof SubjectErasedError) {
    return answer(HttpStatus.CONFLICT, [
      { field: 'case', reason: "the submitter's personal data was erased: nothing personal can be recorded for them any more" },
    ]);
  }
  if (error instanceof ConcurrentChangeError) {
    return answer(HttpStatus.CONFLICT, [{ field: 'case', reason: 'the case kept changing while this was decided; try again' }]);
  }
  if (error instanceof TooManyRequestsError) {
    const seconds = error.retryAfterSeconds;
    return answer(
      HttpStatus.TOO_MANY_REQUESTS,
      [{ field: 'request', reason: `too many requests from this address; try again in ${seconds} s` }],
      {
        rejection: {
          type: 'TooManyRequests',
          message: {
            bg: `Твърде много заявки от този адрес. Опитайте отново след ${seconds} секунди.`,
            en: `Too many requests from this address. Try again in ${seconds} seconds.`,
          },
        },
      },
      { 'Retry-After': String(seconds) },
    );
  }
  if (error instanceof AttachmentNotFoundError) {
    return answer(HttpStatus.NOT_FOUND, [{ field: 'attachmentId', reason: 'No such file on this case' }]);
  }
  if (error instanceof AttachmentNotOpenedError) {
    return answer(HttpStatus.CONFLICT, [{ field: 'attachmentId', reason: error.message }], {
      rejection: { type: error.refusal, message: error.words },
    });
  }
  if (error instanceof StorageUnavailableError) {
    return answer(HttpStatus.SERVICE_UNAVAILABLE, [
      { field: 'attachments', reason: 'the file storage cannot be reached; nothing was kept, try again later' },
    ]);
  }
  if (error instanceof BodyTooLargeError) {
    return answer(HttpStatus.PAYLOAD_TOO_LARGE, [{ field: BODY, reason: `is larger than ${error.limitBytes} bytes` }]);
  }
  return platformErrorResponse(error);
}
