import { BadRequestException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import type { ZodIssue } from 'zod';

/** One thing wrong with a request: where (a body path, a route parameter, a header) and why. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** Every error answer of notification: `{ statusCode, errors: [{ field, reason }] }`, as intake answers. */
export const problems = (status: number, errors: FieldProblem[]): HttpException => new HttpException({ statusCode: status, errors }, status);

export const badRequest = (errors: FieldProblem[]): BadRequestException => new BadRequestException({ statusCode: HttpStatus.BAD_REQUEST, errors });

export const notFound = (field: string, reason: string): NotFoundException =>
  new NotFoundException({ statusCode: HttpStatus.NOT_FOUND, errors: [{ field, reason }] });

const fieldOf = (issue: ZodIssue): string => (issue.path.length > 0 ? issue.path.join('.') : 'body');

/** Validates bodies with their zod DTOs; a bad body is a 400 naming each field and what is wrong with it. */
export const NotificationValidationPipe = createZodValidationPipe({
  createValidationException: (error) =>
    badRequest((error as { issues: ZodIssue[] }).issues.map((issue) => ({ field: fieldOf(issue), reason: issue.message }))),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Route parameters that must be ids: 400 naming the parameter, never a lookup of garbage. */
export function requireIds(ids: Record<string, string>): void {
  const bad = Object.entries(ids).filter(([, value]) => !UUID.test(value));
  if (bad.length > 0) throw badRequest(bad.map(([field]) => ({ field, reason: 'must be a UUID' })));
}
