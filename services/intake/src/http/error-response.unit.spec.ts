import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { rejections } from '@civic/domain';
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
} from '../cases/errors';
import { AttachmentNotFoundError } from '../attachments/attachment-vault';
import { AttachmentNotOpenedError } from '../attachments/errors';
import { StorageUnavailableError } from '../attachments/object-storage';
import { errorResponse, INTERNAL_ERROR } from './error-response';
import { BodyTooLargeError } from './public-body-limit.middleware';
import { TooManyRequestsError } from './rate-limit.guard';

describe('errors as HTTP answers', () => {
  it('bad input: 400 naming every field', () => {
    const problems = [
      { field: 'text', reason: 'is required' },
      { field: 'submitter.email', reason: 'must be an e-mail address' },
    ];
    expect(errorResponse(new InvalidInputError(problems))).toEqual({ status: 400, body: { statusCode: 400, errors: problems } });
  });

  it('an unknown tenant: 404 naming the tenant', () => {
    expect(errorResponse(new UnknownTenantError('atlantis'))).toEqual({
      status: 404,
      body: { statusCode: 404, errors: [{ field: 'tenant', reason: 'no municipality "atlantis" is served here' }] },
    });
  });

  it('no such case: 404 naming what was asked by', () => {
    expect(errorResponse(new CaseNotFoundError('trackingCode'))?.body.errors[0].field).toBe('trackingCode');
  });

  it("the decider's rejections: 409 for the case's state, 422 for a request that cannot apply, with the bg/en message", () => {
    const beforeAnswer = errorResponse(new CaseRejectedError(rejections.ratingBeforeAnswer()));
    expect(beforeAnswer).toMatchObject({
      status: 409,
      body: { rejection: { type: 'RatingBeforeAnswer', message: { bg: expect.any(String), en: expect.any(String) } } },
    });
    expect(errorResponse(new CaseRejectedError(rejections.illegalTransition('Withdrawn', 'WithdrawCase')))?.status).toBe(409);
    expect(errorResponse(new CaseRejectedError(rejections.reasonRequired('ResolveFlag')))).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'reason' }] },
    });
    expect(errorResponse(new CaseRejectedError(rejections.healthOrSafetyThreatMustBeExamined()))?.status).toBe(422);
    expect(errorResponse(new CaseRejectedError(rejections.caseNotFound('x')))?.status).toBe(404);
    expect(errorResponse(new CaseRejectedError(rejections.receivedInTheFuture('a', 'b')))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'receivedAt' }] },
    });
  });

  it('idempotency: a reused key is 422, one still in progress 409 with Retry-After', () => {
    expect(errorResponse(new IdempotencyKeyReusedError('k'))).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'Idempotency-Key' }] },
    });
    expect(errorResponse(new RequestInProgressError('k', 3))).toMatchObject({ status: 409, headers: { 'Retry-After': '3' } });
    expect(errorResponse(new ConcurrentChangeError('c'))?.status).toBe(409);
  });

  it('a stale If-Match: 412 with the current revision, in the body and as the ETag', () => {
    expect(errorResponse(new PreconditionFailedError(7))).toEqual({
      status: 412,
      body: { statusCode: 412, currentRevision: 7, errors: [{ field: 'If-Match', reason: expect.stringContaining('revision 7') }] },
      headers: { ETag: '"7"' },
    });
  });

  it('a request intake knows cannot apply to the case: 422 naming the field; an erased submitter: 409', () => {
    const problem = { field: 'originalCaseId', reason: 'no such case in this municipality' };
    expect(errorResponse(new RequestNotApplicableError([problem]))).toEqual({ status: 422, body: { statusCode: 422, errors: [problem] } });
    expect(errorResponse(new SubjectErasedError('s'))).toMatchObject({ status: 409, body: { errors: [{ field: 'case' }] } });
  });

  it('too large: 413 whether intake or the JSON parser refused it', () => {
    expect(errorResponse(new BodyTooLargeError(65_536))).toMatchObject({ status: 413, body: { errors: [{ field: 'body' }] } });
    const parser = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', limit: 102_400 });
    expect(errorResponse(parser)).toEqual({
      status: 413,
      body: { statusCode: 413, errors: [{ field: 'body', reason: 'is larger than 102400 bytes' }] },
    });
  });

  it("the framework's refusals keep their body and gain `errors` (malformed JSON, auth, rate limit, unknown route)", () => {
    expect(errorResponse(new BadRequestException('Unexpected token } in JSON at position 10'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'body', reason: 'Unexpected token } in JSON at position 10' }] },
    });
    expect(errorResponse(new ForbiddenException({ statusCode: 403, error: 'Forbidden', reason: 'other-tenant', message: 'no' }))).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        reason: 'other-tenant',
        message: 'no',
        errors: [{ field: 'Authorization', reason: 'no' }],
      },
    });
    expect(errorResponse(new ThrottlerException())).toMatchObject({ status: 429, body: { errors: [{ field: 'request' }] } });
    expect(errorResponse(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({
      status: 404,
      body: { errors: [{ field: 'path' }] },
    });
  });

  it('a rate limit: 429 in the platform body, in Bulgarian and English, with Retry-After', () => {
    expect(errorResponse(new TooManyRequestsError(42))).toEqual({
      status: 429,
      body: {
        statusCode: 429,
        errors: [{ field: 'request', reason: 'too many requests from this address; try again in 42 s' }],
        rejection: {
          type: 'TooManyRequests',
          message: {
            bg: 'Твърде много заявки от този адрес. Опитайте отново след 42 секунди.',
            en: 'Too many requests from this address. Try again in 42 seconds.',
          },
        },
      },
      headers: { 'Retry-After': '42' },
    });
  });

  it("a citizen's file staff may not open: 409 with the reason named, in bg and en (C3); an unknown one 404", () => {
    for (const refusal of ['AttachmentNotScanned', 'AttachmentInfected', 'AttachmentErased'] as const) {
      expect(errorResponse(new AttachmentNotOpenedError(refusal))).toMatchObject({
        status: 409,
        body: {
          errors: [{ field: 'attachmentId' }],
          rejection: { type: refusal, message: { bg: expect.any(String), en: expect.any(String) } },
        },
      });
    }
    expect(errorResponse(new AttachmentNotFoundError('f-1'))).toMatchObject({ status: 404, body: { errors: [{ field: 'attachmentId' }] } });
  });

  it('file storage out of reach: 503, nothing kept', () => {
    expect(errorResponse(new StorageUnavailableError('connection refused'))).toMatchObject({
      status: 503,
      body: { errors: [{ field: 'attachments' }] },
    });
  });

  it("anything else is intake's own fault: a 500 that says nothing about the inside", () => {
    expect(errorResponse(new TypeError('x is undefined'))).toBeUndefined();
    expect(JSON.stringify(INTERNAL_ERROR)).not.toContain('undefined');
  });
});
