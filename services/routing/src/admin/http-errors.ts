import { BadRequestException, ForbiddenException, NotFoundException, PreconditionFailedException } from '@nestjs/common';
import type { RoutingConfigRejection } from '@civic/domain';
import { createZodValidationPipe } from 'nestjs-zod';
import type { ZodIssue } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

type Reason = 'validation-failed' | 'unknown-units' | 'duplicate-officer';

export const badRequest = (reason: Reason, errors: FieldProblem[]): BadRequestException =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    reason,
    message: errors.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    errors,
  });

const fieldOf = (issue: ZodIssue): string => (issue.path.length > 0 ? issue.path.join('.') : '(body)');

/** Validates bodies with their zod DTOs; a bad body is a 400 naming each field and what is wrong with it. */
export const RoutingValidationPipe = createZodValidationPipe({
  createValidationException: (error) =>
    badRequest(
      'validation-failed',
      (error as { issues: ZodIssue[] }).issues.map((issue) => ({ field: fieldOf(issue), message: issue.message })),
    ),
});

export const unknownTenant = (tenant: string): NotFoundException =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', reason: 'unknown-tenant', message: `no tenant "${tenant}" is served here` });

/** A refused change of the routing set-up, as the HTTP answer that says why. */
export function rejectionAnswer(rejection: RoutingConfigRejection): Error {
  switch (rejection.type) {
    case 'UnknownUnits':
      return badRequest(
        'unknown-units',
        rejection.problems.map((problem) => ({ field: problem.path, message: `no unit "${problem.unit}" in this tenant` })),
      );
    case 'DuplicateOfficer':
      return badRequest('duplicate-officer', [{ field: rejection.path, message: rejection.message.en }]);
    case 'StaleRuleSetVersion':
      return new PreconditionFailedException({
        statusCode: 412,
        error: 'Precondition Failed',
        reason: 'stale-rule-set-version',
        message: rejection.message.en,
        currentVersion: rejection.currentVersion,
      });
    case 'NotPermittedForRole':
    case 'UnknownCommand':
      return new ForbiddenException({ statusCode: 403, error: 'Forbidden', reason: 'not-permitted', message: rejection.message.en });
  }
}
