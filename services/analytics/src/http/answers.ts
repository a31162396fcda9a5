import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { FieldProblem } from '../models/field-problems';
import { UnknownTenantError } from '../reads/case-reads';

/** Error answers as every service gives them: `{ statusCode, errors: [{ field, reason }] }`. */
export const badRequest = (errors: FieldProblem[]) => new BadRequestException({ statusCode: 400, error: 'Bad Request', errors });

export const notFound = (field: string, reason: string) => new NotFoundException({ statusCode: 404, error: 'Not Found', errors: [{ field, reason }] });

export const conflict = (field: string, reason: string, extra: object = {}) =>
  new ConflictException({ statusCode: 409, error: 'Conflict', errors: [{ field, reason }], ...extra });

/** Runs `work`, answering 404 for a tenant not served here. */
export async function forTenant<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnknownTenantError) throw notFound('tenant', error.message);
    throw error;
  }
}

export const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'errors'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
};
