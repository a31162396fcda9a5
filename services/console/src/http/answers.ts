import type { Response } from 'express';

/** The platform's error body, `{ statusCode, errors: [{ field, reason }] }`, as every service answers it. */
export function answerError(res: Response, statusCode: number, field: string, reason: string): void {
  res
    .status(statusCode)
    .type('application/json')
    .send(JSON.stringify({ statusCode, errors: [{ field, reason }] }));
}
