import { HttpException, HttpStatus } from '@nestjs/common';
import type { CaseRejection, CaseRejectionType } from '@civic/domain';
import { SubjectErasedError } from '@civic/event-store';
import {
  CaseNotFoundError,
  CaseRejectedError,
  ConcurrentChangeError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  PreconditionFailedError,
  RequestInProgressError,
  RequestNotApplicableError,
  UnknownTenantError,
  type FieldProblem,
} from '../cases/errors';
import { BODY } from '../cases/field-problems';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key';
import { etagOf, IF_MATCH_HEADER } from './revision-headers';
import { BodyTooLargeError } from './public-body-limit.middleware';

/** Every error answer of intake: the status, the bad fields, and the decider's rejection when there was one. */
export interface ErrorBody {
  statusCode: number;
  errors: FieldProblem[];
  rejection?: CaseRejection;
  [extra: string]: unknown;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

/**
 * The decider's rejections as HTTP: 404 when the case is not there for this caller, 403 for a role that
 * may never do it, 409 when the case's state does not allow it (now), 422 when the request cannot apply
 * to this case at all. Each names the field the caller should look at.
 */
const REJECTION_ANSWERS: { readonly [T in CaseRejectionType]: { status: number; field: string } } = {
  CaseNotFound: { status: HttpStatus.NOT_FOUND, field: 'caseId' },
  CommandForAnotherCase: { status: HttpStatus.NOT_FOUND, field: 'caseId' },
  NotPermittedForRole: { status: HttpStatus.FORBIDDEN, field: 'role' },
  NoProceedingsOnlyByRegistrar: { status: HttpStatus.FORBIDDEN, field: 'role' },
  ReceivedInTheFuture: { status: HttpStatus.BAD_REQUEST, field: 'receivedAt' },
  CaseAlreadyRegistered: { status: HttpStatus.CONFLICT, field: 'case' },
  IllegalTransition: { status: HttpStatus.CONFLICT, field: 'case' },
  AlreadyAssignedToOfficer: { status: HttpStatus.CONFLICT, field: 'officerId' },
  CannotAnswerInadmissibleCase: { status: HttpStatus.CONFLICT, field: 'case' },
  ExtensionNotAllowed: { status: HttpStatus.CONFLICT, field: 'case' },
  RatingBeforeAnswer: { status: HttpStatus.CONFLICT, field: 'case' },
  ReasonRequired: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'reason' },
  NoFlagsGiven: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'flags' },
  HealthOrSafetyThreatMustBeExamined: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'ground' },
  GroundNotApplicableToKind: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'ground' },
  ExtensionWithoutReason: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'reason' },
  ExtensionBeyondLegalMaximum: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'newFinalDate' },
  ExtensionNotLater: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'newFinalDate' },
  RatingOutOfRange: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'rating' },
  CannotBeDuplicateOfItself: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'originalCaseId' },
  // Only the platform records these; a person never sees them, but every rejection has an answer.
  DeadlineAlertAlreadyRecorded: { status: HttpStatus.CONFLICT, field: 'case' },
  EscalationBeforeBreach: { status: HttpStatus.CONFLICT, field: 'case' },
  NotificationAlreadyRecorded: { status: HttpStatus.CONFLICT, field: 'notificationId' },
};

const answer = (status: number, errors: FieldProblem[], extra: Partial<ErrorBody> = {}, headers?: Record<string, string>): ErrorResponse => ({
  status,
  body: { statusCode: status, errors, ...extra },
  ...(headers ? { headers } : {}),
});

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

/** Nest's exceptions (the auth guard's 401/403, the throttler's 429, an unknown route's 404, bad JSON's 400): their body kept, `errors` added. */
function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const original: Record<string, unknown> = typeof response === 'string' ? { message: response } : { ...(response as object) };
  const message = typeof original.message === 'string' ? original.message : exception.message;
  const errors = Array.isArray(original.errors) ? (original.errors as FieldProblem[]) : [{ field: frameworkField(status), reason: message }];
  return { status, body: { ...original, statusCode: status, errors } };
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

/** Any error as the answer intake gives; undefined for one that is intake's own fault (a 500). */
export function errorResponse(error: unknown): ErrorResponse | undefined {
  if (error instanceof InvalidInputError) return answer(HttpStatus.BAD_REQUEST, [...error.problems]);
  if (error instanceof UnknownTenantError) {
    return answer(HttpStatus.NOT_FOUND, [{ field: 'tenant', reason: `no municipality "${error.tenant}" is served here` }]);
  }
  if (error instanceof CaseNotFoundError) return answer(HttpStatus.NOT_FOUND, [{ field: error.field, reason: error.message }]);
  if (error instanceof CaseRejectedError) {
    const { rejection } = error;
    const { status, field } = REJECTION_ANSWERS[rejection.type] ?? { status: HttpStatus.CONFLICT, field: 'case' };
    return answer(status, [{ field, reason: rejection.message.en }], { rejection });
  }
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
    const { currentRevision } = error;
    return answer(
      HttpStatus.PRECONDITION_FAILED,
      [{ field: IF_MATCH_HEADER, reason: `the case has changed: it is at revision ${currentRevision} now; read it again and decide on what it says` }],
      { currentRevision },
      { ETag: etagOf(currentRevision) },
    );
  }
  if (error instanceof RequestNotApplicableError) return answer(HttpStatus.UNPROCESSABLE_ENTITY, [...error.problems]);
  if (error instanceof SubjectErasedError) {
    return answer(HttpStatus.CONFLICT, [{ field: 'case', reason: "the submitter's personal data was erased: nothing personal can be recorded for them any more" }]);
  }
  if (error instanceof ConcurrentChangeError) {
    return answer(HttpStatus.CONFLICT, [{ field: 'case', reason: 'the case kept changing while this was decided; try again' }]);
  }
  if (error instanceof BodyTooLargeError) {
    return answer(HttpStatus.PAYLOAD_TOO_LARGE, [{ field: BODY, reason: `is larger than ${error.limitBytes} bytes` }]);
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isClientHttpError(error)) {
    const reason =
      error.type === 'entity.too.large' && error.limit !== undefined ? `is larger than ${error.limit} bytes` : error.message;
    return answer(error.status, [{ field: BODY, reason }]);
  }
  return undefined;
}

export const INTERNAL_ERROR: ErrorResponse = answer(HttpStatus.INTERNAL_SERVER_ERROR, [
  { field: 'server', reason: 'something went wrong on our side; it has been logged' },
]);
