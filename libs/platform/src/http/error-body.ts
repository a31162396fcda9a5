import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  PreconditionFailedException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { LocalizedText } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * One error body for every API of the platform (intake's, services/intake/src/http/error-response.ts):
 *
 *   { statusCode, errors: [{ field, reason }], rejection?, …facts }
 *
 * `errors` names each field the caller should look at (a dotted path such as `rules.2.then.unit`, a header
 * such as `If-Match` or `Authorization`, `body`, `path`) and why, in English. When a rule refused the
 * request, `rejection` names it (`type`) with the message people read, in Bulgarian and English, and its
 * facts. Anything else a client may use (e.g. `currentVersion`) sits beside them.
 */
export interface FieldProblem {
  field: string;
  reason: string;
  /** A machine-readable name for the problem, where clients act on it (e.g. `attachment-too-large`). */
  code?: string;
}

/** A named refusal: a domain rejection, or one of the platform's (e.g. `token-expired`). */
export interface NamedRejection {
  type: string;
  message: LocalizedText;
  [fact: string]: unknown;
}

export interface ErrorBody {
  statusCode: number;
  errors: FieldProblem[];
  rejection?: NamedRejection;
  [extra: string]: unknown;
}

/** What may accompany `statusCode` and `errors`. */
export type ErrorExtras = { rejection?: NamedRejection } & { [extra: string]: unknown } & { statusCode?: never; errors?: never };

/** An error answer: status, body, and headers when it needs some (e.g. `Retry-After`). */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

/** The body, always in this key order (`statusCode`, `errors`, then the extras), so equal answers are equal bytes. */
export const errorBody = (status: number, errors: FieldProblem[], extra: ErrorExtras = {}): ErrorBody => ({
  statusCode: status,
  errors,
  ...extra,
});

/** An HttpException whose response is the body; Nest's own filter and the platform's render it as is. */
export const httpError = (status: number, errors: FieldProblem[], extra?: ErrorExtras): HttpException =>
  new HttpException(errorBody(status, errors, extra), status);

export const badRequest = (errors: FieldProblem[], extra?: ErrorExtras): BadRequestException =>
  new BadRequestException(errorBody(HttpStatus.BAD_REQUEST, errors, extra));

export const unauthorized = (errors: FieldProblem[], extra?: ErrorExtras): UnauthorizedException =>
  new UnauthorizedException(errorBody(HttpStatus.UNAUTHORIZED, errors, extra));

export const forbidden = (errors: FieldProblem[], extra?: ErrorExtras): ForbiddenException =>
  new ForbiddenException(errorBody(HttpStatus.FORBIDDEN, errors, extra));

export const notFound = (errors: FieldProblem[], extra?: ErrorExtras): NotFoundException =>
  new NotFoundException(errorBody(HttpStatus.NOT_FOUND, errors, extra));

export const conflict = (errors: FieldProblem[], extra?: ErrorExtras): ConflictException =>
  new ConflictException(errorBody(HttpStatus.CONFLICT, errors, extra));

export const preconditionFailed = (errors: FieldProblem[], extra?: ErrorExtras): PreconditionFailedException =>
  new PreconditionFailedException(errorBody(HttpStatus.PRECONDITION_FAILED, errors, extra));

export const unprocessable = (errors: FieldProblem[], extra?: ErrorExtras): UnprocessableEntityException =>
  new UnprocessableEntityException(errorBody(HttpStatus.UNPROCESSABLE_ENTITY, errors, extra));

/** A tenant slug this deployment does not serve: the same words in every service. */
export const unknownTenant = (tenant: string): NotFoundException =>
  notFound([{ field: 'tenant', reason: `no municipality "${tenant}" is served here` }]);

/** A fault of the service itself: says nothing about the inside (the error is logged). */
export const INTERNAL_ERROR: ErrorResponse = {
  status: HttpStatus.INTERNAL_SERVER_ERROR,
  body: errorBody(HttpStatus.INTERNAL_SERVER_ERROR, [{ field: 'server', reason: 'something went wrong on our side; it has been logged' }]),
};

/** The body as a schema, for OpenAPI (`@ApiBadRequestResponse({ type: ErrorBodyDto })`) and for tests. */
export const errorBodySchema = z
  .object({
    statusCode: z.number().int().min(400).max(599),
    errors: z.array(z.object({ field: z.string(), reason: z.string(), code: z.string().optional() }).strict()),
    rejection: z
      .object({ type: z.string(), message: z.object({ bg: z.string(), en: z.string() }).strict() })
      .passthrough()
      .optional(),
  })
  .passthrough();
export class ErrorBodyDto extends createZodDto(errorBodySchema) {}
