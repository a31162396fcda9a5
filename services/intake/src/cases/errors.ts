import type { CaseRejection } from '@civic/domain';
import type { FieldProblem } from '@civic/platform';

/**
 * What can go wrong in taking a case in, as named errors. The HTTP adapter maps each to a status
 * (http/error-response.ts); Open311 will map the same errors to its own `errors[]` shape.
 */

/** One problem with one field of the input: `field` is a dotted path (`submitter.email`, `attachments.0.size`). */
export type { FieldProblem };

/** The input breaks the rules: every bad field is named, not just the first. */
export class InvalidInputError extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`Invalid input: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`);
    this.name = 'InvalidInputError';
  }
}

/** The platform's, so every service names an unknown tenant in the same words. */
export { UnknownTenantError } from '@civic/platform';

/**
 * No case with that id in that tenant, or a tracking code that names none: malformed, unknown and
 * another tenant's all get this same answer, so nothing is learnt by guessing.
 */
const NOT_FOUND = {
  caseId: 'No such case in this municipality',
  trackingCode: 'No case has this tracking code in this municipality',
  registryNumber: 'No case has this registry number in this municipality',
  answer: 'The case has no answer to show',
  requestId: 'No erasure with this id in this municipality',
} as const;

export class CaseNotFoundError extends Error {
  constructor(readonly field: keyof typeof NOT_FOUND) {
    super(NOT_FOUND[field]);
    this.name = 'CaseNotFoundError';
  }
}

/** The decider said no: the rejection carries its type, facts and a bg/en message. */
export class CaseRejectedError extends Error {
  constructor(readonly rejection: CaseRejection) {
    super(`${rejection.type}: ${rejection.message.en}`);
    this.name = 'CaseRejectedError';
  }
}

/** The same idempotency key came with another request: the first request's answer cannot be reused. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`The Idempotency-Key "${key}" was used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Another request with the same idempotency key is being worked on right now: retry shortly. */
export class RequestInProgressError extends Error {
  constructor(
    readonly key: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`A request with the Idempotency-Key "${key}" is still in progress`);
    this.name = 'RequestInProgressError';
  }
}

/** Others kept changing the case while we decided (the handler's retries ran out): try again. */
export class ConcurrentChangeError extends Error {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} kept changing while the command was decided`);
    this.name = 'ConcurrentChangeError';
  }
}

/**
 * The client decided on a revision of the case that is no longer its latest (`If-Match`): nothing was
 * done; read the case again (its ETag is `currentRevision`) and decide on what it says now.
 */
export class PreconditionFailedError extends Error {
  constructor(readonly currentRevision: number) {
    super(`The case is at revision ${currentRevision}, not the one named in If-Match`);
    this.name = 'PreconditionFailedError';
  }
}

/**
 * The request is well formed, but cannot apply to this case for a reason intake knows before the decider
 * (another case that is not there, a final date before the current one): every such field is named.
 */
export class RequestNotApplicableError extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`Not applicable: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`);
    this.name = 'RequestNotApplicableError';
  }
}

/** The caller sees the case but does not work it (not assigned to them or their unit): they may not act on it. */
export class CaseNotYoursError extends Error {
  constructor() {
    super('the case is not assigned to you or to a unit you head');
    this.name = 'CaseNotYoursError';
  }
}

/** No erasure receipt under that id in this tenant: a 404 naming `requestId`. */
export class ReceiptNotFoundError extends CaseNotFoundError {
  constructor() {
    super('requestId');
    this.name = 'ReceiptNotFoundError';
  }
}
