import { rejections } from '@civic/domain';
import { BadRequestException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import {
  CaseRejectedError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  RequestInProgressError,
  UnknownTenantError,
} from '../cases/errors';
import {
  ApiKeyRejectedError,
  INTERNAL_ERROR,
  open311Answer,
  ParameterMissingError,
  ResourceNotFoundError,
  ServiceNotFoundError,
  ServiceRequestNotFoundError,
  TokenNotFoundError,
} from './errors';

describe('errors as Open311 answers', () => {
  it('bad input is 400 with one error per field, naming it', () => {
    expect(
      open311Answer(
        new InvalidInputError([
          { field: 'service_code', reason: 'is required' },
          { field: 'location', reason: 'is required' },
        ]),
      ),
    ).toEqual({
      status: 400,
      errors: [
        { code: 400, description: 'service_code: is required' },
        { code: 400, description: 'location: is required' },
      ],
    });
    expect(open311Answer(new ParameterMissingError('jurisdiction_id'))).toEqual({
      status: 400,
      errors: [{ code: 400, description: 'jurisdiction_id was not provided' }],
    });
  });

  it('too many reads from one address is 429, in the same shape', () => {
    expect(open311Answer(new ThrottlerException())).toEqual({
      status: 429,
      errors: [{ code: 429, description: expect.stringMatching(/^too many requests/) }],
    });
  });

  it('a missing or wrong api_key is 403', () => {
    expect(open311Answer(new ApiKeyRejectedError('missing'))?.status).toBe(403);
    expect(open311Answer(new ApiKeyRejectedError('invalid'))?.errors[0].description).toContain('api_key');
  });

  it('whatever does not exist is 404: jurisdiction, service, request, token, resource', () => {
    expect(open311Answer(new UnknownTenantError('atlantis'))).toEqual({
      status: 404,
      errors: [{ code: 404, description: 'jurisdiction_id "atlantis" was not found' }],
    });
    for (const error of [
      new ServiceNotFoundError('x.y', 'peshtera'),
      new ServiceRequestNotFoundError('PSH-2026-999999', 'peshtera'),
      new TokenNotFoundError('t'),
      new ResourceNotFoundError('/open311/v2/nothing.json'),
    ]) {
      expect(open311Answer(error)?.status).toBe(404);
    }
  });

  it('anything else the request cannot get is 400 (the spec has no 409 or 422), with Retry-After while a retry is in progress', () => {
    expect(open311Answer(new IdempotencyKeyReusedError('k'))).toMatchObject({
      status: 400,
      errors: [{ description: expect.stringMatching(/^Idempotency-Key: /) }],
    });
    expect(open311Answer(new RequestInProgressError('k', 2))).toMatchObject({ status: 400, headers: { 'Retry-After': '2' } });
    expect(open311Answer(new CaseRejectedError(rejections.illegalTransition('Withdrawn', 'WithdrawCase')))?.status).toBe(400);
  });

  it("leaves the framework's refusals and intake's own faults to the filter (500 only for those)", () => {
    expect(open311Answer(new BadRequestException('bad'))).toBeUndefined();
    expect(open311Answer(new TypeError('x'))).toBeUndefined();
    expect(INTERNAL_ERROR.status).toBe(500);
  });
});
