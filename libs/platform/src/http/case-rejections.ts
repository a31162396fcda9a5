import { HttpException, HttpStatus } from '@nestjs/common';
import type { CaseRejection, CaseRejectionType } from '@civic/domain';
import { errorBody, type ErrorResponse } from './error-body';
import { etagOf, IF_MATCH_HEADER } from './entity-tags';

/**
 * The case decider's rejections as HTTP, the same for every service that issues case commands (intake's
 * included): 404 when the case is not there for this caller,
 * 403 for a role that may never do it, 409 when the case's state does not allow it (now), 422 when the
 * request cannot apply to this case at all. Each names the field the caller should look at.
 */
export const CASE_REJECTION_ANSWERS: { readonly [T in CaseRejectionType]: { status: number; field: string } } = {
  CaseNotFound: { status: HttpStatus.NOT_FOUND, field: 'caseId' },
  CommandForAnotherCase: { status: HttpStatus.NOT_FOUND, field: 'caseId' },
  NotPermittedForRole: { status: HttpStatus.FORBIDDEN, field: 'role' },
  NotYourCase: { status: HttpStatus.FORBIDDEN, field: 'caseId' },
  NoProceedingsOnlyByRegistrar: { status: HttpStatus.FORBIDDEN, field: 'role' },
  ReceivedInTheFuture: { status: HttpStatus.BAD_REQUEST, field: 'receivedAt' },
  ReceiverRequired: { status: HttpStatus.BAD_REQUEST, field: 'receivedBy' },
  ReceiverNotApplicable: { status: HttpStatus.BAD_REQUEST, field: 'receivedBy' },
  CaseAlreadyRegistered: { status: HttpStatus.CONFLICT, field: 'case' },
  IllegalTransition: { status: HttpStatus.CONFLICT, field: 'case' },
  AlreadyAssignedToOfficer: { status: HttpStatus.CONFLICT, field: 'officerId' },
  CannotAnswerInadmissibleCase: { status: HttpStatus.CONFLICT, field: 'case' },
  ExtensionNotAllowed: { status: HttpStatus.CONFLICT, field: 'case' },
  RatingBeforeAnswer: { status: HttpStatus.CONFLICT, field: 'case' },
  AlreadyRated: { status: HttpStatus.CONFLICT, field: 'case' },
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
  NotAWhistleblowerReport: { status: HttpStatus.CONFLICT, field: 'case' },
  IdentityAlreadyDisclosed: { status: HttpStatus.CONFLICT, field: 'disclosedTo' },
  ErasureOfOpenCase: { status: HttpStatus.CONFLICT, field: 'case' },
  PersonalDataAlreadyErased: { status: HttpStatus.CONFLICT, field: 'case' },
};

/** A case rejection as the answer: the field and the English message in `errors`, the rejection itself beside. */
export function caseRejectionResponse(rejection: CaseRejection): ErrorResponse {
  const { status, field } = CASE_REJECTION_ANSWERS[rejection.type] ?? { status: HttpStatus.CONFLICT, field: 'case' };
  return { status, body: errorBody(status, [{ field, reason: rejection.message.en }], { rejection }) };
}

/** The same, to throw from a controller. */
export function caseRejected(rejection: CaseRejection): HttpException {
  const { status, body } = caseRejectionResponse(rejection);
  return new HttpException(body, status);
}

/** An If-Match that names a revision the case is no longer at: 412 with the current one, as a body field and an ETag. */
export function caseChangedResponse(currentRevision: number): ErrorResponse & { headers: Record<string, string> } {
  const reason = `the case has changed: it is at revision ${currentRevision} now; read it again and decide on what it says`;
  return {
    status: HttpStatus.PRECONDITION_FAILED,
    body: errorBody(HttpStatus.PRECONDITION_FAILED, [{ field: IF_MATCH_HEADER, reason }], { currentRevision }),
    headers: { ETag: etagOf(currentRevision) },
  };
}
