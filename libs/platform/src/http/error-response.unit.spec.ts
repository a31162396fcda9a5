import { AuditLogUnavailableError } from '../audit-trail/audit-trail';
import { BadRequestException, ForbiddenException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { accessDenied, issuerUnavailable, tokenRefused } from '@civic/auth';
import { rejections } from '@civic/domain';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { caseRejected, caseRejectionResponse } from './case-rejections';
import {
  badRequest,
  conflict,
  errorBodySchema,
  forbidden,
  INTERNAL_ERROR,
  notFound,
  preconditionFailed,
  unauthorized,
  unknownTenant,
  unprocessable,
} from './error-body';
import { errorResponse } from './error-response';
import { PlatformExceptionFilter } from './exception.filter';
import { fieldProblems } from './field-problems';

const problem = { field: 'rules.0.then.unit', reason: 'no such unit' };
const rejection = { type: 'UnknownUnits', message: { bg: 'Няма такова звено.', en: 'No such unit.' } };

describe("the platform's error body", () => {
  it.each([
    [badRequest, 400],
    [unauthorized, 401],
    [forbidden, 403],
    [notFound, 404],
    [conflict, 409],
    [preconditionFailed, 412],
    [unprocessable, 422],
  ] as const)('%p answers %i as { statusCode, errors, …extras }, in that order', (build, status) => {
    const answer = errorResponse(build([problem], { rejection, currentVersion: 2 }));
    expect(answer?.status).toBe(status);
    expect(JSON.stringify(answer?.body)).toBe(JSON.stringify({ statusCode: status, errors: [problem], rejection, currentVersion: 2 }));
    expect(errorBodySchema.safeParse(answer?.body).success).toBe(true);
  });

  it('an unknown tenant is a 404 naming the tenant, in the words intake uses', () => {
    expect(errorResponse(unknownTenant('atlantis'))).toEqual({
      status: 404,
      body: { statusCode: 404, errors: [{ field: 'tenant', reason: 'no municipality "atlantis" is served here' }] },
    });
  });

  it("the auth guard's 401, 403 and 503 are exactly what the platform's builders give (auth cannot import them: see http-answers.ts)", () => {
    const token = { reason: 'token-expired', message: 'the token has expired' } as const;
    const refused = tokenRefused(token);
    const expected = unauthorized([{ field: 'Authorization', reason: token.message }], {
      rejection: { type: 'token-expired', message: { bg: 'Токенът е изтекъл.', en: token.message } },
    });
    expect(JSON.stringify(errorResponse(refused))).toBe(JSON.stringify(errorResponse(expected)));

    const denial = { reason: 'other-tenant', message: { bg: 'друга община', en: 'another tenant' } } as const;
    const denied = forbidden([{ field: 'Authorization', reason: 'another tenant' }], {
      rejection: { type: 'other-tenant', message: denial.message },
    });
    expect(JSON.stringify(errorResponse(accessDenied(denial)))).toBe(JSON.stringify(errorResponse(denied)));
    expect(errorBodySchema.safeParse(errorResponse(issuerUnavailable())?.body).success).toBe(true);
  });

  it("the case decider's rejections: the table's status and field, the rejection beside with its bg/en message", () => {
    expect(caseRejectionResponse(rejections.reasonRequired('ReassignCase'))).toMatchObject({
      status: 422,
      body: { statusCode: 422, errors: [{ field: 'reason' }], rejection: { type: 'ReasonRequired', message: { bg: expect.any(String) } } },
    });
    expect(errorResponse(caseRejected(rejections.illegalTransition('Closed', 'ReassignCase')))?.status).toBe(409);
    expect(caseRejectionResponse(rejections.caseNotFound('c')).status).toBe(404);
  });
});

describe('errors the platform did not build', () => {
  const schema = z.object({ officerId: z.string(), reason: z.string().min(1, 'is required'), absent: z.boolean() }).strict();
  const zodError = schema.safeParse({ reason: '', absent: 'no', extra: 1 }).error;

  it("zod: each field once, with intake's words, whether thrown as is or by nestjs-zod's pipe", () => {
    const expected = {
      status: 400,
      body: {
        statusCode: 400,
        errors: [
          { field: 'officerId', reason: 'is required' },
          { field: 'reason', reason: 'is required' },
          { field: 'absent', reason: 'must be a boolean, not string' },
          { field: 'extra', reason: 'is not a known field' },
        ],
      },
    };
    if (!zodError) throw new Error('expected a zod error');
    expect(errorResponse(zodError)).toEqual(expected);
    expect(errorResponse(new ZodValidationException(zodError as never))).toEqual(expected);
    expect(fieldProblems(zodError, 'units.0')[0].field).toBe('units.0.officerId');
  });

  it("Nest's own refusals keep their body and gain `errors` naming what to look at", () => {
    expect(errorResponse(new BadRequestException('Unexpected token } in JSON at position 10'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'body', reason: 'Unexpected token } in JSON at position 10' }] },
    });
    expect(errorResponse(new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: 'no' }))).toEqual({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: 'no', errors: [{ field: 'Authorization', reason: 'no' }] },
    });
    expect(errorResponse(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({
      status: 404,
      body: { errors: [{ field: 'path' }] },
    });
  });

  it("the body parser's errors name the body; anything else is the service's fault, a 500 that says nothing of the inside", () => {
    const parser = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', limit: 102_400 });
    expect(errorResponse(parser)).toEqual({
      status: 413,
      body: { statusCode: 413, errors: [{ field: 'body', reason: 'is larger than 102400 bytes' }] },
    });
    expect(errorResponse(new TypeError('x is undefined'))).toBeUndefined();
    expect(INTERNAL_ERROR.body).toEqual({
      statusCode: 500,
      errors: [{ field: 'server', reason: 'something went wrong on our side; it has been logged' }],
    });
  });
});

describe('PlatformExceptionFilter', () => {
  const run = (exception: unknown, type = 'http') => {
    const replies: { body: unknown; status: number }[] = [];
    const adapter = { setHeader: jest.fn(), reply: (_response: unknown, body: unknown, status: number) => replies.push({ body, status }) };
    const filter = new PlatformExceptionFilter({ httpAdapter: adapter } as unknown as HttpAdapterHost);
    const host = { getType: () => type, switchToHttp: () => ({ getResponse: () => ({}) }) } as unknown as ArgumentsHost;
    return { result: filter.catch(exception, host), replies };
  };

  it('replies with the status and the body', () => {
    expect(run(conflict([problem], { rejection })).replies).toEqual([
      { status: 409, body: { statusCode: 409, errors: [problem], rejection } },
    ]);
  });

  it('answers its own faults with a bare 500, and logs them', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect(run(new TypeError('boom')).replies).toEqual([{ status: 500, body: INTERNAL_ERROR.body }]);
      expect(logged).toHaveBeenCalledWith({ err: expect.any(TypeError) }, 'unexpected error while answering a request');
    } finally {
      logged.mockRestore();
    }
  });

  it('hands errors of a Kafka handler back, for the consumer toolkit to retry', () => {
    const { result, replies } = run(new Error('broker down'), 'rpc');
    expect(replies).toEqual([]);
    expect(result).toBeDefined();
  });
});

describe('a read that could not be recorded in the audit log', () => {
  it('is a 503, never answered', () => {
    const answer = errorResponse(new AuditLogUnavailableError(new Error('store down')));
    expect(answer).toMatchObject({ status: 503, body: { statusCode: 503, errors: [{ field: 'request' }] } });
  });
});
