import { fieldProblems } from '@civic/platform';
import type { z } from 'zod';
import { InvalidInputError } from './errors';

/** The body as the schema reads it, or InvalidInputError naming every bad field (a 400). */
export function parseBody<S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new InvalidInputError(fieldProblems(result.error));
  return result.data;
}
